using TradingDesk.Simulator.Orders;
using static TradingDesk.Simulator.Tests.TestMarket;

namespace TradingDesk.Simulator.Tests.Orders;

public sealed class TimeInForceTests
{
    private static readonly DateTimeOffset Close = new(2026, 11, 18, 21, 0, 0, TimeSpan.Zero); // 16:00 ET

    private static decimal FarBelow(TestMarket m) => m.Quote().Bid - 50m;

    [Fact]
    public void Day_order_is_cancelled_at_the_close_with_202()
    {
        var m = new TestMarket();
        var (id, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = FarBelow(m) });
        m.Clock.SetTime(Close.AddSeconds(-1));
        m.Market.Sync();
        Assert.Equal(OrderStatus.Submitted, m.Order(id).Status);
        var events = m.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([OrderStatus.Cancelled], Statuses(events, id));
        Assert.Equal(OrderErrorCodes.Cancelled, Errors(events).Single().Code);
        Assert.Equal(Close, m.Order(id).CompletedAt);
    }

    [Fact]
    public void Gtc_order_survives_the_close_and_gtd_expires_at_its_date()
    {
        var m = new TestMarket();
        var gtdEnd = Close.AddHours(-2);
        var (gtc, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = FarBelow(m), Tif = TimeInForce.Gtc });
        var (gtd, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = FarBelow(m), Tif = TimeInForce.Gtd, GoodTillDate = gtdEnd });
        m.Clock.SetTime(gtdEnd.AddSeconds(-1));
        m.Market.Sync();
        Assert.True(m.Order(gtd).IsActive);
        m.Clock.SetTime(Close.AddHours(20));
        m.Market.Sync();
        Assert.Equal(OrderStatus.Cancelled, m.Order(gtd).Status);
        Assert.Equal(gtdEnd, m.Order(gtd).CompletedAt);
        Assert.True(m.Order(gtc).IsActive);
    }

    [Fact]
    public void Ioc_fills_what_it_can_and_cancels_the_rest()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (id, events) = m.Place(Ticket(OrderAction.Buy, 5_000, OrderType.Limit) with { LimitPrice = q.Ask + 1m, Tif = TimeInForce.Ioc });
        Assert.Equal(q.AskSize, Fills(events).Single().Shares);
        Assert.Equal(OrderStatus.Cancelled, m.Order(id).Status);
        Assert.Equal(q.AskSize, m.Order(id).Filled);

        var (id2, events2) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = FarBelow(m), Tif = TimeInForce.Ioc });
        Assert.Empty(Fills(events2));
        Assert.Equal(OrderStatus.Cancelled, m.Order(id2).Status);
    }

    [Fact]
    public void Fok_fills_completely_or_not_at_all()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (big, e1) = m.Place(Ticket(OrderAction.Buy, q.AskSize + 100, OrderType.Market) with { Tif = TimeInForce.Fok });
        Assert.Empty(Fills(e1));
        Assert.Equal(OrderStatus.Cancelled, m.Order(big).Status);
        var (small, e2) = m.Place(Ticket(OrderAction.Buy, q.AskSize, OrderType.Market) with { Tif = TimeInForce.Fok });
        Assert.Equal(q.AskSize, Fills(e2).Single().Shares);
        Assert.Equal(OrderStatus.Filled, m.Order(small).Status);
    }

    [Fact]
    public void Stock_orders_wait_for_regular_hours_unless_outside_rth()
    {
        var early = new DateTimeOffset(2026, 11, 18, 13, 0, 0, TimeSpan.Zero); // 08:00 ET, pre-market
        var m = new TestMarket(early);
        var (rth, e1) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        Assert.Empty(Fills(e1));
        Assert.Equal(OrderStatus.PreSubmitted, m.Order(rth).Status);
        var (ext, e2) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market) with { OutsideRth = true });
        Assert.Single(Fills(e2));
        Assert.Equal(OrderStatus.Filled, m.Order(ext).Status);

        var open = new DateTimeOffset(2026, 11, 18, 14, 30, 0, TimeSpan.Zero);
        m.Clock.SetTime(open);
        var fill = Fills(m.Market.Sync()).Single();
        Assert.Equal(open, fill.Time);
        Assert.Equal(m.Market.Prices.GetQuote(Aapl, open).Ask, fill.Price);
    }

    [Fact]
    public void Moc_fills_at_the_closing_price_and_loc_only_if_its_limit_allows()
    {
        var m = new TestMarket();
        var closePrice = m.Market.Prices.ClosePrice(Aapl, Close);
        var (moc, _) = m.Place(Ticket(OrderAction.Buy, 300, OrderType.MarketOnClose));
        var (locOk, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.LimitOnClose) with { LimitPrice = closePrice });
        var (locNo, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.LimitOnClose) with { LimitPrice = closePrice - 0.01m });
        Assert.Equal(OrderStatus.Submitted, m.Order(moc).Status);
        m.Clock.SetTime(Close.AddSeconds(-1));
        Assert.Empty(Fills(m.Market.Sync()));
        var events = m.Advance(TimeSpan.FromSeconds(1));
        var fills = Fills(events).ToList();
        Assert.Equal(2, fills.Count);
        Assert.All(fills, f => Assert.Equal(closePrice, f.Price));
        Assert.All(fills, f => Assert.Equal(Close, f.Time));
        Assert.Equal(300m, fills.Single(f => f.Order.OrderId == moc).Shares); // the auction fills it whole
        Assert.Equal(OrderStatus.Filled, m.Order(locOk).Status);
        Assert.Equal(OrderStatus.Cancelled, m.Order(locNo).Status);
    }

    [Fact]
    public void Futures_trade_overnight_on_globex()
    {
        var night = new DateTimeOffset(2026, 11, 19, 3, 0, 0, TimeSpan.Zero); // 21:00 CT
        var m = new TestMarket(night);
        var es = m.Market.Catalogue.FrontMonth("ES", new DateOnly(2026, 11, 18))!;
        var (_, events) = m.Place(Ticket(OrderAction.Sell, 1, OrderType.Market, es.ConId));
        Assert.Single(Fills(events));
        var saturday = new TestMarket(new DateTimeOffset(2026, 11, 21, 15, 0, 0, TimeSpan.Zero));
        var (id, closed) = saturday.Place(Ticket(OrderAction.Sell, 1, OrderType.Market, es.ConId));
        Assert.Empty(Fills(closed));
        Assert.Equal(OrderStatus.PreSubmitted, saturday.Order(id).Status);
    }
}
