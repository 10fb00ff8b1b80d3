using System.Threading.Channels;
using Akka.Actor;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Mapping;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Streams;

/// <summary>
/// One open stream of the gRPC front: it sends the subscribe command to the desk with itself as the subscriber (so the
/// desk shares the line with every other subscriber of the same contract, as for an actor strategy) and hands the
/// items to the RPC handler's channel, as fast as the handler writes them (<see cref="StreamOutlet{TItem}"/>). The
/// handler stops it the moment the call ends; it then unsubscribes, and the router, which watches every subscriber,
/// releases its share of the line on its Terminated as well. <c>subscribed</c> completes when the desk confirmed the
/// subscription (or ended it first): the handler then sends the response headers, so a client knows its stream is live.
/// </summary>
internal sealed class SubscriptionStreamActor<TEvent> : ReceiveActor where TEvent : class
{
    private readonly IActorRef _desk;
    private readonly object _subscribe;
    private readonly StreamShape<TEvent> _shape;
    private readonly DeskWire _wire;
    private readonly StreamOutlet<TEvent> _outlet;
    private readonly TaskCompletionSource _subscribed;
    private readonly StreamHooks? _hooks;
    private readonly Queue<(StreamRelay Relay, IActorRef Asker)> _relays = new();
    private SubscriptionId? _id;
    private SubscriptionId? _opened; // as the desk confirmed it, kept when the desk ends the stream (_id is not)

    public SubscriptionStreamActor(IActorRef desk, object subscribe, StreamShape<TEvent> shape, DeskWire wire, ChannelWriter<TEvent> writer, StreamCredit credit, TaskCompletionSource subscribed, int window, int limit,
        StreamHooks? hooks)
    {
        _desk = desk;
        _subscribe = subscribe;
        _shape = shape;
        _wire = wire;
        _outlet = new StreamOutlet<TEvent>(writer, window, limit, credit);
        _subscribed = subscribed;
        _hooks = hooks;
        Receive<SubscriptionMessages.Subscribed>(s =>
        {
            _id = s.Id;
            _opened = s.Id;
            _hooks?.Opened(s.Id, Self);
            // A stream whose client names its subscription in later calls (display groups) carries the confirmation first.
            if (_shape.IsItem(s)) OnItem(s);
            _subscribed.TrySetResult();
        });
        Receive<SubscriptionMessages.SubscriptionEnded>(e => { End(e.Failure is null ? null : CallFailures.From(e.Failure)); });
        Receive<StreamRelay>(OnRelay);
        Receive<RequestFailed>(f =>
        {
            if (_relays.TryPeek(out var pending) && Equals(pending.Relay.Command, f.Request)) _relays.Dequeue().Asker.Tell(f);
            else End(CallFailures.From(f.Failure));
        });
        Receive<StreamDemand>(_ => Flush());
        ReceiveAny(OnItem);
    }

    /// <param name="hooks">Told when the desk confirmed the subscription and when this actor stops (the front's registry of the streams later calls name).</param>
    public static Props Props(IActorRef desk, object subscribe, StreamShape<TEvent> shape, DeskWire wire, ChannelWriter<TEvent> writer, StreamCredit credit, TaskCompletionSource subscribed, int window, int limit,
        StreamHooks? hooks = null) =>
        Akka.Actor.Props.Create(() => new SubscriptionStreamActor<TEvent>(desk, subscribe, shape, wire, writer, credit, subscribed, window, limit, hooks));

    protected override void PreStart() => _desk.Tell(_subscribe, Self);

    protected override void PostStop()
    {
        // Before the Unsubscribe: once the desk has let go of the line, no later call may name this stream.
        if (_opened is { } opened) _hooks?.Closed(opened, Self);
        // The router knows a subscriber by its ref: an Unsubscribe from this (now stopped) ref releases the share at once,
        // and its Terminated does the same if this one is lost.
        if (_id is { } id) _desk.Tell(new SubscriptionMessages.Unsubscribe(id), Self);
        _outlet.Complete(null);
        _subscribed.TrySetResult();
        // A relay the desk has not answered yet would otherwise leave its caller waiting for its deadline.
        foreach (var (relay, asker) in _relays) asker.Tell(new RequestFailed(relay.Command, new InvalidRequest("the stream this call names has ended")));
    }

    // A command about this stream's subscription (UpdateDisplayGroup) must come from a subscriber of the line: the
    // desk checks the sender. The stream sends it as itself and hands the desk's answer to the asker. The router
    // answers these at once and in order, so the oldest pending relay is the one answered.
    private void OnRelay(StreamRelay relay)
    {
        _relays.Enqueue((relay, Sender));
        _desk.Tell(relay.Command, Self);
    }

    private void OnItem(object message)
    {
        if (_relays.TryPeek(out var pending) && pending.Relay.IsReply(message))
        {
            _relays.Dequeue().Asker.Tell(message);
            return;
        }
        var isNote = message is SubscriptionMessages.Resubscribed or SubscriptionMessages.SubscriptionNotice or SubscriptionMessages.Conflated;
        if (!isNote && !_shape.IsItem(message))
        {
            Unhandled(message);
            return;
        }
        var key = _shape.ConflateTicks && message is MarketDataMessages.Tick t ? t.Type : (TickType?)null;
        if (!_outlet.Add(message, key))
        {
            End(CallFailures.ReaderTooSlow());
            return;
        }
        Flush();
    }

    private void Flush() => _outlet.Flush(Render);

    private IEnumerable<TEvent> Render(StreamOutlet<TEvent>.Waiting waiting)
    {
        if (waiting.Replaced > 0 && waiting.Key is { } type && _id is { } id)
            yield return _shape.Note(new W.StreamNote
            {
                Conflated = _wire.Out(new SubscriptionMessages.Conflated(id, type, waiting.Replaced, Context.System.Scheduler.Now), W.Conflated.Parser),
            });
        yield return waiting.Message switch
        {
            SubscriptionMessages.Resubscribed r => _shape.Note(new W.StreamNote { Resubscribed = _wire.Out(r, W.Resubscribed.Parser) }),
            SubscriptionMessages.SubscriptionNotice n => _shape.Note(new W.StreamNote { Notice = _wire.Out(n, W.SubscriptionNotice.Parser) }),
            SubscriptionMessages.Conflated c => _shape.Note(new W.StreamNote { Conflated = _wire.Out(c, W.Conflated.Parser) }),
            var item => _shape.Item(item)!,
        };
    }

    private void End(Exception? error)
    {
        _outlet.Complete(error);
        _subscribed.TrySetResult(); // the handler goes on to the channel, which ends with the error
        _id = null; // ended by the desk: nothing to unsubscribe
        Context.Stop(Self);
    }
}
