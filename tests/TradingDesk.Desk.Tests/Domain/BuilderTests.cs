using TradingDesk.Desk.Domain;
using TradingDesk.Contracts.Mapping;
using Xunit;

namespace TradingDesk.Desk.Tests.Domain;

public sealed class BuilderTests
{
    [Fact]
    public void Stock_maps_to_IBs_contract_fields()
    {
        var p = Contract.Stock("aapl").ToProto();
        Assert.Equal(("AAPL", "STK", "SMART", "USD"), (p.Symbol, p.SecType, p.Exchange, p.Currency));
        Assert.False(p.HasConId);
        Assert.False(p.HasStrike);
    }

    [Fact]
    public void BroadTape_is_the_providers_all_symbol_of_secType_news_on_its_exchange()
    {
        var spec = Contract.BroadTape("brfg");
        var p = spec.ToProto();
        Assert.Equal(("BRFG:BRFG_ALL", "NEWS", "BRFG", ""), (p.Symbol, p.SecType, p.Exchange, p.Currency));
        Assert.Equal(SecType.News, WireNames.ParseSecType("NEWS"));
        Assert.Equal(spec, spec.ToWire().FromWire("contract"));
    }

    [Fact]
    public void Forex_pair_is_cash_on_idealpro()
    {
        var p = Contract.Forex("EUR", "USD").ToProto();
        Assert.Equal(("EUR", "CASH", "IDEALPRO", "USD"), (p.Symbol, p.SecType, p.Exchange, p.Currency));
    }

    [Fact]
    public void Option_carries_expiry_strike_right_and_multiplier_and_round_trips()
    {
        var spec = Contract.Option("SPY", "20261218", 600.5m, OptionRight.Put);
        var p = spec.ToProto();
        Assert.Equal(("OPT", "20261218", 600.5, "P", 100.0), (p.SecType, p.LastTradeDateOrContractMonth, p.Strike, p.Right, p.Multiplier));
        Assert.Equal(spec with { Multiplier = "100" }, p.ToSpec() with { Exchange = spec.Exchange });
    }

    [Theory]
    [InlineData("12345678")]   // 8 characters: not a CUSIP
    [InlineData("")]
    public void Bad_cusips_are_refused(string cusip) => Assert.Throws<ArgumentException>(() => Contract.BondByCusip(cusip));

    [Fact]
    public void Bonds_by_isin_carry_the_security_id()
    {
        var p = Contract.BondByIsin("US912828YK04").ToProto();
        Assert.Equal(("BOND", "ISIN", "US912828YK04"), (p.SecType, p.SecIdType, p.SecId));
    }

    [Theory]
    [InlineData("2026-12")]
    [InlineData("202613x")]
    public void Bad_expiries_are_refused(string expiry) => Assert.Throws<ArgumentException>(() => Contract.Future("ES", expiry));

    [Fact]
    public void Front_month_future_is_marked_for_resolution()
    {
        var spec = Contract.FrontMonthFuture("ES");
        Assert.True(spec.FrontMonth);
        Assert.Null(spec.LastTradeDateOrContractMonth);
    }

    [Fact]
    public void Limit_order_maps_prices_and_quantities_exactly()
    {
        var p = Order.Limit(OrderAction.Sell, 12.5m, 189.37m, TimeInForce.GoodTillCancel).ToProto(new OrderId(42), clientId: 7);
        Assert.Equal((42, 7, "SELL", "12.5", "LMT", 189.37, "GTC"), (p.OrderId, p.ClientId, p.Action, p.TotalQuantity, p.OrderType, p.LmtPrice, p.Tif));
        Assert.True(p.Transmit);
    }

    [Fact]
    public void Bracket_links_exits_that_only_the_last_one_transmits()
    {
        var b = Order.Bracket(OrderAction.Buy, 100, 100m, 105m, 97m);
        Assert.Equal([false, false, true], new[] { b.Entry.Transmit, b.TakeProfit.Transmit, b.StopLoss.Transmit });
        Assert.Equal(OrderAction.Sell, b.TakeProfit.Action);
        Assert.Equal(OrderType.Stop, b.StopLoss.Type);
        Assert.Equal(97m, b.StopLoss.AuxPrice);
    }

    [Fact]
    public void A_bracket_with_exits_on_the_wrong_side_is_refused() =>
        Assert.Throws<ArgumentException>(() => Order.Bracket(OrderAction.Buy, 100, 100m, 95m, 97m));

    [Fact]
    public void Oca_orders_share_group_and_type()
    {
        var orders = Order.OneCancelsAll("g1", Order.Limit(OrderAction.Buy, 1, 10m), Order.Limit(OrderAction.Buy, 1, 9m));
        Assert.All(orders, o => Assert.Equal(("g1", (int?)1), (o.OcaGroup, o.OcaType)));
    }

    [Fact]
    public void Problems_name_what_the_gateway_would_reject()
    {
        Assert.Contains("quantity must be positive", Order.Market(OrderAction.Buy, 0).Problems().Single());
        Assert.Contains("needs a limit price", (Order.Market(OrderAction.Buy, 1) with { Type = OrderType.Limit }).Problems().Single());
        Assert.Empty(Order.StopLimit(OrderAction.Sell, 5, 99m, 98.5m).Problems());
    }

    [Theory]
    [InlineData("Filled", OrderStatus.Filled, false, true)]
    [InlineData("PreSubmitted", OrderStatus.PreSubmitted, true, false)]
    [InlineData("Weird", OrderStatus.Unknown, false, false)]
    public void Statuses_parse_and_classify(string wire, OrderStatus status, bool active, bool done)
    {
        var parsed = WireNames.ParseStatus(wire);
        Assert.Equal(status, parsed);
        Assert.Equal(active, parsed.IsActive());
        Assert.Equal(done, parsed.IsDone());
    }

    [Fact]
    public void Unknown_security_types_are_an_error_not_a_default() =>
        Assert.Throws<FormatException>(() => WireNames.ParseSecType("XYZ"));
}
