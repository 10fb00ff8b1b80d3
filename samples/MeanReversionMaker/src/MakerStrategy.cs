using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;

namespace TradingDesk.Samples.MeanReversionMaker;

/// <summary>
/// Market making with a mean-reversion lean: watches the bid and ask, keeps the mean of the last
/// <see cref="MakerOptions.Window"/> mids, and every <see cref="MakerOptions.RequoteEvery"/> cancels its resting
/// limit orders and rests new ones chosen by <see cref="Quoting.Decide"/>. The first quotes go out as soon as both
/// sides of the book are known. New quotes wait until every resting order has ended: a final status (filled,
/// cancelled), OrderRejected or OrderLost. An order the gateway lost is requoted at once when nothing else rests (a
/// loss is rare and says nothing about the price); a rejection waits for the next period, so a contract the gateway
/// keeps refusing is not retried at the pacer's rate. Each order is cancelled once; a cancel is sent again only after
/// the desk answered the first with a failure that leaves the order working (e.g. 161). After a desk failover the
/// answers the old desk never gave are written off, and the open orders the new desk replays are what rests.
/// </summary>
public sealed class MakerStrategy : StrategyActor, IWithTimers
{
    private sealed record Requote;

    private readonly MakerOptions _options;
    private readonly ContractSpec _contract;
    private readonly Queue<decimal> _mids = new();
    private readonly HashSet<OrderId> _working = [];
    private readonly HashSet<OrderId> _cancelling = []; // cancel sent, order not ended yet
    private int _pending; // PlaceOrder sent, OrderAccepted or RequestFailed not yet back
    private decimal? _bid;
    private decimal? _ask;
    private decimal _position;
    private bool _quoted; // the first quotes went out

    public MakerStrategy(IActorRef desk, StrategyId id, MakerOptions options, StrategyOptions? strategyOptions = null) : base(desk, id, strategyOptions)
    {
        _options = options.Validated();
        _contract = Contract.Stock(_options.Symbol);
        Receive<MarketDataMessages.Tick>(OnTick);
        Receive<Requote>(_ => OnRequote());
        // The feed type (live, frozen, delayed) the gateway serves this line: the maker quotes on whatever it gets.
        Receive<MarketDataMessages.MarketDataTypeChanged>(_ => { });
        Receive<OrderEvents.OrderAccepted>(a =>
        {
            _pending--;
            _working.Add(a.OrderId);
        });
        Receive<RequestFailed>(_ => { _pending = Math.Max(0, _pending - 1); }, f => f.Request is OrderCommands.PlaceOrder);
        // The cancel is over. "Not found" is followed by OrderLost; otherwise the order still works and the next
        // requote may cancel it again.
        Receive<RequestFailed>(f => { _cancelling.Remove(((OrderCommands.CancelOrder)f.Request).OrderId); }, f => f.Request is OrderCommands.CancelOrder);
        Receive<RequestFailed>(_ => { });
        Receive<OrderEvents.Filled>(f => _position += f.Side.StartsWith('B') ? f.Quantity : -f.Quantity, f => f.Strategy == StrategyId);
        Receive<OrderEvents.OrderStatusChanged>(s => Ended(s.OrderId), s => s.Status.IsDone());
        Receive<OrderEvents.OrderRejected>(r => Ended(r.OrderId));
        Receive<OrderEvents.OrderLost>(l =>
        {
            Ended(l.OrderId);
            if (_working.Count == 0 && _pending == 0) OnRequote();
        });
        // Its open orders, as the desk replays them when the strategy registers (after a restart or a desk failover):
        // an order whose acceptance never reached the maker still rests, and the next requote must cancel it.
        Receive<OrderEvents.OpenOrderUpdated>(o => { _working.Add(o.OrderId); }, o => o.Strategy == StrategyId && o.Order.Status.IsActive());
        Receive<OrderEvents.CancelSent>(_ => { });
        Receive<OrderEvents.IOrderEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>
    /// Places and cancels told to the desk that went down get no answer from the one that took over. What rests comes
    /// back as OpenOrderUpdated (the new desk replays this strategy's open orders), so nothing is pending any more.
    /// </summary>
    protected override void OnDeskFailover(DeskFailover failover)
    {
        _pending = 0;
        _cancelling.Clear();
    }

    public static Props Props(IActorRef desk, StrategyId id, MakerOptions options, StrategyOptions? strategyOptions = null) =>
        Akka.Actor.Props.Create(() => new MakerStrategy(desk, id, options, strategyOptions));

    protected override void OnStart()
    {
        Subscribe(new MarketDataMessages.SubscribeMarketData(_contract));
        Timers.StartPeriodicTimer("requote", new Requote(), _options.RequoteEvery);
    }

    private void OnTick(MarketDataMessages.Tick tick)
    {
        if (tick.Price is not { } price) return;
        if (tick.Type == TickType.Bid) _bid = price;
        else if (tick.Type == TickType.Ask) _ask = price;
        else return;
        if (_bid is not { } b || _ask is not { } a) return;
        _mids.Enqueue((a + b) / 2);
        while (_mids.Count > _options.Window) _mids.Dequeue();
        if (!_quoted) OnRequote();
    }

    private void Ended(OrderId id)
    {
        _working.Remove(id);
        _cancelling.Remove(id);
    }

    private void OnRequote()
    {
        if (_working.Count > 0 || _pending > 0)
        {
            foreach (var id in _working)
            {
                if (_cancelling.Add(id)) TellDesk(new OrderCommands.CancelOrder(id));
            }
            return; // the next period quotes once every order has ended
        }
        _quoted = true;
        decimal? mean = _mids.Count > 0 ? _mids.Average() : null;
        foreach (var q in Quoting.Decide(_bid, _ask, mean, _position, _options))
        {
            _pending++;
            TellDesk(new OrderCommands.PlaceOrder(_contract, Order.Limit(q.Buy ? OrderAction.Buy : OrderAction.Sell, q.Quantity, q.Price), StrategyId, q.Price));
        }
    }
}
