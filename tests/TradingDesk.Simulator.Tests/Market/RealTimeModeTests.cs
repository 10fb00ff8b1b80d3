using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Clock;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Orders;
using static TradingDesk.Simulator.Tests.TestMarket;

namespace TradingDesk.Simulator.Tests.Market;

public sealed class RealTimeModeTests
{
    [Fact]
    public void In_real_time_mode_sync_matches_up_to_the_wall_clock()
    {
        var wall = new ManualWall();
        var clock = new SimulatedClock(Wednesday10Et, wall);
        var market = new PaperMarket(clock, new PaperMarketOptions { Seed = 3 });
        var bid = market.GetQuote(Aapl).Bid;
        var lowestAsk = Enumerable.Range(1, 3600).Min(i => market.Prices.GetQuote(Aapl, Wednesday10Et.AddSeconds(i)).Ask);
        market.PlaceOrder(Client, new OrderId(1), new OrderTicket
        {
            ConId = Aapl, Action = OrderAction.Buy, Quantity = 100, Type = OrderType.Limit, LimitPrice = lowestAsk,
        });
        Assert.True(lowestAsk < bid);
        wall.Elapsed = TimeSpan.FromHours(1);
        Assert.Equal(Wednesday10Et.AddHours(1), clock.GetUtcNow());
        var fill = market.Sync().OfType<ExecutionOccurred>().Single().Execution;
        Assert.Equal(lowestAsk, fill.Price);
        Assert.Single(market.Positions(AccountId.Default));
    }

    private sealed class ManualWall : TimeProvider
    {
        public TimeSpan Elapsed { get; set; }
        public override long TimestampFrequency => TimeSpan.TicksPerSecond;
        public override long GetTimestamp() => Elapsed.Ticks;
    }
}
