using Akka.Actor;
using Akka.Event;
using TradingDesk.Cluster.Messages;
using TradingDesk.Cluster.Node;

namespace TradingDesk.Cluster.DeskNode;

/// <summary>
/// The desk's sender of stream items to one strategy node: every item for any actor on that node goes through here,
/// once, with the list of its targets there; the node's <see cref="DeskLink"/> hands it to each. Flow-controlled
/// (<see cref="StreamWindow"/>): at most a window of batches in flight; while the window is full items wait in a
/// <see cref="StreamQueue"/>, where ticks conflate, and go out several per batch once acknowledgements arrive. So a slow
/// node costs the desk at most one waiting tick per subscription and tick type (plus the non-tick items it has not taken).
/// <para>
/// States: Resolving (Identify sent to the node's link; items queue) → Streaming (link known and watched) → stopped
/// when the link terminates (its node left: the router hears of the strategies' Terminated on its own).
/// Resolving → Direct when the node runs no link (a client that is no TradingDesk node): items are told to their
/// targets one by one, unconflated, and that is logged.
/// </para>
/// </summary>
public sealed class StreamOutlet : ReceiveActor, IWithTimers
{
    /// <summary>From the fan-out: deliver <paramref name="Item"/> to <paramref name="Targets"/>, all on this outlet's node.</summary>
    public sealed record Outgoing(object Item, IActorRef[] Targets) : INoSerializationVerificationNeeded;

    private sealed record AckOverdue;

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Address _node;
    private readonly Action _onStop;
    private readonly StreamQueue _queue = new();
    private readonly string _name;
    private IActorRef _link = ActorRefs.Nobody;
    private long _sent;
    private long _acked;

    public StreamOutlet(Address node, Action onStop)
    {
        _node = node;
        _onStop = onStop;
        _name = Self.Path.Name;
        Resolving();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(Address node, Action onStop) => Akka.Actor.Props.Create(() => new StreamOutlet(node, onStop));

    protected override void PreStart() =>
        Context.ActorSelection(new RootActorPath(_node) / "user" / DeskLink.Name).Tell(new Identify(_node.ToString()));

    protected override void PostStop() => _onStop();

    private void Resolving()
    {
        Receive<Outgoing>(o => _queue.Enqueue(o.Item, o.Targets));
        Receive<ActorIdentity>(id =>
        {
            if (id.Subject is { } link)
            {
                _link = link;
                Context.Watch(link);
                Become(Streaming);
                Pump();
                return;
            }
            _log.Warning("outlet {0}: no desk link at {1}; items go to their targets one by one, without flow control or conflation", _name, _node);
            Become(Direct);
            foreach (var entry in _queue.Take(int.MaxValue)) Tell(entry.Item, entry.Targets);
        });
    }

    private void Streaming()
    {
        Receive<Outgoing>(o =>
        {
            _queue.Enqueue(o.Item, o.Targets);
            Pump();
        });
        Receive<StreamMessages.StreamAck>(ack =>
        {
            if (ack.UpTo <= _acked) return;
            _acked = Math.Min(ack.UpTo, _sent);
            if (_acked == _sent) Timers.Cancel(nameof(AckOverdue));
            else Timers.StartSingleTimer(nameof(AckOverdue), new AckOverdue(), StreamWindow.AckOverdue);
            Pump();
        });
        Receive<AckOverdue>(_ =>
        {
            // Acks come back over the same association as the batches; none for this long means batches were lost with it.
            _log.Warning("outlet {0}: batches {1}..{2} to {3} were not acknowledged within {4}; taking them as lost", _name, _acked + 1, _sent, _node, StreamWindow.AckOverdue);
            _acked = _sent;
            Pump();
        });
        Receive<Terminated>(t => t.ActorRef.Equals(_link), _ =>
        {
            _log.Info("outlet {0}: the desk link at {1} is gone; {2} waiting items dropped with it", _name, _node, _queue.Count);
            Context.Stop(Self);
        });
    }

    private void Direct() => Receive<Outgoing>(o => Tell(o.Item, o.Targets));

    private void Pump()
    {
        while (_sent - _acked < StreamWindow.Batches && _queue.Count > 0)
        {
            var entries = _queue.Take(StreamWindow.MaxEntries);
            _sent++;
            _link.Tell(new StreamMessages.StreamBatch(_name, _sent, entries), Self);
            if (!Timers.IsTimerActive(nameof(AckOverdue))) Timers.StartSingleTimer(nameof(AckOverdue), new AckOverdue(), StreamWindow.AckOverdue);
        }
    }

    private void Tell(object item, IReadOnlyList<IActorRef> targets)
    {
        foreach (var target in targets) target.Tell(item, ActorRefs.NoSender);
    }
}
