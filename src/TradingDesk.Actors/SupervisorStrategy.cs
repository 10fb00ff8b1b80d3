namespace TradingDesk.Actors;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the instance and its state; continue with the next message (the failed one is dropped).</summary>
    Resume,

    /// <summary>Replace the instance with a fresh one; the mailbox is kept, the failed message is dropped.</summary>
    Restart,

    /// <summary>Stop the child.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, so its own parent decides.</summary>
    Escalate,
}

/// <summary>
/// How a parent handles its children's failures: a decider mapping exceptions to a <see cref="Directive"/>,
/// and a restart budget — at most <see cref="MaxNrOfRetries"/> restarts within
/// <see cref="WithinTimeRange"/>, after which the child is stopped. Time comes from the system's TimeProvider.
/// </summary>
public abstract class SupervisorStrategy
{
    protected SupervisorStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNrOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
    }

    /// <summary>
    /// Restart on any exception except initialization failures, <see cref="ActorKilledException"/> and
    /// <see cref="DeathPactException"/>, which stop the child. Unlimited retries.
    /// </summary>
    public static Func<Exception, Directive> DefaultDecider { get; } = ex => ex switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>OneForOne with <see cref="DefaultDecider"/> and no retry limit.</summary>
    public static SupervisorStrategy DefaultStrategy { get; } = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops the failed child whatever the exception.</summary>
    public static SupervisorStrategy StoppingStrategy { get; } = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Restarts allowed within the window; negative means unlimited.</summary>
    public int MaxNrOfRetries { get; }

    /// <summary>The window for <see cref="MaxNrOfRetries"/>; <see cref="Timeout.InfiniteTimeSpan"/> for no window.</summary>
    public TimeSpan WithinTimeRange { get; }

    public Func<Exception, Directive> Decider { get; }

    internal Directive Decide(Exception cause) => Decider(cause);
}

/// <summary>The directive applies only to the child that failed.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    public OneForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    public OneForOneStrategy(Func<Exception, Directive> decider) : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }
}

/// <summary>The directive (restart or stop) applies to all children when one fails.</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(int maxNrOfRetries, TimeSpan withinTimeRange, Func<Exception, Directive> decider)
        : base(maxNrOfRetries, withinTimeRange, decider)
    {
    }

    public AllForOneStrategy(Func<Exception, Directive> decider) : this(-1, Timeout.InfiniteTimeSpan, decider)
    {
    }
}

/// <summary>Per-child restart budget; lives in the parent and is dropped when the child stops.</summary>
internal sealed class ChildRestartStats
{
    private int _count;
    private DateTimeOffset _windowStart;

    public bool RequestRestartPermission(SupervisorStrategy s, DateTimeOffset now)
    {
        var max = s.MaxNrOfRetries;
        var window = s.WithinTimeRange;
        var unlimitedWindow = window == Timeout.InfiniteTimeSpan || window <= TimeSpan.Zero;
        if (max < 0 && unlimitedWindow) return true;
        if (max == 0) return false;
        if (unlimitedWindow) return ++_count <= max;
        if (_count == 0 || now - _windowStart > window)
        {
            // A new window starts with this failure.
            _windowStart = now;
            _count = 1;
            return max < 0 || _count <= max;
        }
        return max < 0 || ++_count <= max;
    }
}
