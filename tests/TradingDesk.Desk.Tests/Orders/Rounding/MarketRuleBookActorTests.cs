using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Tests.Orders.Rounding;

/// <summary>
/// The market-rule book between a router probe (contract details and market rules) and an order-manager probe: one
/// lookup for many orders, a cache dropped on reconnect, refusals that never reach the order manager.
/// </summary>
public sealed class MarketRuleBookActorTests : DeskTestKit
{
    private static readonly ContractSpec Aapl = Contract.Stock("AAPL");
    private static readonly StrategyId Owner = new("owner");
    private readonly TestProbe _router;
    private readonly TestProbe _orders;
    private readonly IActorRef _book;

    public MarketRuleBookActorTests(ITestOutputHelper output) : base(output)
    {
        _router = CreateTestProbe("router");
        _orders = CreateTestProbe("orders");
        _book = Sys.ActorOf(MarketRuleBookActor.Props(_router.Ref, _orders.Ref, PriceRounding.Nearest), "market-rules");
    }

    private static OrderCommands.PlaceOrder Limit(decimal price, PriceRounding? mode = null) =>
        new(Aapl, Order.Limit(OrderAction.Buy, 10, price) with { PriceRounding = mode }, Owner);

    /// <summary>Answers the contract-details ask with AAPL's (rule 26 on every exchange) and returns the rule asked for.</summary>
    private S.GetMarketRule AnswerDetails()
    {
        _router.ExpectMsg<GetContractDetails>(d => Assert.Equal(Aapl, d.Contract));
        _router.Reply(new ContractDetailsList([PriceRoundingPlanTests.Detail("SMART,NYSE,NASDAQ", "26,26,26")], DateTimeOffset.UnixEpoch));
        return _router.ExpectMsg<S.GetMarketRule>();
    }

    private void AnswerRule(int id) => _router.Reply(new S.MarketRule(id, [new S.PriceIncrement(0m, 0.01m)], DateTimeOffset.UnixEpoch));

    [Fact]
    public void Two_orders_for_one_contract_share_one_lookup_and_reach_the_order_manager_rounded_from_their_strategy()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        first.Send(_book, Limit(10.004m));
        second.Send(_book, Limit(10.006m));
        Assert.Equal(26, AnswerDetails().RuleId);
        AnswerRule(26);

        Assert.Equal(10.00m, _orders.ExpectMsg<OrderCommands.PlaceOrder>().Order.LimitPrice);
        Assert.Equal(first.Ref, _orders.LastSender);
        Assert.Equal(10.01m, _orders.ExpectMsg<OrderCommands.PlaceOrder>().Order.LimitPrice);
        Assert.Equal(second.Ref, _orders.LastSender);

        // Cached: the next order goes on without a word to the router (the forward happens in the same handler).
        first.Send(_book, Limit(10.019m));
        Assert.Equal(10.02m, _orders.ExpectMsg<OrderCommands.PlaceOrder>().Order.LimitPrice);
        Assert.False(_router.HasMessages);
    }

    [Fact]
    public void A_reconnect_drops_the_cache_and_the_next_order_looks_the_rule_up_again()
    {
        var strategy = CreateTestProbe();
        strategy.Send(_book, Limit(10.004m));
        AnswerDetails();
        AnswerRule(26);
        _orders.ExpectMsg<OrderCommands.PlaceOrder>();

        _book.Tell(new ConnectionEvents.Connected(213, "", ["DU1"], 1, IsReconnect: true, DateTimeOffset.UnixEpoch));
        strategy.Send(_book, Limit(10.006m));
        Assert.Equal(26, AnswerDetails().RuleId);
        AnswerRule(26);
        Assert.Equal(10.01m, _orders.ExpectMsg<OrderCommands.PlaceOrder>().Order.LimitPrice);
    }

    [Fact]
    public void A_rule_that_cannot_be_fetched_fails_every_order_waiting_for_it_with_the_lookups_failure_and_sends_nothing()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();
        var one = Limit(10.004m);
        var two = Limit(10.006m);
        first.Send(_book, one);
        second.Send(_book, two);
        var ask = AnswerDetails();
        _router.Reply(new RequestFailed(ask, new RequestTimedOut(TimeSpan.FromSeconds(10))));

        Assert.Equal(one, first.ExpectMsg<RequestFailed>(f => Assert.IsType<RequestTimedOut>(f.Failure)).Request);
        Assert.Equal(two, second.ExpectMsg<RequestFailed>(f => Assert.IsType<RequestTimedOut>(f.Failure)).Request);
        Assert.False(_orders.HasMessages);

        // The failed rule was not cached: the next order asks for it again (the contract's rule id was kept).
        first.Send(_book, Limit(10.004m));
        Assert.Equal(26, _router.ExpectMsg<S.GetMarketRule>().RuleId);
        AnswerRule(26);
        Assert.Equal(10.00m, _orders.ExpectMsg<OrderCommands.PlaceOrder>().Order.LimitPrice);
    }

    [Fact]
    public void Contract_details_that_fail_fail_the_order_and_name_what_was_looked_up()
    {
        var strategy = CreateTestProbe();
        strategy.Send(_book, Limit(10.004m));
        _router.ExpectMsg<GetContractDetails>();
        _router.Reply(new RequestFailed(new GetContractDetails(Aapl), new GatewayError(200, "No security definition has been found for the request")));
        var failed = strategy.ExpectMsg<RequestFailed>();
        var error = Assert.IsType<GatewayError>(failed.Failure);
        Assert.Equal(200, error.Code);
        Assert.Contains("fetching the contract details of", error.Message);
        Assert.False(_orders.HasMessages);
    }

    [Fact]
    public void Reject_refuses_an_off_grid_price_with_both_neighbours_and_nothing_reaches_the_order_manager()
    {
        var strategy = CreateTestProbe();
        var order = Limit(10.005m, PriceRounding.Reject);
        strategy.Send(_book, order);
        AnswerDetails();
        AnswerRule(26);
        var failed = strategy.ExpectMsg<RequestFailed>();
        Assert.Equal(order, failed.Request);
        var invalid = Assert.IsType<InvalidRequest>(failed.Failure);
        Assert.Contains("the valid neighbours are 10.00 and 10.01", invalid.Problem);
        Assert.False(_orders.HasMessages);
    }

    [Fact]
    public void A_modification_that_asks_for_rounding_is_refused_in_words_that_say_how_to_send_it()
    {
        var strategy = CreateTestProbe();
        strategy.Send(_book, new OrderCommands.ModifyOrder(new OrderId(5), Order.Limit(OrderAction.Buy, 10, 10.005m)));
        var invalid = Assert.IsType<InvalidRequest>(strategy.ExpectMsg<RequestFailed>().Failure);
        Assert.Contains("with PriceRounding Off", invalid.Problem);
        Assert.False(_router.HasMessages);
    }
}
