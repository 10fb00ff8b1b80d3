namespace TradingDesk.Simulator;

/// <summary>What a scheduled fault does: one kind per method of <see cref="SimulatorFaults"/>.</summary>
public enum FaultKind
{
    /// <summary>Close every connection (once, or every <see cref="ScheduledFault.Every"/>).</summary>
    Drop,
    RestartKeepingState,
    /// <summary>A deliberate fault: orders are forgotten and nextValidId goes back.</summary>
    RestartLosingState,
    /// <summary>Refuse new connections for <see cref="ScheduledFault.Length"/>.</summary>
    Refuse,
    /// <summary>Hold every outgoing message for <see cref="ScheduledFault.Length"/>.</summary>
    Stall,
    /// <summary>Error 1100 to every client.</summary>
    ConnectivityLost,
    /// <summary>Error 1101 to every client.</summary>
    ConnectivityRestoredDataLost,
    /// <summary>Error 1102 to every client.</summary>
    ConnectivityRestoredDataMaintained,
    /// <summary>A garbage frame to <see cref="ScheduledFault.ClientId"/>.</summary>
    Garbage,
    /// <summary>A truncated frame, then a close, to <see cref="ScheduledFault.ClientId"/>.</summary>
    Truncate,
    /// <summary>The next <see cref="ScheduledFault.Count"/> new orders get error 201.</summary>
    RejectOrders,
}

/// <summary>
/// A fault to inject at <see cref="At"/> after the simulator starts (on its clock), and again every
/// <see cref="Every"/> if set. Written and read as text by <see cref="FaultGrammar"/>; <see cref="Text"/> is that text.
/// </summary>
public sealed record ScheduledFault(FaultKind Kind, TimeSpan At)
{
    /// <summary>The period of a repeating fault (drop-every); null for a one-shot.</summary>
    public TimeSpan? Every { get; init; }

    /// <summary>How long a refusal or a stall lasts.</summary>
    public TimeSpan Length { get; init; }

    /// <summary>The client id a garbage or truncated frame goes to.</summary>
    public int ClientId { get; init; }

    /// <summary>How many new orders a reject-orders fault rejects.</summary>
    public int Count { get; init; } = 1;

    /// <summary>The fault as written (normalised), for logs: "refuse 10s at 20s".</summary>
    public string Text { get; init; } = "";

    public override string ToString() => Text;
}
