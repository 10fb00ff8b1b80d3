using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using Xunit;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Tests.Orders.Rounding;

/// <summary>The pure half of market-rule rounding: which rule a contract uses on an exchange, and orders on its grid.</summary>
public sealed class PriceRoundingPlanTests
{
    private static readonly S.PriceIncrement[] Cents = [new(0m, 0.01m)];
    private static readonly ContractSpec Aapl = Contract.Stock("AAPL");

    internal static ContractDetail Detail(string validExchanges, string ruleIds, string? primary = "NASDAQ") => new(
        Contract.Stock("AAPL") with { PrimaryExchange = primary, ConId = new ConId(265598) }, new ConId(265598), "APPLE INC", 0.01m, "US/Eastern",
        "", "", validExchanges, "LMT,MKT,STP", ruleIds, "", null, 1m, 1m, "Technology", "Computers");

    [Fact]
    public void Smart_uses_the_rule_of_the_primary_exchange_when_it_is_listed()
    {
        var detail = Detail("SMART,NYSE,NASDAQ,ARCA", "26,27,28,29");
        Assert.Equal((28, (string?)null), PriceRoundingPlan.RuleFor(detail, "SMART"));
        Assert.Equal((28, (string?)null), PriceRoundingPlan.RuleFor(detail, ""));
    }

    [Fact]
    public void Smart_without_a_listed_primary_uses_the_first_valid_exchange_other_than_smart()
    {
        Assert.Equal((27, (string?)null), PriceRoundingPlan.RuleFor(Detail("SMART,NYSE,ARCA", "26,27,29", primary: "BOX"), "SMART"));
        Assert.Equal((27, (string?)null), PriceRoundingPlan.RuleFor(Detail("SMART,NYSE,ARCA", "26,27,29", primary: null), "smart"));
        Assert.Equal((26, (string?)null), PriceRoundingPlan.RuleFor(Detail("SMART", "26", primary: null), "SMART"));
    }

    [Fact]
    public void A_named_exchange_uses_its_own_rule_and_an_unlisted_one_is_refused()
    {
        var detail = Detail("SMART,NYSE,NASDAQ,ARCA", "26,27,28,29");
        Assert.Equal((29, (string?)null), PriceRoundingPlan.RuleFor(detail, "arca"));
        var (rule, problem) = PriceRoundingPlan.RuleFor(detail, "IEX");
        Assert.Null(rule);
        Assert.Contains("IEX is not among the valid exchanges of AAPL", problem);
    }

