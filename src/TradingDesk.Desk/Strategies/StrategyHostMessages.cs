using Akka.Actor;

namespace TradingDesk.Desk.Strategies;

/// <summary>What a strategy is doing, as the <see cref="StrategyHost"/> sees it.</summary>
public enum StrategyRunState
{
    /// <summary>Created; not yet reported started (non-StrategyActor children stay here until they fail or stop).</summary>
    Starting,
    Running,
    /// <summary>It failed and waits for its backoff delay before the next incarnation starts.</summary>
    Restarting,
    Stopping,
    /// <summary>Stopped on request, stopped by itself, or given up on after too many failures.</summary>
    Stopped,
}

/// <summary>Commands and replies of the <see cref="StrategyHost"/> (sent by the desk's console, hosting or tests).</summary>
public static class StrategyHostMessages
{
    /// <summary>Start a strategy under <paramref name="Name"/> (an actor name). Replied with <see cref="StrategyStarted"/>
    /// or RequestFailed(InvalidRequest) when that name is running.</summary>
    public sealed record StartStrategy(string Name, Props Props);

    public sealed record StrategyStarted(string Name, IActorRef Supervisor);

    /// <summary>Stop a strategy; replied with <see cref="StrategyStopped"/> once it has stopped (its PostStop ran).</summary>
    public sealed record StopStrategy(string Name);

    public sealed record StrategyStopped(string Name);

    /// <summary>Stop every strategy; replied with <see cref="AllStopped"/> once all have stopped.</summary>
    public sealed record StopAll;

    public sealed record AllStopped(IReadOnlyList<string> Names);

    /// <summary>Deliver a message to the strategy's current incarnation (dead letters while it is restarting).</summary>
    public sealed record SendToStrategy(string Name, object Message);

    /// <summary>Replied with <see cref="StrategyStates"/>.</summary>
    public sealed record GetStrategyStates;

    public sealed record StrategyStates(IReadOnlyList<StrategyState> Strategies);

    /// <summary>One strategy's state, how often it failed and why it last failed.</summary>
    public sealed record StrategyState(string Name, StrategyRunState State, int FailureCount, string? LastFailure, DateTimeOffset Since);
}
