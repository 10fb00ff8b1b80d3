using Akka.Actor;
using Akka.Event;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;

namespace TradingDesk.Samples.PortfolioRebalancer;

/// <summary>
/// Portfolio rebalancer: at start and every <see cref="RebalancerOptions.Interval"/> it reads the account
/// (NetLiquidation), the positions and a snapshot price per symbol, plans with <see cref="Rebalancing.Plan"/> and
/// places one market order per trade. A rebalance that fails (desk offline, a request refused) is logged and the
/// next interval tries again.
/// </summary>
public sealed class RebalancerStrategy : StrategyActor, IWithTimers
{
    private sealed record Rebalance;

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly RebalancerOptions _options;

    public RebalancerStrategy(IActorRef desk, StrategyId id, RebalancerOptions options, StrategyOptions? strategyOptions = null) : base(desk, id, strategyOptions)
    {
        _options = options.Validated();
        ReceiveAsync<Rebalance>(_ => RebalanceAsync());
        // Terminal without a fill: the next rebalance plans from the positions as they are, so nothing waits for it.
        Receive<OrderEvents.OrderRejected>(r => _log.Warning("Rebalance order {0} of {1} rejected ({2}): {3}", r.OrderId, StrategyId, r.Code, r.Reason));
        Receive<OrderEvents.OrderLost>(l => _log.Warning("Rebalance order {0} of {1} lost: {2}", l.OrderId, StrategyId, l.Reason));
        Receive<OrderEvents.IOrderEvent>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef desk, StrategyId id, RebalancerOptions options, StrategyOptions? strategyOptions = null) =>
        Akka.Actor.Props.Create(() => new RebalancerStrategy(desk, id, options, strategyOptions));

    protected override void OnStart() => Timers.StartPeriodicTimer("rebalance", new Rebalance(), TimeSpan.Zero, _options.Interval);

    private async Task RebalanceAsync()
    {
        try
        {
            var account = await AskDesk<AccountMessages.AccountSummaryList>(new AccountMessages.GetAccountSummary("NetLiquidation"));
            var positions = await AskDesk<AccountMessages.PositionsList>(new AccountMessages.GetPositions());
            var prices = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            foreach (var symbol in _options.Weights.Keys)
            {
                var snapshot = await AskDesk<MarketDataMessages.MarketDataSnapshot>(new MarketDataMessages.GetMarketDataSnapshot(Contract.Stock(symbol)));
                if (PriceOf(snapshot.Ticks) is { } price) prices[symbol] = price;
            }
            var netLiquidation = account.Items.FirstOrDefault(i => i.Tag == "NetLiquidation")?.Amount;
            var held = positions.Positions
                .Where(p => p.Contract.SecType == SecType.Stock)
                .GroupBy(p => p.Contract.Symbol, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity), StringComparer.OrdinalIgnoreCase);
            foreach (var trade in Rebalancing.Plan(_options, netLiquidation, held, prices))
            {
                var order = Order.Market(trade.Quantity > 0 ? OrderAction.Buy : OrderAction.Sell, Math.Abs(trade.Quantity));
                await PlaceOrderAsync(Contract.Stock(trade.Symbol), order, trade.Price);
            }
        }
        catch (DeskRequestException ex)
        {
            _log.Warning("Rebalance of {0} skipped: {1}", StrategyId, ex.Message);
        }
    }

    /// <summary>Last, else the mid of bid and ask, else the close.</summary>
    public static decimal? PriceOf(IReadOnlyList<MarketDataMessages.Tick> ticks)
    {
        decimal? Of(TickType type) => ticks.LastOrDefault(t => t.Type == type && t.Price > 0)?.Price;
        return Of(TickType.Last) ?? (Of(TickType.Bid) is { } b && Of(TickType.Ask) is { } a ? (a + b) / 2 : (decimal?)null) ?? Of(TickType.Close);
    }
}
