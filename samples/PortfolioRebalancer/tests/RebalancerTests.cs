using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Samples.PortfolioRebalancer.Tests;

public sealed class RebalancingTests
{
    private static readonly RebalancerOptions Options = new()
    {
        Weights = new Dictionary<string, decimal> { ["SPY"] = 0.5m, ["TLT"] = 0.5m }, Budget = 10_000m, MinTradeValue = 100m,
    };

    [Fact]
    public void Buys_up_to_the_target_and_sells_the_excess_skipping_small_trades()
    {
        var plan = Rebalancing.Plan(Options, netLiquidation: 1_000_000m,
            positions: new Dictionary<string, decimal> { ["SPY"] = 20, ["TLT"] = 55 },
            prices: new Dictionary<string, decimal> { ["SPY"] = 100m, ["TLT"] = 90m });
        // SPY: floor(5000/100) = 50 → buy 30; TLT: floor(5000/90) = 55 → nothing.
        Assert.Equal([new Trade("SPY", 30, 100m)], plan);

        var sell = Rebalancing.Plan(Options, 1_000_000m, new Dictionary<string, decimal> { ["SPY"] = 80 }, new Dictionary<string, decimal> { ["SPY"] = 100m });
        Assert.Equal([new Trade("SPY", -30, 100m)], sell);
    }

    [Fact]
    public void Capital_is_capped_by_net_liquidation_and_unknown_prices_are_skipped()
    {
        var plan = Rebalancing.Plan(Options, netLiquidation: 2_000m, positions: new Dictionary<string, decimal>(),
            prices: new Dictionary<string, decimal> { ["SPY"] = 100m });
        Assert.Equal([new Trade("SPY", 10, 100m)], plan);
    }

    [Fact]
    public void Bad_options_say_what_to_change() =>
        Assert.Contains("sum to at most 1", Assert.Throws<ArgumentException>(() =>
            new RebalancerOptions { Weights = new Dictionary<string, decimal> { ["SPY"] = 0.7m, ["TLT"] = 0.7m } }.Validated()).Message, StringComparison.Ordinal);
}

/// <summary>The actor with a desk probe in place of the desk: it reads the account and positions, then trades.</summary>
public sealed class RebalancerStrategyTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static MarketDataMessages.Tick Tick(TickType type, decimal price) => new(new SubscriptionId(1), type, price, 100, null, 0, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Reads_account_positions_and_prices_then_places_the_planned_orders()
    {
        var desk = CreateDeskProbe();
        var id = new StrategyId("rebalancer");
        var rebalancer = Sys.ActorOf(RebalancerStrategy.Props(desk.Ref, id, new RebalancerOptions
        {
            Weights = new Dictionary<string, decimal> { ["SPY"] = 1m }, Budget = 10_000m, MinTradeValue = 0, Interval = TimeSpan.FromMinutes(1),
        }), "rebalancer");
        desk.ExpectRegisterStrategy(id);
        Barrier(rebalancer); // it has started: the first rebalance, due at once, is armed on the virtual clock
        Advance(TimeSpan.Zero);

        var summary = desk.ExpectCommand<AccountMessages.GetAccountSummary>();
        Assert.Equal("NetLiquidation", summary.Command.Tags);
        summary.Reply(new AccountMessages.AccountSummaryList([new AccountMessages.AccountSummaryItem(new AccountId("DU1"), "NetLiquidation", "5000", 5000m, "USD")], DateTimeOffset.UnixEpoch));
        desk.ExpectCommand<AccountMessages.GetPositions>()
            .Reply(new AccountMessages.PositionsList([new AccountMessages.PositionItem(new AccountId("DU1"), Contract.Stock("SPY"), 10, 90m)], DateTimeOffset.UnixEpoch));
        var snapshot = desk.ExpectCommand<MarketDataMessages.GetMarketDataSnapshot>();
        Assert.Equal("SPY", snapshot.Command.Contract.Symbol);
        snapshot.Reply(new MarketDataMessages.MarketDataSnapshot(Contract.Stock("SPY"), [Tick(TickType.Bid, 99m), Tick(TickType.Ask, 101m)], DateTimeOffset.UnixEpoch));

        var place = desk.ExpectPlaceOrder();
        // capital min(10,000, 5,000) at mid 100 → 50 shares; holding 10 → buy 40.
        Assert.Equal((OrderAction.Buy, 40m, id, "SPY"), (place.Command.Order.Action, place.Command.Order.Quantity, place.Command.Strategy, place.Command.Contract.Symbol));
    }
}

/// <summary>End to end against the gateway simulator on its manual market clock, with the desk on virtual time.</summary>
public sealed class RebalancerSimulatorTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public async Task Buys_the_target_weights_on_the_simulator()
    {
        await using var sim = await StartSimulatorAsync(seed: 7, clientId: 8);
        var updates = await sim.SubscribeOrderUpdatesAsync();
        var id = new StrategyId("rebalancer");

        var rebalancer = Sys.ActorOf(RebalancerStrategy.Props(sim.Desk, id, new RebalancerOptions { Budget = 50_000m }), "rebalancer");
        Barrier(rebalancer);
        Advance(TimeSpan.Zero); // the first rebalance is due at once on the desk's clock

        // Market orders fill at the touch on arrival (up to the displayed size): no market time has to pass.
        var symbols = new HashSet<string>();
        while (symbols.Count < 2)
        {
            var fill = await updates.FishForMessageAsync<OrderEvents.Filled>(f => f.Strategy == id);
            Assert.Equal("BOT", fill.Side);
            symbols.Add(fill.Contract?.Symbol ?? "?");
        }
        Assert.Equal(["SPY", "TLT"], symbols.Order());
    }
}
