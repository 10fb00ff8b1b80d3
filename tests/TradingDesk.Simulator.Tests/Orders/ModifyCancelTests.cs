using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Orders;
using static TradingDesk.Simulator.Tests.TestMarket;

namespace TradingDesk.Simulator.Tests.Orders;

public sealed class ModifyCancelTests
{
    [Fact]
    public void Modify_changes_price_and_quantity_and_can_make_the_order_fill()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (id, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = q.Bid - 20m });
        var permId = m.Order(id).PermId;
        var events = m.Market.PlaceOrder(Client, id, Ticket(OrderAction.Buy, 200, OrderType.Limit) with { LimitPrice = q.Bid - 10m });
        var changed = events.OfType<OrderChanged>().Single().Order;
        Assert.Equal(200m, changed.Ticket.Quantity);
        Assert.Equal(q.Bid - 10m, changed.Ticket.LimitPrice);
        Assert.Equal(permId, changed.PermId);
        Assert.Equal(OrderStatus.Submitted, changed.Status);

        var fillEvents = m.Market.PlaceOrder(Client, id, Ticket(OrderAction.Buy, 200, OrderType.Limit) with { LimitPrice = q.Ask + 1m });
        Assert.Equal(200m, Fills(fillEvents).Sum(f => f.Shares));
        Assert.Equal(OrderStatus.Filled, m.Order(id).Status);
    }

    [Fact]
    public void Replacing_a_finished_order_gives_103_and_a_bad_modification_gives_201_without_changing_the_order()
    {
        var m = new TestMarket();
        var (filled, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        var dup = m.Market.PlaceOrder(Client, filled, Ticket(OrderAction.Buy, 100, OrderType.Market));
        Assert.Equal(OrderErrorCodes.DuplicateOrderId, Errors(dup).Single().Code);
        Assert.Empty(Fills(dup));

        var q = m.Quote();
        var (working, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = q.Bid - 20m });
        var bad = m.Market.PlaceOrder(Client, working, Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = q.Bid - 20.005m });
        Assert.Equal(OrderErrorCodes.Rejected, Errors(bad).Single().Code);
        Assert.Equal(q.Bid - 20m, m.Order(working).Ticket.LimitPrice);
        Assert.Equal(OrderStatus.Submitted, m.Order(working).Status);
        var side = m.Market.PlaceOrder(Client, working, Ticket(OrderAction.Sell, 100, OrderType.Limit) with { LimitPrice = q.Bid - 20m });
        Assert.Equal(OrderErrorCodes.Rejected, Errors(side).Single().Code);
    }

    [Fact]
    public void Cancel_codes_135_202_and_161()
    {
        var m = new TestMarket();
        var unknown = m.Market.CancelOrder(Client, new OrderId(999));
        Assert.Equal(OrderErrorCodes.OrderNotFound, Errors(unknown).Single().Code);
        Assert.Contains("999", Errors(unknown).Single().Message);

        var (id, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = m.Quote().Bid - 20m });
        var cancelled = m.Market.CancelOrder(Client, id);
        Assert.Equal([OrderStatus.Cancelled], Statuses(cancelled, id));
        Assert.Equal(OrderErrorCodes.Cancelled, Errors(cancelled).Single().Code);
        Assert.StartsWith("Order Canceled - reason:", Errors(cancelled).Single().Message);
        Assert.Equal(OrderErrorCodes.NotCancellable, Errors(m.Market.CancelOrder(Client, id)).Single().Code);

        var (filled, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        Assert.Equal(OrderErrorCodes.NotCancellable, Errors(m.Market.CancelOrder(Client, filled)).Single().Code);
        // Another client cannot cancel client 1's order: for it the id is unknown.
        var (mine, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = m.Quote().Bid - 20m });
        Assert.Equal(OrderErrorCodes.OrderNotFound, Errors(m.Market.CancelOrder(new ClientId(2), mine)).Single().Code);
    }

    [Fact]
    public void Global_cancel_cancels_every_active_order_of_every_client()
    {
        var m = new TestMarket();
        var low = m.Quote().Bid - 20m;
        var (a, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = low });
        var (b, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = low }, new ClientId(7));
        var (filled, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        var events = m.Market.GlobalCancel();
        Assert.Equal(2, Errors(events).Count(e => e.Code == OrderErrorCodes.Cancelled));
        Assert.Equal(OrderStatus.Cancelled, m.Order(a).Status);
        Assert.Equal(OrderStatus.Cancelled, m.Order(b, new ClientId(7)).Status);
        Assert.Equal(OrderStatus.Filled, m.Order(filled).Status);
        Assert.Empty(m.Market.OpenOrders());
        Assert.Equal(3, m.Market.CompletedOrders().Count);
    }

    [Theory]
    [InlineData("qty")]
    [InlineData("type")]
    [InlineData("tick")]
    [InlineData("trail")]
    [InlineData("gtd")]
    [InlineData("account")]
    [InlineData("parent")]
    [InlineData("margin")]
    public void Bad_orders_are_rejected_inactive_with_201_and_the_id_is_then_used(string fault)
    {
        var m = new TestMarket();
        var bid = m.Quote().Bid;
        var ticket = fault switch
        {
            "qty" => Ticket(OrderAction.Buy, 0, OrderType.Market),
            "type" => Ticket(OrderAction.Buy, 100, OrderCodes.ParseOrderType("PEG MID")),
            "tick" => Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = bid - 0.005m },
            "trail" => Ticket(OrderAction.Sell, 100, OrderType.TrailingStop),
            "gtd" => Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = bid, Tif = TimeInForce.Gtd, GoodTillDate = m.Clock.GetUtcNow().AddDays(-1) },
            "account" => Ticket(OrderAction.Buy, 100, OrderType.Market) with { Account = new AccountId("DU999999") },
            "parent" => Ticket(OrderAction.Sell, 100, OrderType.Market) with { ParentId = new OrderId(4242) },
            "margin" => Ticket(OrderAction.Buy, 1_000_000, OrderType.Market),
            _ => throw new ArgumentException(fault),
        };
        var (id, events) = m.Place(ticket);
        Assert.Equal([OrderStatus.Inactive], Statuses(events, id));
        var error = Errors(events).Single();
        Assert.Equal(OrderErrorCodes.Rejected, error.Code);
        Assert.StartsWith("Order rejected - reason:", error.Message);
        Assert.Empty(Fills(events));
        Assert.Equal(OrderErrorCodes.DuplicateOrderId, Errors(m.Market.PlaceOrder(Client, id, Ticket(OrderAction.Buy, 100, OrderType.Market))).Single().Code);
    }

    [Fact]
    public void Fault_injection_rejects_the_next_orders_with_the_given_reason()
    {
        var m = new TestMarket();
        m.Market.RejectNextOrders(1, "simulated rejection");
        var (a, e1) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        Assert.Equal("Order rejected - reason:simulated rejection", Errors(e1).Single().Message);
        Assert.Equal(OrderStatus.Inactive, m.Order(a).Status);
        var (b, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market));
        Assert.Equal(OrderStatus.Filled, m.Order(b).Status);
    }

    [Fact]
    public void Unknown_contract_gives_200()
    {
        var m = new TestMarket();
        var (_, events) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market, new TradingDesk.Simulator.Catalogue.ConId(1)));
        Assert.Equal(OrderErrorCodes.NoSecurityDefinition, Errors(events).Single().Code);
    }

    [Fact]
    public void Next_valid_id_is_above_every_id_seen_and_perm_and_exec_ids_are_unique()
    {
        var m = new TestMarket();
        Assert.Equal(1, m.Market.NextValidOrderId().Value);
        m.Market.PlaceOrder(new ClientId(3), new OrderId(500), Ticket(OrderAction.Buy, 100, OrderType.Market));
        m.Market.PlaceOrder(new ClientId(4), new OrderId(120), Ticket(OrderAction.Buy, 0, OrderType.Market)); // rejected, still seen
        m.Market.CancelOrder(new ClientId(5), new OrderId(900)); // unknown: an id that was never placed is not "used"
        Assert.Equal(501, m.Market.NextValidOrderId().Value);
        for (var i = 0; i < 3; i++) Assert.Empty(Errors(m.Place(Ticket(OrderAction.Buy, 2_500, OrderType.Market)).Events));
        m.Advance(TimeSpan.FromSeconds(30));
        var execs = m.Market.Executions();
        Assert.True(execs.Count > 4);
        Assert.Equal(7_600m, execs.Sum(e => e.Shares));
        Assert.Equal(execs.Count, execs.Select(e => e.ExecId).Distinct().Count());
        var perms = m.Market.State.Orders.Values.Select(o => o.PermId).ToList();
        Assert.Equal(perms.Count, perms.Distinct().Count());
    }
}

public sealed class ClientOrderIdTests
{
    [Fact]
    public void Each_client_has_its_own_order_ids()
    {
        var m = new TestMarket();
        var id = new OrderId(10);
        var low = m.Quote().Bid - 20m;
        var a = m.Market.PlaceOrder(new ClientId(1), id, Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = low });
        var b = m.Market.PlaceOrder(new ClientId(2), id, Ticket(OrderAction.Buy, 200, OrderType.Limit) with { LimitPrice = low });
        Assert.Empty(Errors(a.Concat(b)));
        Assert.Equal(2, m.Market.OpenOrders().Count);
        Assert.Single(m.Market.OpenOrders(new ClientId(2)));
        Assert.Equal(200m, m.Order(id, new ClientId(2)).Ticket.Quantity);
        Assert.NotEqual(m.Order(id, new ClientId(1)).PermId, m.Order(id, new ClientId(2)).PermId);
        m.Market.CancelOrder(new ClientId(1), id);
        Assert.True(m.Order(id, new ClientId(2)).IsActive);
    }
}
