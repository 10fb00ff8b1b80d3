using Akka.Actor;
using Akka.Event;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;

namespace TradingDesk.Hosting;

/// <summary>
/// Cancels a hosted strategy's working orders whenever one of its incarnations stops: on the desk's stop, and when it
/// fails (the strategy host restarts it after a backoff; nothing works unattended meanwhile). The host does this
/// instead of the strategy's own PostStop so the cancels' replies come to a live actor and the stop can wait for them
/// (<see cref="Drain"/>) before the desk goes away.
/// </summary>
public sealed class OrderSweeper : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();

    /// <summary>Answered with <see cref="Drained"/> once every cancel sent so far has been answered.</summary>
    public sealed record Drain;

    /// <summary>The orders cancels were sent for, and the strategies whose cancel the desk refused (with why).</summary>
    public sealed record Drained(IReadOnlyList<OrderId> Cancelled, IReadOnlyDictionary<string, string> Failed);

    private readonly IActorRef _desk;
    private readonly HashSet<string> _strategies;
    private readonly List<OrderId> _cancelled = [];
    private readonly Dictionary<string, string> _failed = [];
    private readonly List<IActorRef> _drainers = [];
    private int _pending;

    public OrderSweeper(IActorRef desk, IEnumerable<string> strategies)
    {
        _desk = desk;
        _strategies = [.. strategies];
        Receive<StrategyLifecycle.Stopped>(s =>
        {
            if (!_strategies.Contains(s.Strategy.Value)) return;
            _pending++;
            _desk.Tell(new OrderCommands.CancelStrategyOrders(s.Strategy), Self);
        });
        Receive<OrderEvents.CancelsSent>(c =>
        {
            _cancelled.AddRange(c.OrderIds);
            if (c.OrderIds.Count > 0) _log.Info("Cancels sent for {0}'s working orders {1}", c.Strategy, string.Join(", ", c.OrderIds));
            Answered();
        });
        Receive<RequestFailed>(f =>
        {
            if (f.Request is OrderCommands.CancelStrategyOrders c)
            {
                _failed[c.Strategy.Value] = f.Failure.Reason;
                _log.Warning("No cancels for {0}'s working orders: {1}", c.Strategy, f.Failure.Reason);
            }
            Answered();
        });
        Receive<Drain>(_ =>
        {
            _drainers.Add(Sender);
            Answered(0);
        });
    }

    public static Props Props(IActorRef desk, IEnumerable<string> strategies) => Akka.Actor.Props.Create(() => new OrderSweeper(desk, strategies));

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(StrategyLifecycle.Stopped));

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Answered(int count = 1)
    {
        _pending -= count;
        if (_pending > 0) return;
        foreach (var d in _drainers) d.Tell(new Drained([.. _cancelled], new Dictionary<string, string>(_failed)));
        _drainers.Clear();
    }
}
