using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;

namespace TradingDesk.Samples.MovingAverageCrossover;

/// <summary>
/// Moving-average crossover on 5-second real-time bars: long <see cref="CrossoverOptions.Quantity"/> shares while the
/// fast average of closes is above the slow one, short while it is below. One market order at a time: a new bar
/// while an order is working only records the close. An order stops working with a final status, OrderRejected,
/// OrderLost or a refused placement. The position is what this strategy's fills add up to. After a desk failover the
/// open orders the new desk replays say whether one still works.
/// </summary>
public sealed class CrossoverStrategy : StrategyActor
{
    private readonly CrossoverOptions _options;
    private readonly ContractSpec _contract;
    private readonly List<decimal> _closes = [];
    private decimal _position;
    private bool _orderWorking;
    private OrderId? _order; // the working order, once accepted

    public CrossoverStrategy(IActorRef desk, StrategyId id, CrossoverOptions options, StrategyOptions? strategyOptions = null)
        : base(desk, id, strategyOptions)
    {
        _options = options.Validated();
        _contract = Contract.Stock(_options.Symbol);
        Receive<MarketDataMessages.RealTimeBar>(OnBar);
        Receive<OrderEvents.OrderAccepted>(a => _order = a.OrderId);
        // Its open orders, as the desk replays them when the strategy registers (after a desk failover): one still rests.
        Receive<OrderEvents.OpenOrderUpdated>(o => (_order, _orderWorking) = (o.OrderId, true), o => o.Strategy == StrategyId && o.Order.Status.IsActive());
        Receive<OrderEvents.Filled>(f => _position += f.Side.StartsWith('B') ? f.Quantity : -f.Quantity, f => f.Strategy == StrategyId);
        Receive<OrderEvents.OrderStatusChanged>(s => Ended(s.OrderId), s => s.Status.IsDone());
        Receive<OrderEvents.OrderRejected>(r => Ended(r.OrderId));
        Receive<OrderEvents.OrderLost>(l => Ended(l.OrderId));
        Receive<RequestFailed>(_ => { _orderWorking = false; });
        Receive<OrderEvents.IOrderEvent>(_ => { });
    }

    public static Props Props(IActorRef desk, StrategyId id, CrossoverOptions options, StrategyOptions? strategyOptions = null) =>
        Akka.Actor.Props.Create(() => new CrossoverStrategy(desk, id, options, strategyOptions));

    protected override void OnStart() => Subscribe(new MarketDataMessages.SubscribeRealTimeBars(_contract));

    /// <summary>
    /// The desk that went down may never answer the order in flight. The one that took over replays what still rests
    /// (OpenOrderUpdated) and the fills this strategy missed, so nothing is working unless it says so.
    /// </summary>
    protected override void OnDeskFailover(DeskFailover failover) => (_order, _orderWorking) = (null, false);

    private void Ended(OrderId id)
    {
        if (_order is { } working && working != id) return; // an older order's late news
        _order = null;
        _orderWorking = false;
    }

    private void OnBar(MarketDataMessages.RealTimeBar bar)
    {
        if (bar.Close is not { } close) return;
        _closes.Add(close);
        if (_closes.Count > _options.Slow) _closes.RemoveAt(0);
        if (_orderWorking || CrossoverSignal.Target(_closes, _options.Fast, _options.Slow, _options.Quantity) is not { } target) return;
        var difference = target - _position;
        if (difference == 0) return;
        _orderWorking = true;
        TellDesk(new OrderCommands.PlaceOrder(_contract,
            Order.Market(difference > 0 ? OrderAction.Buy : OrderAction.Sell, Math.Abs(difference)), StrategyId, close));
    }
}
