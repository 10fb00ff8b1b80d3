namespace TradingDesk.Actors;

/// <summary>When a <see cref="BackoffSupervisor"/> restarts its child.</summary>
public enum BackoffMode
{
    /// <summary>Restart after the child fails (throws); a child that stops by itself stops the supervisor too.</summary>
    OnFailure,

    /// <summary>Restart after the child stops for any reason (failures are restarted at once by the default strategy).</summary>
    OnStop,
}

/// <summary>
/// Options of a <see cref="BackoffSupervisor"/>. The n-th restart (from 0) waits
/// min(<see cref="MaxBackoff"/>, <see cref="MinBackoff"/> × 2ⁿ) stretched by up to <see cref="RandomFactor"/>
/// (e.g. 0.2 = up to 20 % longer) so that many supervisors do not retry in lockstep.
/// <code>
/// var props = BackoffSupervisor.Props(
///     BackoffOptions.OnFailure(ConnectionActor.Props(options), "connection",
///         TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2)
///     .WithAutoReset(TimeSpan.FromMinutes(1)));
/// </code>
/// </summary>
public sealed record BackoffOptions
{
    private BackoffOptions(BackoffMode mode, Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor)
    {
        ArgumentNullException.ThrowIfNull(childProps);
        ArgumentException.ThrowIfNullOrEmpty(childName);
        ArgumentOutOfRangeException.ThrowIfLessThan(minBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, minBackoff);
        ArgumentOutOfRangeException.ThrowIfNegative(randomFactor);
        Mode = mode;
        ChildProps = childProps;
        ChildName = childName;
        MinBackoff = minBackoff;
        MaxBackoff = maxBackoff;
        RandomFactor = randomFactor;
    }

    public BackoffMode Mode { get; }

    public Props ChildProps { get; }

    public string ChildName { get; }

    public TimeSpan MinBackoff { get; }

    public TimeSpan MaxBackoff { get; }

    public double RandomFactor { get; }

    /// <summary>Reset the restart count once a child has run this long without stopping. Default: never.</summary>
    public TimeSpan? ResetBackoff { get; init; }

    /// <summary>Restarts allowed before the supervisor gives up and stops; negative (default) for unlimited.</summary>
    public int MaxNrOfRetries { get; init; } = -1;

    public static BackoffOptions OnFailure(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnFailure, childProps, childName, minBackoff, maxBackoff, randomFactor);

    public static BackoffOptions OnStop(Props childProps, string childName, TimeSpan minBackoff, TimeSpan maxBackoff, double randomFactor) =>
        new(BackoffMode.OnStop, childProps, childName, minBackoff, maxBackoff, randomFactor);

    public BackoffOptions WithAutoReset(TimeSpan resetBackoff) => this with { ResetBackoff = resetBackoff };

    public BackoffOptions WithMaxNrOfRetries(int maxNrOfRetries) => this with { MaxNrOfRetries = maxNrOfRetries };

    /// <summary>The delay before restart number <paramref name="restartCount"/> (0-based).</summary>
    public TimeSpan DelayFor(int restartCount, double random01)
    {
        var exponential = MinBackoff.TotalMilliseconds * Math.Pow(2, Math.Min(restartCount, 30));
        if (exponential >= MaxBackoff.TotalMilliseconds) return MaxBackoff;
        var stretched = exponential * (1 + random01 * RandomFactor);
        return TimeSpan.FromMilliseconds(Math.Min(stretched, MaxBackoff.TotalMilliseconds));
    }
}
