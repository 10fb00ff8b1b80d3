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
/// The market-rule book between a router probe (contract details and market rules) and an order-manager probe (which
/// also names a modified order's contract): one lookup for many orders, placed or modified, a cache dropped on
/// reconnect, refusals that never reach the order manager.
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

    private static OrderCommands.ModifyOrder Modify(decimal price, PriceRounding? mode = null) =>
        new(new OrderId(5), Order.Limit(OrderAction.Buy, 10, price) with { PriceRounding = mode, OrderRef = "mod" });

    /// <summary>The order manager is asked for the contract of order 5 for <paramref name="asker"/>; the query comes back.</summary>
    private ModifyTarget.Find ExpectContractQuery(OrderCommands.ModifyOrder modify, TestProbe asker)
    {
        var find = _orders.ExpectMsg<ModifyTarget.Find>();
        Assert.Equal(modify, find.Modify);
        Assert.Equal(asker.Ref, find.Asker);
        return find;
    }

    [Fact]
    public void A_modification_is_rounded_to_the_grid_of_its_orders_contract_and_reaches_the_order_manager_from_its_strategy()
    {
        var strategy = CreateTestProbe();
        var modify = Modify(10.006m);
        strategy.Send(_book, modify);
        // Nothing is looked up before the order manager names the contract.
        Assert.False(_router.HasMessages);
        _orders.Reply(new ModifyTarget.Found(ExpectContractQuery(modify, strategy), Aapl));
        Assert.Equal(26, AnswerDetails().RuleId);
        AnswerRule(26);

        var rounded = _orders.ExpectMsg<OrderCommands.ModifyOrder>();
        Assert.Equal(modify with { Order = modify.Order with { LimitPrice = 10.01m } }, rounded);
        Assert.Equal(strategy.Ref, _orders.LastSender);
        Assert.False(strategy.HasMessages);
    }

    [Fact]
    public void A_modification_of_an_order_the_order_manager_refuses_is_refused_in_its_words_and_nothing_goes_on()
    {
        var strategy = CreateTestProbe();
        var unknown = Modify(10.006m);
        strategy.Send(_book, unknown);
        var refusal = new InvalidRequest("order 5 was not placed by this desk; only the owner may modify it");
        _orders.Reply(new ModifyTarget.Refused(ExpectContractQuery(unknown, strategy), refusal));
        var failed = strategy.ExpectMsg<RequestFailed>();
        Assert.Equal(unknown, failed.Request);
        Assert.Equal(refusal, failed.Failure);

        // An order manager that is down answers the query through its supervisor: the modification hears why.
        var held = Modify(10.004m, PriceRounding.Down);
        strategy.Send(_book, held);
        var find = ExpectContractQuery(held, strategy);
        _orders.Reply(new RequestFailed(find, new JournalUnavailable("the store is down")));
        var down = strategy.ExpectMsg<RequestFailed>();
        Assert.Equal(held, down.Request);
        Assert.IsType<JournalUnavailable>(down.Failure);

        Assert.False(_router.HasMessages);
        Assert.False(_orders.HasMessages);
    }

    [Fact]
    public void A_modification_waiting_for_its_contracts_rule_shares_the_lookups_of_a_placement_and_goes_after_it()
    {
        var placer = CreateTestProbe();
        var modifier = CreateTestProbe();
        placer.Send(_book, Limit(10.004m));
        _router.ExpectMsg<GetContractDetails>(d => Assert.Equal(Aapl, d.Contract));

        var modify = Modify(10.016m, PriceRounding.Up);
        modifier.Send(_book, modify);
        _orders.Reply(new ModifyTarget.Found(ExpectContractQuery(modify, modifier), Aapl));
        // The modification joins the placement's contract-details ask: no second one goes out.
        _router.Reply(new ContractDetailsList([PriceRoundingPlanTests.Detail("SMART,NYSE,NASDAQ", "26,26,26")], DateTimeOffset.UnixEpoch));
        Assert.Equal(26, _router.ExpectMsg<S.GetMarketRule>().RuleId);
        AnswerRule(26);

        Assert.Equal(10.00m, _orders.ExpectMsg<OrderCommands.PlaceOrder>().Order.LimitPrice);
        Assert.Equal(placer.Ref, _orders.LastSender);
        Assert.Equal(10.02m, _orders.ExpectMsg<OrderCommands.ModifyOrder>().Order.LimitPrice);
        Assert.Equal(modifier.Ref, _orders.LastSender);
        Assert.False(_router.HasMessages);
    }

    [Fact]
    public void A_modification_of_a_contract_whose_rule_is_cached_is_rounded_without_a_lookup()
    {
        var strategy = CreateTestProbe();
        strategy.Send(_book, Limit(10.004m));
        AnswerDetails();
        AnswerRule(26);
        _orders.ExpectMsg<OrderCommands.PlaceOrder>();

        var modify = Modify(10.013m, PriceRounding.Down);
        strategy.Send(_book, modify);
        _orders.Reply(new ModifyTarget.Found(ExpectContractQuery(modify, strategy), Aapl));
        Assert.Equal(10.01m, _orders.ExpectMsg<OrderCommands.ModifyOrder>().Order.LimitPrice);
        Assert.Equal(strategy.Ref, _orders.LastSender);
        Assert.False(_router.HasMessages);
    }

    [Fact]
    public void Reject_refuses_an_off_grid_modification_with_both_neighbours_and_nothing_reaches_the_order_manager()
    {
        var strategy = CreateTestProbe();
        var modify = Modify(10.005m, PriceRounding.Reject);
        strategy.Send(_book, modify);
        _orders.Reply(new ModifyTarget.Found(ExpectContractQuery(modify, strategy), Aapl));
        AnswerDetails();
        AnswerRule(26);
        var failed = strategy.ExpectMsg<RequestFailed>();
        Assert.Equal(modify, failed.Request);
        Assert.Contains("the valid neighbours are 10.00 and 10.01", Assert.IsType<InvalidRequest>(failed.Failure).Problem);
        Assert.False(_orders.HasMessages);
    }
}
