namespace TradingDesk.Desk.Connection;

/// <summary>Commands to the ConnectionActor (from the DeskActor, tests and the console).</summary>
public static class ConnectionMessages
{
    /// <summary>Start connecting (the actor also does so by itself when it starts); ignored unless Disconnected.</summary>
    public sealed record Connect : Messages.IDeskCommand
    {
        public static readonly Connect Instance = new();
    }

    /// <summary>Ask for the current <see cref="Gateway.ConnectionState"/>; the reply is a <see cref="StateReply"/>.</summary>
    public sealed record GetState : Messages.IDeskCommand
    {
        public static readonly GetState Instance = new();
    }

    /// <summary>
    /// Reply to <see cref="GetState"/>. <paramref name="ServerVersion"/> is 0 until the first handshake.
    /// <paramref name="LastConnected"/> is the Connected event of the current link while Connected (else null): an actor
    /// that starts after the connection can subscribe to the EventStream first, then ask, and miss nothing.
    /// </summary>
    public sealed record StateReply(Gateway.ConnectionState State, int ServerVersion, int Attempt, Gateway.ConnectionEvents.Connected? LastConnected = null);
}
