using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using Xunit;
using static TradingDesk.Desk.Messages.FinancialAdvisorMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.MultiAccountMessages;
using Contract = TradingDesk.Desk.Domain.Contract;
using Order = TradingDesk.Desk.Domain.Order;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The pure session, multi-account and FA plans, their validation, reroute notices and FA order fields.</summary>
public sealed class SessionPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly SubscriptionId Sub = new(7);

    [Fact]
    public void A_market_rule_with_an_increment_that_is_not_positive_fails_instead_of_making_prices_unroundable()
    {
        var plan = new MarketRulePlan(new S.GetMarketRule(26));
        var step = plan.Accept(new IBApi.protobuf.MarketRule { MarketRuleId = 26, PriceIncrements = { new IBApi.protobuf.PriceIncrement { LowEdge = 0, Increment = 0 } } }, Now);
        Assert.Contains("26", Assert.IsType<InvalidRequest>(Assert.IsType<Step.Fail>(step).Failure).Problem);
        Assert.IsType<Step.Continue>(plan.Accept(new IBApi.protobuf.MarketRule { MarketRuleId = 27 }, Now)); // another rule's answer
    }

    [Fact]
    public void Display_group_lists_skip_what_is_not_a_group_id()
    {
        Assert.Equal([4, 1, 2], DisplayGroupsPlan.ParseGroups("4|1|x|2|"));
    }

    [Fact]
    public void Account_updates_multi_maps_values_and_its_end_marker()
    {
        var plan = new AccountUpdatesMultiStream(new SubscribeAccountUpdatesMulti(new AccountId("DU1"), "", LedgerAndNlv: true));
        var request = Assert.IsType<AccountUpdatesMultiRequest>(plan.Build(1_000_000_003));
        Assert.True(request.LedgerAndNLV);
        Assert.Equal(1_000_000_003, Assert.IsType<CancelAccountUpdatesMulti>(plan.Cancel(1_000_000_003)).ReqId);
        var value = Assert.IsType<AccountUpdateMultiItem>(plan.Map(new AccountUpdateMulti { ReqId = 1, Account = "DU1", Key = "NetLiquidation", Value = "100000.5", Currency = "USD" }, Sub, Now));
        Assert.Equal(("NetLiquidation", 100000.5m, Sub), (value.Key, value.Amount, value.Subscription));
        Assert.IsType<AccountUpdatesMultiEnd>(plan.Map(new AccountUpdateMultiEnd { ReqId = 1 }, Sub, Now));
    }

    [Fact]
    public void Reroute_requests_become_typed_notices_for_the_line_subscribers()
    {
        var market = new MarketDataStream(new SubscribeMarketData(Contract.Stock("IBUS500")));
        var notice = Assert.IsType<LineNotices.LineRerouted>(market.Map(new RerouteMarketDataRequest { ReqId = 1, ConId = 12345, Exchange = "SMART" }, Sub, Now));
        Assert.Equal((Sub, new ConId(12345), "SMART", false), (notice.Subscription, notice.ConId, notice.Exchange, notice.Depth));
        var depth = new DepthStream(new SubscribeDepth(Contract.Stock("IBUS500"), 5));
        Assert.True(Assert.IsType<LineNotices.LineRerouted>(depth.Map(new RerouteMarketDepthRequest { ReqId = 1, ConId = 12345, Exchange = "ISLAND" }, Sub, Now)).Depth);
    }

    [Theory]
    [InlineData(0, "market rule id")]
    [InlineData(-3, "market rule id")]
    public void A_rule_id_that_names_no_rule_is_refused(int ruleId, string expected) =>
        Assert.Contains(expected, SessionValidation.Problem(new S.GetMarketRule(ruleId), 213));

    [Fact]
    public void FA_input_is_checked_before_it_is_sent()
    {
        Assert.Null(SessionValidation.Problem(new GetFaConfiguration(FaDataKind.Profiles), 176)); // still there below 177
        Assert.Contains("177", SessionValidation.Problem(new ReplaceFaConfiguration(FaDataKind.Profiles, "<x/>"), 177));
        Assert.Contains("empty", SessionValidation.Problem(new ReplaceFaConfiguration(FaDataKind.Groups, " "), 213));
        Assert.Contains("control", SessionValidation.Problem(new ReplaceFaConfiguration(FaDataKind.Groups, "<a>\0</a>"), 213));
        Assert.Contains("not groups", SessionValidation.Problem(new GetFaConfiguration((FaDataKind)9), 213));
        Assert.Null(SessionValidation.Problem(new ReplaceFaConfiguration(FaDataKind.Groups, "<ListOfGroups>\n</ListOfGroups>"), 213));
    }

    [Fact]
    public void FA_allocation_fields_travel_from_the_order_spec_to_place_order()
    {
        var spec = Order.Limit(OrderAction.Buy, 100, 10.5m) with { FaGroup = "Growth", FaMethod = "PctChange", FaPercentage = 2.5m };
        Assert.Empty(spec.Problems());
        var wire = spec.ToProto(new OrderId(5), clientId: 1);
        Assert.Equal(("Growth", "PctChange", "2.5"), (wire.FaGroup, wire.FaMethod, wire.FaPercentage));
        Assert.False(Order.Limit(OrderAction.Buy, 100, 10.5m).ToProto(new OrderId(6), clientId: 1).HasFaGroup);
    }

    [Fact]
    public void An_unknown_FA_method_or_a_percentage_without_PctChange_is_a_problem_of_the_order()
    {
        var problems = (Order.Market(OrderAction.Buy, 1) with { FaGroup = "G", FaMethod = "Equal", FaPercentage = 5m }).Problems();
        Assert.Contains(problems, p => p.Contains("EqualQuantity"));
        Assert.Contains(problems, p => p.Contains("PctChange"));
    }
}
