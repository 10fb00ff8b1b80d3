using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Orders;
using static TradingDesk.Simulator.Tests.TestMarket;

namespace TradingDesk.Simulator.Tests.Accounts;

public sealed class AccountTests
{
    [Fact]
    public void Buy_then_partial_sell_gives_position_average_cost_realized_and_unrealized_pnl()
    {
        var m = new TestMarket();
        var buy = Fills(m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market)).Events).Single();
        var (account, contract, position) = m.Market.Positions().Single();
        Assert.Equal(AccountId.Default, account);
        Assert.Equal(Aapl, contract.ConId);
        Assert.Equal(100m, position.Quantity);
        Assert.Equal(buy.Price + 0.01m, position.AveragePrice); // $1 commission over 100 shares
        Assert.Equal(position.AveragePrice, position.AverageCost);

        m.Advance(TimeSpan.FromMinutes(30));
        var sell = Fills(m.Place(Ticket(OrderAction.Sell, 40, OrderType.Market)).Events).Single();
        var expectedRealized = (sell.Price - (buy.Price + 0.01m)) * 40m - 1m;
        Assert.Equal(expectedRealized, sell.RealizedPnl);
        Assert.Null(buy.RealizedPnl);
        position = m.Market.Positions().Single().Position;
        Assert.Equal(60m, position.Quantity);
        Assert.Equal(buy.Price + 0.01m, position.AveragePrice);

        var last = m.Quote().Last;
        var portfolio = m.Market.Portfolio(AccountId.Default).Single();
        Assert.Equal(last, portfolio.MarketPrice);
        Assert.Equal(60m * last, portfolio.MarketValue);
        Assert.Equal((last - position.AveragePrice) * 60m, portfolio.UnrealizedPnl);
        Assert.Equal(expectedRealized, portfolio.RealizedPnl);

        var values = m.Market.AccountValues(AccountId.Default);
        var cash = 1_000_000m - buy.Price * 100m - 1m + sell.Price * 40m - 1m;
        Assert.Equal(cash, values.TotalCashValue);
        Assert.Equal(cash + 60m * last, values.NetLiquidation);
        Assert.Equal(60m * last, values.GrossPositionValue);
        Assert.Equal(60m * last * 0.5m, values.InitMarginReq);
        Assert.Equal(60m * last * 0.25m, values.MaintMarginReq);
        Assert.Equal(values.NetLiquidation - values.InitMarginReq, values.AvailableFunds);
        Assert.Equal(4m * values.AvailableFunds, values.BuyingPower);
        Assert.Equal(expectedRealized, values.RealizedPnl);
        Assert.Equal(portfolio.UnrealizedPnl, values.UnrealizedPnl);
        // Everything traded today: daily PnL is realized plus unrealized.
        Assert.Equal(values.RealizedPnl + values.UnrealizedPnl, values.DailyPnl);
        var pnl = m.Market.Pnl(AccountId.Default);
        Assert.Equal(values.DailyPnl, pnl.DailyPnl);
        var single = m.Market.PnlSingle(AccountId.Default, Aapl);
        Assert.Equal(60m, single.Position);
        Assert.Equal(portfolio.UnrealizedPnl, single.UnrealizedPnl);
        Assert.Equal(60m * last, single.Value);
        Assert.Contains(values.ToAccountValues(), v => v.Key == "NetLiquidation" && v.Currency == "USD");
    }

    [Fact]
    public void Short_sale_and_cover_and_flip()
    {
        var m = new TestMarket();
        var s = Fills(m.Place(Ticket(OrderAction.Sell, 100, OrderType.Market)).Events).Single();
        Assert.Equal(-100m, m.Market.Positions().Single().Position.Quantity);
        Assert.Equal(s.Price - 0.01m, m.Market.Positions().Single().Position.AveragePrice);
        m.Advance(TimeSpan.FromMinutes(5));
        var b = Fills(m.Place(Ticket(OrderAction.Buy, 300, OrderType.Market)).Events).Single();
        var p = m.Market.Positions().Single().Position;
        Assert.Equal(200m, p.Quantity);
        Assert.Equal((s.Price - 0.01m - b.Price) * 100m - 0.5m, b.RealizedPnl); // $1.50 commission, a third of it closing
        Assert.Equal(b.Price + 1.5m / 300m, p.AveragePrice);
    }

    [Fact]
    public void Daily_pnl_marks_overnight_positions_from_the_day_start()
    {
        var m = new TestMarket();
        var buy = Fills(m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market)).Events).Single();
        var nextDay = new DateTimeOffset(2026, 11, 19, 16, 0, 0, TimeSpan.Zero);
        m.Clock.SetTime(nextDay);
        var dayStart = new DateTimeOffset(2026, 11, 19, 5, 0, 0, TimeSpan.Zero); // midnight US/Eastern
        var expected = 100m * (m.Quote().Last - m.Market.Prices.LastPrice(Aapl, dayStart));
        Assert.Equal(expected, m.Market.Pnl(AccountId.Default).DailyPnl);
        Assert.NotEqual(m.Market.Pnl(AccountId.Default).UnrealizedPnl, expected);
        Assert.Equal(buy.Price, m.Market.Executions().Single().Price);
    }

    [Fact]
    public void Futures_move_cash_only_by_realized_pnl_and_commission()
    {
        var m = new TestMarket();
        var es = m.Market.Catalogue.FrontMonth("ES", new DateOnly(2026, 11, 18))!;
        var open = Fills(m.Place(Ticket(OrderAction.Buy, 2, OrderType.Market, es.ConId)).Events).Single();
        var afterOpen = m.Market.AccountValues(AccountId.Default);
        Assert.Equal(1_000_000m - 1.70m, afterOpen.TotalCashValue);
        Assert.Equal(0m, afterOpen.GrossPositionValue);
        var last = m.Quote(es.ConId).Last;
        Assert.Equal(afterOpen.TotalCashValue + (last - open.Price - 0.85m / 50m) * 2m * 50m, afterOpen.NetLiquidation);
        Assert.Equal(50m * (open.Price + 0.85m / 50m), m.Market.Positions().Single().Position.AverageCost);
        m.Advance(TimeSpan.FromMinutes(20));
        var close = Fills(m.Place(Ticket(OrderAction.Sell, 2, OrderType.Market, es.ConId)).Events).Single();
        var afterClose = m.Market.AccountValues(AccountId.Default);
        Assert.Equal(1_000_000m - 3.40m + (close.Price - open.Price) * 100m, afterClose.TotalCashValue);
        Assert.Equal(afterClose.TotalCashValue - 1_000_000m, afterClose.RealizedPnl);
        Assert.Empty(m.Market.Positions());
        Assert.Equal(0m, m.Market.Portfolio(AccountId.Default).Single().Position); // closed line stays for the day
    }

    [Fact]
    public void Fx_in_a_non_usd_quote_currency_is_converted()
    {
        var m = new TestMarket();
        var usdJpy = m.Market.Search(new ContractQuery { LocalSymbol = "USD.JPY" }).Single();
        var fill = Fills(m.Place(Ticket(OrderAction.Buy, 100_000, OrderType.Market, usdJpy.ConId)).Events).Single();
        var values = m.Market.AccountValues(AccountId.Default);
        // Bought 100k USD for JPY: net liquidation barely moves (spread and commission only).
        Assert.InRange(values.NetLiquidation, 999_900m, 1_000_000m);
        Assert.Equal(2m, fill.Commission);
    }

    [Fact]
    public void Accounts_are_separate_and_orders_can_name_one()
    {
        var m = new TestMarket();
        var second = new AccountId("DU222222");
        m.Place(Ticket(OrderAction.Buy, 10, OrderType.Market) with { Account = second });
        Assert.Empty(m.Market.Positions(AccountId.Default));
        Assert.Single(m.Market.Positions(second));
        Assert.Equal([AccountId.Default, second], m.Market.ManagedAccounts);
        Assert.Equal(second, m.Market.Executions(new ExecutionFilter { Account = second }).Single().Account);
    }
}
