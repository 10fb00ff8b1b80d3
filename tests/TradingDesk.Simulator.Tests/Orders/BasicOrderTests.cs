using TradingDesk.Simulator.Orders;
using static TradingDesk.Simulator.Tests.TestMarket;

namespace TradingDesk.Simulator.Tests.Orders;

public sealed class BasicOrderTests
{
    [Fact]
    public void Market_buy_fills_at_the_ask_with_commission_and_TWS_status_flow()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (id, events) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        Assert.Equal([OrderStatus.PreSubmitted, OrderStatus.Filled], Statuses(events, id));
        var fill = Fills(events).Single();
        Assert.Equal(q.Ask, fill.Price);
        Assert.Equal(100m, fill.Shares);
        Assert.Equal(1m, fill.Commission); // 100 × 0.005 = 0.50, minimum 1
        Assert.Equal(OrderAction.Buy, fill.Side);
        Assert.Equal("ISLAND", fill.Exchange);
        var order = m.Order(id);
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(0m, order.Remaining);
        Assert.Equal(q.Ask, order.AvgFillPrice);
        Assert.Equal(q.Ask, order.LastFillPrice);
        Assert.True(order.PermId.Value > 1_000_000_000);
        Assert.Matches(@"^[0-9a-f]{8}\.[0-9a-f]{8}\.01\.01$", fill.ExecId.Value);
    }

    [Fact]
    public void Market_sell_fills_at_the_bid()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (_, events) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.Market));
        Assert.Equal(q.Bid, Fills(events).Single().Price);
    }

    [Fact]
    public void Large_orders_fill_partially_up_to_the_displayed_size_each_second()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (id, events) = m.Place(Ticket(OrderAction.Buy, 8_000, OrderType.Market));
        Assert.Equal(q.AskSize, Fills(events).Single().Shares);
        var partial = m.Order(id);
        Assert.Equal(OrderStatus.Submitted, partial.Status);
        Assert.Equal(8_000m - q.AskSize, partial.Remaining);

        m.Advance(TimeSpan.FromMinutes(2));
        var order = m.Order(id);
        Assert.Equal(OrderStatus.Filled, order.Status);
        var fills = Fills(m.Events).ToList();
        Assert.True(fills.Count > 2);
        Assert.Equal(8_000m, fills.Sum(f => f.Shares));
        Assert.Equal(fills.Select(f => f.ExecId).Distinct().Count(), fills.Count);
        Assert.Equal(fills.Sum(f => f.Shares * f.Price) / 8_000m, order.AvgFillPrice);
        Assert.Equal(8_000m, fills[^1].CumQty);
        Assert.True(fills.Zip(fills.Skip(1)).All(p => p.Second.CumQty > p.First.CumQty && p.Second.Time > p.First.Time));
        Assert.Equal(fills.Sum(f => f.Commission), order.Commission);
    }

    [Fact]
    public void Marketable_limit_fills_at_the_touch_and_a_resting_limit_fills_at_its_price_when_reached()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (now, events) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = q.Ask + 1m });
        Assert.Equal(q.Ask, Fills(events).Single().Price);

        // A limit below the market: it works (Submitted) until the ask comes down to it.
        var lowestAsk = m.QuotesAhead(Aapl, 3600).Min(x => x.Ask);
        Assert.True(lowestAsk < q.Bid, "the test needs the price to dip within the hour");
        var limit = lowestAsk + 0.01m;
        var reachedAt = m.FirstTime(Aapl, x => x.Ask <= limit, 3600)!.Value;
        var (id, placed) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = limit });
        Assert.Equal([OrderStatus.PreSubmitted, OrderStatus.Submitted], Statuses(placed, id));
        m.Clock.SetTime(reachedAt.AddSeconds(-1));
        m.Market.Sync();
        Assert.Equal(OrderStatus.Submitted, m.Order(id).Status);
        var events2 = m.Advance(TimeSpan.FromSeconds(1));
        var fill = Fills(events2).Single();
        Assert.Equal(limit, fill.Price);
        Assert.Equal(reachedAt, fill.Time);
        Assert.NotEqual(now, id);
    }

    [Fact]
    public void Stop_sell_triggers_when_last_trades_through_the_stop_then_fills_at_the_bid()
    {
        var m = new TestMarket();
        var lowest = m.QuotesAhead(Aapl, 3600).Min(x => x.Last);
        var stop = lowest + 0.05m;
        var hitAt = m.FirstTime(Aapl, x => x.Last <= stop, 3600)!.Value;
        var (id, placed) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.Stop) with { AuxPrice = stop });
        Assert.Equal([OrderStatus.PreSubmitted], Statuses(placed, id));
        m.Clock.SetTime(hitAt.AddSeconds(-1));
        m.Market.Sync();
        Assert.Equal(OrderStatus.PreSubmitted, m.Order(id).Status);
        var fill = Fills(m.Advance(TimeSpan.FromSeconds(1))).Single();
        Assert.Equal(m.Market.Prices.GetQuote(Aapl, hitAt).Bid, fill.Price);
        Assert.True(m.Order(id).Triggered);
    }

    [Fact]
    public void Stop_limit_becomes_a_limit_when_triggered()
    {
        var m = new TestMarket();
        var highest = m.QuotesAhead(Aapl, 3600).Max(x => x.Last);
        var stop = highest - 0.05m;
        var hitAt = m.FirstTime(Aapl, x => x.Last >= stop, 3600)!.Value;
        // Buy stop-limit with the limit far below: once triggered it rests as a limit that cannot fill.
        var (id, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.StopLimit) with { AuxPrice = stop, LimitPrice = stop - 20m });
        m.Clock.SetTime(hitAt);
        var events = m.Market.Sync();
        Assert.Equal([OrderStatus.Submitted], Statuses(events, id));
        Assert.True(m.Order(id).Triggered);
        Assert.Empty(Fills(events));
    }

    [Fact]
    public void Trailing_stop_follows_the_high_and_triggers_on_the_retrace()
    {
        var m = new TestMarket();
        const decimal trail = 0.50m;
        var quotes = m.QuotesAhead(Aapl, 7200).ToList();
        // Expected: the stop is the running max of (last − trail); it triggers at the first last ≤ stop.
        var stop = m.Quote().Last - trail;
        DateTimeOffset? trigger = null;
        var expectedStops = new List<decimal>();
        foreach (var q in quotes)
        {
            stop = Math.Max(stop, q.Last - trail);
            expectedStops.Add(stop);
            if (q.Last <= stop) { trigger = q.Time; break; }
        }
        Assert.NotNull(trigger);
        var (id, _) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.TrailingStop) with { AuxPrice = trail });
        var beforeTrigger = trigger.Value.AddSeconds(-1);
        m.Clock.SetTime(beforeTrigger);
        m.Market.Sync();
        Assert.Equal(expectedStops[^2], m.Order(id).TrailStopPrice);
        Assert.True(m.Order(id).TrailStopPrice > m.Quote().Last - trail - 10m);
        var fill = Fills(m.Advance(TimeSpan.FromSeconds(1))).Single();
        Assert.Equal(trigger, fill.Time);
        Assert.Equal(OrderStatus.Filled, m.Order(id).Status);
    }

    [Fact]
    public void Trailing_percent_sets_the_initial_stop_from_the_last_price()
    {
        var m = new TestMarket();
        var last = m.Quote().Last;
        var (id, _) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.TrailingStop) with { TrailingPercent = 1m });
        Assert.Equal(last - Math.Round(last * 0.01m, 2), m.Order(id).TrailStopPrice);
        Assert.Equal(OrderStatus.PreSubmitted, m.Order(id).Status);
    }

    [Fact]
    public void Trailing_stop_starts_from_a_given_initial_stop_and_only_tightens()
    {
        var m = new TestMarket();
        var last = m.Quote().Last;
        var (id, _) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.TrailingStop) with { AuxPrice = 5m, TrailStopPrice = last - 10m });
        Assert.Equal(last - 5m, m.Order(id).TrailStopPrice); // tightened at once to last − trail
        var (loose, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.TrailingStop) with { AuxPrice = 5m, TrailStopPrice = last + 2m });
        Assert.Equal(last + 2m, m.Order(loose).TrailStopPrice); // a buy stop below last + trail is kept
    }

    [Fact]
    public void Options_and_futures_trade_with_their_multipliers()
    {
        var m = new TestMarket();
        var es = m.Market.Catalogue.FrontMonth("ES", new DateOnly(2026, 11, 18))!;
        var (_, events) = m.Place(Ticket(OrderAction.Buy, 2, OrderType.Market, es.ConId));
        var fill = Fills(events).Single();
        Assert.Equal(1.70m, fill.Commission);
        Assert.Equal("CME", fill.Exchange);
        var option = m.Market.Catalogue.OptionsOn(Spy)[0];
        var (_, optEvents) = m.Place(Ticket(OrderAction.Buy, 1, OrderType.Market, option.ConId));
        Assert.Equal(m.Quote(option.ConId).Ask, Fills(optEvents).Single().Price);
    }
}
