using System.Collections.Concurrent;
using Akka.Actor;
using TradingDesk.Desk.MarketData;

namespace TradingDesk.Cluster.DeskNode;

/// <summary>
/// The desk's fan-out in a cluster: subscribers in the desk's own process get a Tell each; subscribers on another node
/// are grouped by node, and the item goes once to that node's <see cref="StreamOutlet"/> with the list of targets there.
/// So one tick for fifty strategies on one node crosses the network once, flow-controlled. Outlets are created on first
/// use (a top-level actor per node, thread-safe to create from any line actor) and forget themselves when they stop.
/// </summary>
public sealed class NodeFanout(ActorSystem system) : IStreamFanout
{
    private readonly ConcurrentDictionary<Address, Lazy<StreamOutlet.Inbox>> _outlets = new();
    private long _created;

    public void FanOut(object item, IActorRef[] subscribers, IActorRef sender)
    {
        Dictionary<Address, List<IActorRef>>? remote = null;
        foreach (var subscriber in subscribers)
        {
            var address = subscriber.Path.Address;
            if (address.HasLocalScope)
            {
                subscriber.Tell(item, sender);
                continue;
            }
            remote ??= [];
            if (!remote.TryGetValue(address, out var targets)) remote[address] = targets = [];
            targets.Add(subscriber);
        }
        if (remote is null) return;
        foreach (var (address, targets) in remote) Outlet(address).Post(new StreamOutlet.Outgoing(item, [.. targets]));
    }

    /// <summary>The outlets alive now, by node (for tests and status).</summary>
    public IReadOnlyCollection<Address> Nodes => [.. _outlets.Keys];

    private StreamOutlet.Inbox Outlet(Address node)
    {
        var entry = _outlets.GetOrAdd(node, n => new Lazy<StreamOutlet.Inbox>(() => Create(n)));
        return entry.Value;
    }

    private StreamOutlet.Inbox Create(Address node)
    {
        // A stopped outlet removes exactly its own entry: a newer outlet for a node that came back stays.
        Lazy<StreamOutlet.Inbox>? self = null;
        var name = $"desk-outlet-{node.Host}-{node.Port}-{Interlocked.Increment(ref _created)}";
        var inbox = StreamOutlet.Start(system, node, () =>
        {
            if (self is not null) _outlets.TryRemove(new KeyValuePair<Address, Lazy<StreamOutlet.Inbox>>(node, self));
        }, name);
        _outlets.TryGetValue(node, out self);
        return inbox;
    }
}
