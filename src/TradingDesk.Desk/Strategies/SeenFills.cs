using System.Collections.Concurrent;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Strategies;

/// <summary>
/// The exec ids each strategy id has already been handed, one set per actor system (an Akka extension). A fill can
/// reach a strategy twice: the order manager sends the undelivered fills of a strategy's orders when it registers, and
/// after a desk failover the new desk learns the session's executions from the gateway again. The set outlives the
/// strategy actor (restarts, a new incarnation under the host's backoff), so every incarnation on this node sees each
/// fill once. Kept for the life of the actor system: a strategy's fills in one session are few next to its ticks.
/// Safe from any thread (strategies run concurrently; one strategy id runs in one place at a time). It keeps the order
/// endings each strategy id was handed the same way (<see cref="FirstEnding"/>): the desk tells an ending again at each
/// registration until the strategy's acknowledgement is journaled.
/// </summary>
public sealed class SeenFills : IExtension
{
    private readonly ConcurrentDictionary<StrategyId, ConcurrentDictionary<ExecId, byte>> _byStrategy = new();
    private readonly ConcurrentDictionary<StrategyId, ConcurrentDictionary<OrderEvents.IOrderEvent, byte>> _endings = new();

    /// <summary>The actor system's set.</summary>
    public static SeenFills Get(ActorSystem system) => system.WithExtension<SeenFills, SeenFillsProvider>();

    /// <summary>True the first time <paramref name="strategy"/> is handed <paramref name="execId"/>, false after that.</summary>
    public bool FirstSighting(StrategyId strategy, ExecId execId) =>
        _byStrategy.GetOrAdd(strategy, static _ => new ConcurrentDictionary<ExecId, byte>()).TryAdd(execId, 0);

    /// <summary>
    /// True the first time <paramref name="strategy"/> is handed this ending, false after that. Endings compare by value:
    /// the desk tells again the very event it recorded, while a different later one (say a done status after a loss)
    /// is news.
    /// </summary>
    public bool FirstEnding(StrategyId strategy, OrderEvents.IOrderEvent ending) =>
        _endings.GetOrAdd(strategy, static _ => new ConcurrentDictionary<OrderEvents.IOrderEvent, byte>()).TryAdd(ending, 0);
}

/// <summary>Creates the actor system's <see cref="SeenFills"/>.</summary>
public sealed class SeenFillsProvider : ExtensionIdProvider<SeenFills>
{
    public override SeenFills CreateExtension(ExtendedActorSystem system) => new();
}