    [Theory]
    [InlineData("SMART,NYSE", "26", "2 valid exchanges but 1 market rules")]
    [InlineData("SMART,NYSE", "", "list no market rule")]
    [InlineData("SMART,NYSE", "26,x", "'x' of AAPL on NYSE is not a rule id")]
    public void Contract_details_that_do_not_pair_exchanges_with_rules_are_refused(string venues, string rules, string expected)
    {
        var (rule, problem) = PriceRoundingPlan.RuleFor(Detail(venues, rules), "NYSE");
        Assert.Null(rule);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Only_limit_and_stop_prices_in_a_mode_other_than_off_need_the_rule()
    {
        Assert.False(PriceRoundingPlan.Needs(Order.Limit(OrderAction.Buy, 1, 10.005m), PriceRounding.Off));
        Assert.True(PriceRoundingPlan.Needs(Order.Limit(OrderAction.Buy, 1, 10.005m), PriceRounding.Nearest));
        Assert.True(PriceRoundingPlan.Needs(Order.Limit(OrderAction.Buy, 1, 10.005m) with { PriceRounding = PriceRounding.Up }, PriceRounding.Off));
        Assert.False(PriceRoundingPlan.Needs(Order.Limit(OrderAction.Buy, 1, 10.005m) with { PriceRounding = PriceRounding.Off }, PriceRounding.Nearest));
        Assert.True(PriceRoundingPlan.Needs(Order.Stop(OrderAction.Sell, 1, 9.995m), PriceRounding.Down));
        Assert.False(PriceRoundingPlan.Needs(Order.Market(OrderAction.Buy, 1), PriceRounding.Nearest));
        Assert.False(PriceRoundingPlan.Needs(Order.TrailingAmount(OrderAction.Sell, 1, 0.333m), PriceRounding.Nearest));
        Assert.False(PriceRoundingPlan.NeedsRule(new OrderCommands.CancelOrder(new OrderId(3)), PriceRounding.Nearest));
        Assert.True(PriceRoundingPlan.NeedsRule(new OrderCommands.PlaceOca(Aapl, [Order.Market(OrderAction.Buy, 1), Order.Limit(OrderAction.Buy, 1, 10m)], "g", new StrategyId("s")), PriceRounding.Up));
    }

    [Fact]
    public void Nearest_rounds_the_limit_and_the_stop_of_a_stop_limit_and_keeps_everything_else()
    {
        var spec = Order.StopLimit(OrderAction.Buy, 5, 10.004m, 10.016m) with { OrderRef = "r1", PriceRounding = PriceRounding.Nearest };
        var (rounded, problem) = PriceRoundingPlan.Round(spec, Cents, PriceRounding.Off);
        Assert.Null(problem);
        Assert.Equal(spec with { AuxPrice = 10.00m, LimitPrice = 10.02m }, rounded);
    }

    [Fact]
    public void Reject_refuses_the_whole_placement_naming_the_price_and_both_neighbours()
    {
        var bracket = new OrderCommands.PlaceBracket(Aapl, Order.Bracket(OrderAction.Buy, 10, 100m, 110.005m, 95m), new StrategyId("s"));
        var (command, problem) = PriceRoundingPlan.Round(bracket, Cents, PriceRounding.Reject);
        Assert.Null(command);
        Assert.Equal("limit price 110.005 is not a multiple of the market rule's increment 0.01 there: the valid neighbours are 110.00 and 110.01; nothing was sent", problem);
    }

    [Fact]
    public void A_modification_that_asks_for_rounding_needs_the_rule_and_one_that_does_not_goes_on_as_it_is()
    {
        var modify = new OrderCommands.ModifyOrder(new OrderId(7), Order.Limit(OrderAction.Buy, 1, 10.005m));
        Assert.True(PriceRoundingPlan.NeedsRule(modify, PriceRounding.Nearest));
        Assert.False(PriceRoundingPlan.NeedsRule(modify, PriceRounding.Off));
        Assert.True(PriceRoundingPlan.NeedsRule(modify with { Order = modify.Order with { PriceRounding = PriceRounding.Down } }, PriceRounding.Off));
        Assert.False(PriceRoundingPlan.NeedsRule(modify with { Order = Order.Market(OrderAction.Buy, 2) }, PriceRounding.Nearest));
    }

    [Theory]
    [InlineData(PriceRounding.Nearest, 10.00, 10.02)]
    [InlineData(PriceRounding.Down, 10.00, 10.01)]
    [InlineData(PriceRounding.Up, 10.01, 10.02)]
    public void A_modification_gets_its_new_limit_and_stop_on_the_grid_and_keeps_its_order_id_and_everything_else(
        PriceRounding mode, double stop, double limit)
    {
        var spec = Order.StopLimit(OrderAction.Buy, 5, 10.004m, 10.016m) with { OrderRef = "r2", PriceRounding = mode };
        var modify = new OrderCommands.ModifyOrder(new OrderId(7), spec, new StrategyId("s"), ReferencePrice: 10m);
        var (rounded, problem) = PriceRoundingPlan.Round(modify, Cents, PriceRounding.Off);
        Assert.Null(problem);
        Assert.Equal(modify with { Order = spec with { AuxPrice = (decimal)stop, LimitPrice = (decimal)limit } }, rounded);
    }

    [Fact]
    public void Reject_refuses_an_off_grid_modification_naming_the_price_and_both_neighbours()
    {
        var modify = new OrderCommands.ModifyOrder(new OrderId(7), Order.Stop(OrderAction.Sell, 5, 9.995m) with { PriceRounding = PriceRounding.Reject });
        var (command, problem) = PriceRoundingPlan.Round(modify, Cents, PriceRounding.Nearest);
        Assert.Null(command);
        Assert.Equal("stop price 9.995 is not a multiple of the market rule's increment 0.01 there: the valid neighbours are 9.99 and 10.00; nothing was sent", problem);
    }

    [Fact]
    public void A_modification_with_rounding_off_comes_back_untouched_off_the_grid()
    {
        var modify = new OrderCommands.ModifyOrder(new OrderId(7), Order.Limit(OrderAction.Sell, 3, 10.255m) with { PriceRounding = PriceRounding.Off });
        Assert.Equal((modify, (string?)null), PriceRoundingPlan.Round(modify, Cents, PriceRounding.Nearest));
    }

    [Fact]
    public void A_placement_on_the_grid_comes_back_with_the_same_prices()
    {
        var place = new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Sell, 3, 10.25m), new StrategyId("s"));
        Assert.Equal((place, (string?)null), PriceRoundingPlan.Round(place, Cents, PriceRounding.Reject));
    }
}
