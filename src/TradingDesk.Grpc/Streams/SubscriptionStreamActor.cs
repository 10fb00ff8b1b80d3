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
    private SubscriptionId? _id;

    public SubscriptionStreamActor(IActorRef desk, object subscribe, StreamShape<TEvent> shape, DeskWire wire, ChannelWriter<TEvent> writer, StreamCredit credit, TaskCompletionSource subscribed, int window, int limit)
    {
        _desk = desk;
        _subscribe = subscribe;
        _shape = shape;
        _wire = wire;
        _outlet = new StreamOutlet<TEvent>(writer, window, limit, credit);
        _subscribed = subscribed;
        Receive<SubscriptionMessages.Subscribed>(s =>
        {
            _id = s.Id;
            _subscribed.TrySetResult();
        });
        Receive<SubscriptionMessages.SubscriptionEnded>(e => { End(e.Failure is null ? null : CallFailures.From(e.Failure)); });
        Receive<RequestFailed>(f => { End(CallFailures.From(f.Failure)); });
        Receive<StreamDemand>(_ => Flush());
        ReceiveAny(OnItem);
    }

    public static Props Props(IActorRef desk, object subscribe, StreamShape<TEvent> shape, DeskWire wire, ChannelWriter<TEvent> writer, StreamCredit credit, TaskCompletionSource subscribed, int window, int limit) =>
        Akka.Actor.Props.Create(() => new SubscriptionStreamActor<TEvent>(desk, subscribe, shape, wire, writer, credit, subscribed, window, limit));

    protected override void PreStart() => _desk.Tell(_subscribe, Self);

    protected override void PostStop()
    {
        // The router knows a subscriber by its ref: an Unsubscribe from this (now stopped) ref releases the share at once,
        // and its Terminated does the same if this one is lost.
        if (_id is { } id) _desk.Tell(new SubscriptionMessages.Unsubscribe(id), Self);
        _outlet.Complete(null);
        _subscribed.TrySetResult();
    }

    private void OnItem(object message)
    {
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
