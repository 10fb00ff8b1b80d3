using System.Collections.Concurrent;
using Akka.Actor;
using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Strategies;

/// <summary>
/// The exec ids each strategy id has already been handed, one set per actor system (an Akka extension). A fill can
/// reach a strategy twice: the order manager sends the undelivered fills of a strategy's orders when it registers, and
/// after a desk failover the new desk learns the session's executions from the gateway again. The set outlives the
/// strategy actor (restarts, a new incarnation under the host's backoff), so every incarnation on this node sees each
/// fill once. Kept for the life of the actor system: a strategy's fills in one session are few next to its ticks.
/// Safe from any thread (strategies run concurrently; one strategy id runs in one place at a time).
/// </summary>
public sealed class SeenFills : IExtension
{
    private readonly ConcurrentDictionary<StrategyId, ConcurrentDictionary<ExecId, byte>> _byStrategy = new();

    /// <summary>The actor system's set.</summary>
    public static SeenFills Get(ActorSystem system) => system.WithExtension<SeenFills, SeenFillsProvider>();

    /// <summary>True the first time <paramref name="strategy"/> is handed <paramref name="execId"/>, false after that.</summary>
    public bool FirstSighting(StrategyId strategy, ExecId execId) =>
        _byStrategy.GetOrAdd(strategy, static _ => new ConcurrentDictionary<ExecId, byte>()).TryAdd(execId, 0);
}

/// <summary>Creates the actor system's <see cref="SeenFills"/>.</summary>
public sealed class SeenFillsProvider : ExtensionIdProvider<SeenFills>
{
    public override SeenFills CreateExtension(ExtendedActorSystem system) => new();
}
