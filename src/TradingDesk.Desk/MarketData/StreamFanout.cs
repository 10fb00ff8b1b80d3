using Akka.Actor;

namespace TradingDesk.Desk.MarketData;

/// <summary>
/// How a shared line hands one item to its subscribers. In one process it is a Tell to each (<see cref="DirectFanout"/>).
/// In a cluster the desk groups the subscribers by node and sends the item once per node, flow-controlled, so one
/// tick for fifty strategies on a node crosses the network once and a slow node cannot grow the desk's memory.
/// Called on the line actor's turn; an implementation must not block.
/// </summary>
public interface IStreamFanout
{
    /// <summary>Delivers <paramref name="item"/> to every subscriber, in order with the line's earlier items.</summary>
    void FanOut(object item, IActorRef[] subscribers, IActorRef sender);
}

/// <summary>A Tell to each subscriber: the same item object to each (no per-subscriber copies).</summary>
public sealed class DirectFanout : IStreamFanout
{
    public static readonly DirectFanout Instance = new();

    public void FanOut(object item, IActorRef[] subscribers, IActorRef sender)
    {
        for (var i = 0; i < subscribers.Length; i++) subscribers[i].Tell(item, sender);
    }
}
