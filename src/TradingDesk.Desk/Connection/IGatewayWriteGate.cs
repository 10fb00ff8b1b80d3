namespace TradingDesk.Desk.Connection;

/// <summary>
/// Asked before every write to the gateway's socket. A desk in a cluster may only write while its node is still a
/// member in good standing: a node that was frozen (SIGSTOP, a long GC pause, a VM stall) wakes up with a live socket
/// while a standby may already own the gateway, and must not send a single message then. In one process the gate is
/// always open (<see cref="AlwaysOpen"/>). Called on the writer's path: must be quick and must not block.
/// </summary>
public interface IGatewayWriteGate
{
    /// <summary>True when the desk may write now; otherwise false and why, in words for the log.</summary>
    bool MayWrite(out string reason);
}

/// <summary>The gate of a desk that is alone: it may always write.</summary>
public sealed class AlwaysOpen : IGatewayWriteGate
{
    public static readonly AlwaysOpen Instance = new();

    public bool MayWrite(out string reason)
    {
        reason = "";
        return true;
    }
}
