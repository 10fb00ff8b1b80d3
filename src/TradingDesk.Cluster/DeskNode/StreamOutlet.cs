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
    /// <summary>From the fan-out, through the <see cref="Inbox"/>: deliver <paramref name="Item"/> to <paramref name="Targets"/>, all on this outlet's node.</summary>
    public sealed record Outgoing(object Item, IActorRef[] Targets);

    /// <summary>
    /// How the fan-out hands items to the outlet without a message per item: items wait in a concurrent queue and the
    /// outlet is woken once per run of them. A Tell per item would put the link's acknowledgements behind every item
    /// already in the mailbox (a flood of ticks then holds the window shut for as long as the mailbox takes to drain),
    /// and each item would leave alone in its own batch; woken, the outlet drains all that waits and batches it.
    /// </summary>
    public sealed class Inbox
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<Outgoing> _items = new();
        private int _woken;

        internal IActorRef Outlet { get; set; } = ActorRefs.Nobody;

        /// <summary>From any thread (the line actors): queue an item and wake the outlet unless a wake is pending.</summary>
        public void Post(Outgoing outgoing)
        {
            _items.Enqueue(outgoing);
            if (Interlocked.Exchange(ref _woken, 1) == 0) Outlet.Tell(Wake.Instance, ActorRefs.NoSender);
        }

        /// <summary>
        /// On the outlet: clears the pending wake before draining, so an item posted meanwhile wakes it again. Takes at
        /// most <see cref="DrainLimit"/> items and wakes the outlet again for the rest, so acknowledgements in its mailbox
        /// are not held behind a drain that a fast line keeps feeding.
        /// </summary>
        internal IEnumerable<Outgoing> Drain()
        {
            Volatile.Write(ref _woken, 0);
            for (var n = 0; n < DrainLimit && _items.TryDequeue(out var outgoing); n++) yield return outgoing;
            if (!_items.IsEmpty && Interlocked.Exchange(ref _woken, 1) == 0) Outlet.Tell(Wake.Instance, ActorRefs.NoSender);
        }

        private const int DrainLimit = 4096;
    }

    internal sealed record Wake : INoSerializationVerificationNeeded
    {
        public static readonly Wake Instance = new();
    }

    private sealed record AckOverdue;

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Address _node;
    private readonly Action _onStop;
    private readonly StreamQueue _queue = new();
    private readonly Inbox _inbox;
    private readonly string _name;
    private IActorRef _link = ActorRefs.Nobody;
    private long _sent;
    private long _acked;

    public StreamOutlet(Address node, Action onStop, Inbox inbox)
    {
        _node = node;
        _inbox = inbox;
        _onStop = onStop;
        _name = Self.Path.Name;
        Resolving();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Starts an outlet for <paramref name="node"/> and returns the inbox that feeds it.</summary>
    public static Inbox Start(IActorRefFactory factory, Address node, Action onStop, string name)
    {
        var inbox = new Inbox();
        inbox.Outlet = factory.ActorOf(Akka.Actor.Props.Create(() => new StreamOutlet(node, onStop, inbox)), name);
        return inbox;
    }

    protected override void PreStart() =>
        Context.ActorSelection(new RootActorPath(_node) / "user" / DeskLink.Name).Tell(new Identify(_node.ToString()));

    protected override void PostStop() => _onStop();

    private void Resolving()
    {
        Receive<Wake>(_ =>
        {
            foreach (var o in _inbox.Drain()) _queue.Enqueue(o.Item, o.Targets);
        });
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
        Receive<Wake>(_ =>
        {
            // A tick conflates only when it could not leave now: while the queue is within what the open part of the
            // window can carry, ticks of one subscription and type queue in full and go out together.
            var room = (StreamWindow.Batches - (_sent - _acked)) * StreamWindow.MaxEntries;
            foreach (var o in _inbox.Drain()) _queue.Enqueue(o.Item, o.Targets, conflate: _queue.Count >= room);
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

    private void Direct()
    {
        Receive<Wake>(_ =>
        {
            foreach (var o in _inbox.Drain()) Tell(o.Item, o.Targets);
        });
    }

    private void Pump()
    {
        while (_sent - _acked < StreamWindow.Batches && _queue.Count > 0)
        {
            var entries = _queue.Take(StreamWindow.MaxEntries, StreamWindow.MaxTargets);
            _sent++;
            _link.Tell(new StreamMessages.StreamBatch(_name, _sent, entries, Context.System.Scheduler.Now), Self);
            if (!Timers.IsTimerActive(nameof(AckOverdue))) Timers.StartSingleTimer(nameof(AckOverdue), new AckOverdue(), StreamWindow.AckOverdue);
        }
    }

    private void Tell(object item, IReadOnlyList<IActorRef> targets)
    {
        foreach (var target in targets) target.Tell(item, ActorRefs.NoSender);
    }
}
