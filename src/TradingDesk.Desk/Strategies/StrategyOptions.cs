using Akka.Actor;
namespace TradingDesk.Desk.Strategies;

/// <summary>How a <see cref="StrategyActor"/> behaves towards the desk. Defaults: keep orders on stop, 30 s asks.</summary>
public sealed record StrategyOptions
{
    public static readonly StrategyOptions Default = new();

    /// <summary>
    /// On stop cancel every working order of this strategy (default false). Not on an in-place restart (PreRestart).
    /// Under the <see cref="StrategyHost"/> a failure stops the failed incarnation (BackoffSupervisor), so its orders are
    /// cancelled then too: nothing works unattended during the backoff, and the next incarnation starts flat.
    /// </summary>
    public bool CancelOrdersOnStop { get; init; }

    /// <summary>
    /// Cancel this strategy's working orders when it vanishes without a clean stop: its node crashed, was downed or left
    /// the cluster (default false: the orders keep working and their events reach the strategy when it starts again,
    /// on any node).
    /// </summary>
    public bool CancelOrdersOnDisconnect { get; init; }

    /// <summary>How long <see cref="StrategyActor.AskDesk{T}"/> waits when no timeout is given (default 30 s).</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Published on the EventStream by every <see cref="StrategyActor"/> when it starts (also after a restart) and when it
/// stops. The <see cref="StrategyHost"/> reports a strategy as running from these, and publishes
/// <see cref="RestartScheduled"/> when one failed.
/// </summary>
public static class StrategyLifecycle
{
    /// <summary>
    /// The host's strategy <paramref name="Name"/> failed (<paramref name="Failures"/> so far, the last one
    /// <paramref name="Failure"/>) and its next incarnation starts after <paramref name="Delay"/>. Published once the
    /// restart timer is armed: advancing a virtual clock by the delay after this event starts the strategy again.
    /// </summary>
    public sealed record RestartScheduled(string Name, int Failures, TimeSpan Delay, string Failure, DateTimeOffset At);

    /// <summary>The host gave up on strategy <paramref name="Name"/> after its restart limit; published once it is Stopped.</summary>
    public sealed record GaveUp(string Name, int Failures, string Failure, DateTimeOffset At);

    public sealed record Started(Domain.StrategyId Strategy, IActorRef Actor, DateTimeOffset At);

    public sealed record Stopped(Domain.StrategyId Strategy, IActorRef Actor, DateTimeOffset At);
}
