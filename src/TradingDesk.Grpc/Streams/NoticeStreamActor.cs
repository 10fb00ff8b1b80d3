using System.Threading.Channels;
using Akka.Actor;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Mapping;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Streams;

/// <summary>
/// One StreamNotices call: what the desk publishes for everyone on the EventStream (gateway notices, desk failovers,
/// the kill switch) handed to the handler's channel as the reader takes it, up to a limit. <c>subscribed</c> completes
/// once it listens, so the handler's response headers tell a client that nothing published from then on is missed.
/// </summary>
internal sealed class NoticeStreamActor : ReceiveActor
{
    private readonly DeskWire _wire;
    private readonly StreamOutlet<W.NoticeEvent> _outlet;
    private readonly TaskCompletionSource _subscribed;

    public NoticeStreamActor(DeskWire wire, ChannelWriter<W.NoticeEvent> writer, StreamCredit credit, TaskCompletionSource subscribed, int window, int limit)
    {
        _wire = wire;
        _outlet = new StreamOutlet<W.NoticeEvent>(writer, window, limit, credit);
        _subscribed = subscribed;
        Receive<StreamDemand>(_ => _outlet.Flush(Render));
        Receive<GatewayNotice>(Add);
        Receive<DeskFailover>(Add);
        Receive<OrderEvents.KillSwitchActivated>(Add);
        Receive<OrderEvents.KillSwitchReleased>(Add);
    }

    public static Props Props(DeskWire wire, ChannelWriter<W.NoticeEvent> writer, StreamCredit credit, TaskCompletionSource subscribed, int window, int limit) =>
        Akka.Actor.Props.Create(() => new NoticeStreamActor(wire, writer, credit, subscribed, window, limit));

    protected override void PreStart()
    {
        var events = Context.System.EventStream;
        events.Subscribe(Self, typeof(GatewayNotice));
        events.Subscribe(Self, typeof(DeskFailover));
        events.Subscribe(Self, typeof(OrderEvents.KillSwitchActivated));
        events.Subscribe(Self, typeof(OrderEvents.KillSwitchReleased));
        _subscribed.TrySetResult();
    }

    protected override void PostStop()
    {
        Context.System.EventStream.Unsubscribe(Self);
        _outlet.Complete(null);
    }

    private void Add(object notice)
    {
        if (!_outlet.Add(notice, null))
        {
            _outlet.Complete(CallFailures.ReaderTooSlow());
            Context.Stop(Self);
            return;
        }
        _outlet.Flush(Render);
    }

    private IEnumerable<W.NoticeEvent> Render(StreamOutlet<W.NoticeEvent>.Waiting waiting)
    {
        yield return waiting.Message switch
        {
            GatewayNotice g => new W.NoticeEvent { Gateway = _wire.Out(g, W.GatewayNotice.Parser) },
            DeskFailover f => new W.NoticeEvent { Failover = _wire.Out(f, W.DeskFailover.Parser) },
            OrderEvents.KillSwitchActivated a => new W.NoticeEvent { KillSwitchActivated = _wire.Out(a, W.KillSwitchActivated.Parser) },
            var released => new W.NoticeEvent { KillSwitchReleased = _wire.Out(released, W.KillSwitchReleased.Parser) },
        };
    }
}
