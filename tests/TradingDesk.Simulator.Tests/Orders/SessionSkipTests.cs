using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Orders;
using static TradingDesk.Simulator.Tests.TestMarket;

namespace TradingDesk.Simulator.Tests.Orders;

public sealed class SessionSkipTests
{
    [Fact]
    public void Gtc_order_placed_after_friday_close_fills_at_monday_open()
    {
        var fridayEvening = new DateTimeOffset(2026, 11, 20, 23, 0, 0, TimeSpan.Zero); // 18:00 ET
        var m = new TestMarket(fridayEvening);
        var (id, placed) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = m.Quote().Ask + 50m, Tif = TimeInForce.Gtc });
        Assert.Empty(Fills(placed));
        Assert.Equal(OrderStatus.PreSubmitted, m.Order(id).Status);
        var events = m.Advance(TimeSpan.FromDays(7));
        var mondayOpen = new DateTimeOffset(2026, 11, 23, 14, 30, 0, TimeSpan.Zero);
        var fill = Fills(events).Single();
        Assert.Equal(mondayOpen, fill.Time);
        Assert.Equal(m.Market.Prices.GetQuote(Aapl, mondayOpen).Ask, fill.Price);
    }

    [Fact]
    public void Moc_placed_before_the_open_is_submitted_at_the_open_and_fills_at_the_close()
    {
        var m = new TestMarket(new DateTimeOffset(2026, 11, 18, 12, 0, 0, TimeSpan.Zero)); // 07:00 ET
        var (id, _) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.MarketOnClose));
        Assert.Equal(OrderStatus.PreSubmitted, m.Order(id).Status);
        var events = m.Advance(TimeSpan.FromHours(12));
        Assert.Equal([OrderStatus.Submitted, OrderStatus.Filled], Statuses(events, id));
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 21, 0, 0, TimeSpan.Zero), Fills(events).Single().Time);
    }

    [Fact]
    public void Expired_contracts_cannot_be_traded()
    {
        var m = new TestMarket();
        var es = m.Market.Catalogue.FrontMonth("ES", new DateOnly(2026, 11, 18))!;
        m.Clock.SetTime(new DateTimeOffset(2026, 12, 21, 15, 0, 0, TimeSpan.Zero));
        var (_, events) = m.Place(Ticket(OrderAction.Buy, 1, OrderType.Market, es.ConId));
        Assert.Contains("expired", Errors(events).Single().Message);
    }

    [Fact]
    public void Working_orders_on_a_contract_that_expires_are_cancelled()
    {
        var lastDay = new DateTimeOffset(2026, 12, 18, 20, 0, 0, TimeSpan.Zero); // 14:00 CT on ESZ6's last day
        var m = new TestMarket(lastDay);
        var es = m.Market.Catalogue.Search(new ContractQuery { LocalSymbol = "ESZ6" }).Single();
        var (id, _) = m.Place(Ticket(OrderAction.Buy, 1, OrderType.Limit, es.ConId) with { LimitPrice = m.Quote(es.ConId).Bid - 500m, Tif = TimeInForce.Gtc });
        Assert.Equal(OrderStatus.Submitted, m.Order(id).Status);
        m.Advance(TimeSpan.FromDays(3));
        Assert.Equal(OrderStatus.Cancelled, m.Order(id).Status);
        Assert.Equal("contract expired", m.Order(id).Reason);
    }

    [Fact]
    public void Historical_requests_cannot_see_past_the_clock()
    {
        var m = new TestMarket();
        Assert.True(HistoricalBarsRequest.TryParse(Aapl, m.Clock.GetUtcNow().AddHours(3), "3600 S", "1 min", "TRADES", false, out var request, out _));
        var bars = m.Market.GetHistoricalBars(request!).Bars;
        Assert.Equal(m.Clock.GetUtcNow().AddMinutes(-1), bars[^1].Time);
        Assert.Equal(m.Quote().Last, bars[^1].Close);
    }

    [Fact]
    public void A_marketable_limit_too_big_for_the_touch_keeps_filling_at_the_touch()
    {
        var m = new TestMarket();
        var limit = m.Quote().Ask + 5m;
        var (id, _) = m.Place(Ticket(OrderAction.Buy, 3_000, OrderType.Limit) with { LimitPrice = limit });
        m.Advance(TimeSpan.FromSeconds(20));
        var fills = m.Market.Executions().Where(e => e.Order.OrderId == id).ToList();
        Assert.True(fills.Count >= 2);
        Assert.All(fills, f => Assert.Equal(m.Market.Prices.GetQuote(Aapl, f.Time).Ask, f.Price));
        Assert.All(fills, f => Assert.True(f.Price < limit));
    }
}
