namespace TradingDesk.Desk.Connection;

/// <summary>
/// Published on the EventStream by the connection when its write gate (<see cref="IGatewayWriteGate"/>) stops and lets
/// writes to the gateway again. For observers and tests: <see cref="Held"/> is published once the retry timer is armed.
/// </summary>
public static class WriteGateEvents
{
    /// <summary>
    /// The gate was found closed: nothing is written to the gateway; what the desk sends is held, in order. The
    /// connection asks the gate again every <paramref name="RetryEvery"/> (the timer is armed).
    /// </summary>
    public sealed record Held(string Reason, TimeSpan RetryEvery, DateTimeOffset At);

    /// <summary>The gate is open again: the <paramref name="Queued"/> writes held meanwhile leave now, in order.</summary>
    public sealed record Released(int Queued, TimeSpan HeldFor, DateTimeOffset At);
}
