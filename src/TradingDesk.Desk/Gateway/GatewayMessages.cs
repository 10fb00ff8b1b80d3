using System.Diagnostics;
using Akka.Actor;
using Google.Protobuf;

namespace TradingDesk.Desk.Gateway;

/// <summary>
/// The desk's internal traffic between the connection, the pacer, the router and the actors that own requests.
/// Strategies never see these, and they never leave the desk's process: they carry IB's protobuf messages and pacer
/// keys, so they skip Akka's serialization check.
/// </summary>
public static class GatewayMessages
{
    /// <summary>
    /// One decoded message from the gateway, in arrival order. Sent by the connection's read loop to the router.
    /// <paramref name="ReceivedAt"/> is local time (the desk's TimeProvider) when the frame was decoded.
    /// </summary>
    public sealed record Inbound(IMessage Message, DateTimeOffset ReceivedAt) : INoSerializationVerificationNeeded;

    /// <summary>
    /// A request to send to the gateway. Request actors and the order manager send it to the pacer, which
    /// forwards it to the connection within the message-rate budget, orders and cancels first.
    /// <paramref name="Key"/> lets a queued request be withdrawn (<see cref="Withdraw"/>) before it is sent.
    /// </summary>
    public sealed record Outbound(IMessage Message, OutboundPriority Priority, object? Key = null) : INoSerializationVerificationNeeded;

    /// <summary>Removes queued <see cref="Outbound"/> messages with this key that the pacer has not sent yet.</summary>
    public sealed record Withdraw(object Key) : INoSerializationVerificationNeeded;

    /// <summary>
    /// Sent by the pacer to the connection: write this now. The connection encodes at the negotiated version.
    /// <paramref name="Trace"/>: the trace the message belongs to (default: none), for the connection's span of the write.
    /// </summary>
    public sealed record Write(IMessage Message, ActivityContext Trace = default) : INoSerializationVerificationNeeded;
}

/// <summary>Order of precedence in the pacer's queue: lower goes first.</summary>
public enum OutboundPriority
{
    /// <summary>placeOrder, cancelOrder, reqGlobalCancel: never wait behind data requests.</summary>
    Order = 0,
    /// <summary>Market data, account, reference-data requests and their cancels.</summary>
    Data = 1,
    /// <summary>Historical data: also subject to IB's historical pacing rules.</summary>
    Historical = 2,
}
