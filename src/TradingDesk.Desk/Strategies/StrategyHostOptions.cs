namespace TradingDesk.Desk.Strategies;

/// <summary>
/// How the <see cref="StrategyHost"/> restarts failing strategies (through the runtime's BackoffSupervisor):
/// the n-th restart waits min(MaxBackoff, MinBackoff × 2ⁿ), stretched by up to RandomFactor.
/// Defaults: 1 s … 60 s, 0.2, give up after 10 restarts, forget failures after 5 quiet minutes; 5 s to leave the desk on stop.
/// </summary>
public sealed record StrategyHostOptions
{
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    public double RandomFactor { get; init; } = 0.2;

    /// <summary>Restarts before the host gives up on a strategy (negative: never give up).</summary>
    public int MaxRestarts { get; init; } = 10;

    /// <summary>A strategy that ran this long without failing gets its backoff reset.</summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a stopping strategy may take to leave the desk (end its subscriptions, unregister) before it is stopped
    /// without the desk's confirmation.
    /// </summary>
    public TimeSpan LeaveTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Throws naming what to change when the options cannot work.</summary>
    public StrategyHostOptions Validated()
    {
        var problems = new List<string>();
        if (MinBackoff < TimeSpan.Zero) problems.Add($"MinBackoff must not be negative, not {MinBackoff}");
        if (MaxBackoff < MinBackoff) problems.Add($"MaxBackoff ({MaxBackoff}) must be at least MinBackoff ({MinBackoff})");
        if (RandomFactor < 0) problems.Add($"RandomFactor must not be negative, not {RandomFactor}");
        if (LeaveTimeout <= TimeSpan.Zero) problems.Add($"LeaveTimeout must be positive, not {LeaveTimeout}");
        if (ResetAfter <= TimeSpan.Zero) problems.Add($"ResetAfter must be positive, not {ResetAfter}");
        return problems.Count == 0 ? this : throw new ArgumentException("Invalid StrategyHostOptions: " + string.Join("; ", problems));
    }
}
