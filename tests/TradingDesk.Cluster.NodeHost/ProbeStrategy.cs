using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;

namespace TradingDesk.Cluster.NodeHost;

/// <summary>
/// A strategy that reports what it sees: it subscribes market data for its symbols, places a market buy on its first
/// tick (and, if asked, on its first tick after each desk failover, or on every few ticks until told to stop trading),
/// and writes one JSON line per event it receives. The tests compare these lines with what the simulator saw.
/// </summary>
public sealed class ProbeStrategy : StrategyActor
{
    private readonly ProbeSpec _spec;
    private readonly Dictionary<SubscriptionId, string> _symbols = [];
    private readonly OrderProgress _progress;
    private bool _orderDue;
    private bool _trading = true;
    private bool _finished;
    private int _ticks;
    // Placements told to the current desk and not answered yet (accepted or failed). One told to a desk that then died
    // is answered by nobody: a journaled one reaches the probe from the next desk (its fills, or that it was never sent),
    // one never journaled was never an order. So a failover starts the count again.
    private int _unanswered;

    public ProbeStrategy(IActorRef desk, ProbeSpec spec) : base(desk, new StrategyId(spec.Id))
    {
        _spec = spec;
        _orderDue = spec.OrderQuantity > 0;
        _progress = new OrderProgress(spec.OrderQuantity);
        Receive<MarketDataMessages.Tick>(OnTick);
        Receive<OrderEvents.OrderAccepted>(a =>
        {
            Answered();
            Track("accepted", a.OrderId, ended: false);
        });
        Receive<OrderEvents.Filled>(f =>
        {
            Emit("fill", ("execId", f.ExecId.Value), ("orderId", f.OrderId.Value), ("owner", f.Strategy?.Value), ("quantity", f.Quantity));
            _progress.Filled(f);
            CheckFinished();
        });
        Receive<OrderEvents.OrderStatusChanged>(s =>
        {
            Emit("status", ("orderId", s.OrderId.Value), ("status", s.Status.ToString()), ("filled", s.Filled), ("remaining", s.Remaining));
            if (s.Status is OrderStatus.Cancelled or OrderStatus.ApiCancelled or OrderStatus.Inactive) Track(null, s.OrderId, ended: true);
        });
        Receive<OrderEvents.OpenOrderUpdated>(o => Emit("open", ("orderId", o.OrderId.Value), ("status", o.Order.Status.ToString())));
        Receive<OrderEvents.OrderNotice>(n =>
        {
            Emit("notice", ("orderId", n.OrderId.Value), ("code", n.Code), ("message", n.Message));
            if (n.Code == OrderEvents.OrderNotice.NeverSent) Track(null, n.OrderId, ended: true);
        });
        Receive<OrderEvents.OrderLost>(l => Track("lost", l.OrderId, ended: true));
        Receive<OrderEvents.OrderRejected>(r => Track("rejected", r.OrderId, ended: true));
        Receive<StopTrading>(_ =>
        {
            _trading = false;
            _orderDue = false;
            CheckFinished();
        });
        Receive<SubscriptionMessages.Resubscribed>(r => Emit("resubscribed", ("sub", r.Id.Value), ("reason", r.Reason)));
        Receive<RequestFailed>(f =>
        {
            Emit("error", ("request", f.Request.GetType().Name), ("failure", f.Failure.ToString()));
            if (f.Request is OrderCommands.PlaceOrder) Answered();
            CheckFinished();
        });
        // Commissions, notices and the like: not what the tests count.
        ReceiveAny(_ => { });
    }

    /// <summary>Place no more orders; say "finished" once every placement was answered and every order heard of has filled or ended.</summary>
    public sealed record StopTrading
    {
        public static readonly StopTrading Instance = new();
    }

    public static Props Props(IActorRef desk, ProbeSpec spec) => Akka.Actor.Props.Create(() => new ProbeStrategy(desk, spec));

    protected override void OnStart()
    {
        foreach (var symbol in _spec.Symbols) Subscribe(new MarketDataMessages.SubscribeMarketData(Contract.Stock(symbol)));
        Emit("started");
    }

    protected override void OnSubscribed(SubscriptionMessages.Subscribed subscribed)
    {
        var symbol = subscribed.Request is MarketDataMessages.SubscribeMarketData s ? s.Contract.Symbol : "?";
        _symbols[subscribed.Id] = symbol;
        Emit("subscribed", ("sub", subscribed.Id.Value), ("symbol", symbol));
    }

    protected override void OnSubscriptionEnded(SubscriptionMessages.SubscriptionEnded ended) =>
        Emit("ended", ("sub", ended.Id.Value), ("failure", ended.Failure?.ToString()));

    protected override void OnDeskFailover(DeskFailover failover)
    {
        Emit("failover", ("previous", failover.PreviousDesk), ("current", failover.CurrentDesk));
        if (_spec.OrderAfterFailover) _orderDue = true;
        _unanswered = 0;
        CheckFinished();
    }

    private void OnTick(MarketDataMessages.Tick tick)
    {
        if (tick.Price is not { } price) return;
        Emit("tick", ("sub", tick.Subscription.Value), ("symbol", _symbols.GetValueOrDefault(tick.Subscription)), ("price", price));
        if (_spec.Loop && _trading && ++_ticks % ProbeSpec.LoopEvery == 0) _orderDue = true;
        if (!_orderDue) return;
        _orderDue = false;
        var contract = Contract.Stock(_symbols.GetValueOrDefault(tick.Subscription) ?? _spec.Symbols[0]);
        TellDesk(new OrderCommands.PlaceOrder(contract, Order.Market(OrderAction.Buy, _spec.OrderQuantity), StrategyId));
        _unanswered++;
    }

    private void Answered() => _unanswered = Math.Max(0, _unanswered - 1);

    private void Track(string? line, OrderId order, bool ended)
    {
        if (line is not null) Emit(line, ("orderId", order.Value));
        if (ended) _progress.Ended(order);
        else _progress.Heard(order);
        CheckFinished();
    }

    private void CheckFinished()
    {
        if (_trading || _finished || _unanswered > 0 || !_progress.AllComplete) return;
        _finished = true;
        Emit("finished", ("orders", _progress.Orders), ("fills", _progress.Fills));
    }

    private void Emit(string name, params (string Key, object? Value)[] fields) =>
        EventLine.Write(name, [("strategy", _spec.Id), .. fields]);
}
