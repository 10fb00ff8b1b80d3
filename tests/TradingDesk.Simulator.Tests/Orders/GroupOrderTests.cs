using TradingDesk.Simulator.Orders;
using static TradingDesk.Simulator.Tests.TestMarket;

namespace TradingDesk.Simulator.Tests.Orders;

public sealed class GroupOrderTests
{
    [Fact]
    public void Bracket_is_held_until_the_last_child_is_transmitted_then_children_wait_for_the_parent_fill()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (parent, e1) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market) with { Transmit = false });
        Assert.Equal([OrderStatus.PendingSubmit], Statuses(e1, parent));
        Assert.Empty(Fills(e1));
        var (profit, _) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.Limit) with { LimitPrice = q.Ask + 30m, ParentId = parent, Transmit = false });
        Assert.Equal(OrderStatus.PendingSubmit, m.Order(profit).Status);
        var (loss, e3) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.Stop) with { AuxPrice = q.Bid - 30m, ParentId = parent });

        // Transmitting the stop sent the group: the parent filled and released both children.
        Assert.Equal(OrderStatus.Filled, m.Order(parent).Status);
        Assert.Single(Fills(e3));
        Assert.Equal(OrderStatus.Submitted, m.Order(profit).Status);
        Assert.Equal(OrderStatus.PreSubmitted, m.Order(loss).Status); // untriggered stop
        Assert.False(m.Order(profit).HeldForParent);

        // Take profit becomes marketable: it fills and the stop loss is cancelled (the children are one OCA group).
        var now = m.Quote();
        var events = m.Market.PlaceOrder(Client, profit, Ticket(OrderAction.Sell, 100, OrderType.Limit) with { LimitPrice = now.Bid - 1m, ParentId = parent });
        Assert.Equal(OrderStatus.Filled, m.Order(profit).Status);
        Assert.Equal(OrderStatus.Cancelled, m.Order(loss).Status);
        Assert.Contains(Errors(events), e => e.Order.OrderId == loss && e.Code == OrderErrorCodes.Cancelled);
        Assert.Empty(m.Market.Positions());
    }

    [Fact]
    public void Children_of_an_unfilled_parent_are_held_and_cancelled_with_it()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (parent, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = q.Bid - 40m });
        var (child, e2) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.Limit) with { LimitPrice = q.Bid - 45m, ParentId = parent });
        // The child would be marketable at once, but it is held for its parent.
        Assert.Empty(Fills(e2));
        Assert.True(m.Order(child).HeldForParent);
        Assert.Equal(OrderStatus.PreSubmitted, m.Order(child).Status);
        m.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0m, m.Order(child).Filled);

        var events = m.Market.CancelOrder(Client, parent);
        Assert.Equal(OrderStatus.Cancelled, m.Order(parent).Status);
        Assert.Equal(OrderStatus.Cancelled, m.Order(child).Status);
        Assert.Equal(2, Errors(events).Count(e => e.Code == OrderErrorCodes.Cancelled));
    }

    [Fact]
    public void Child_of_a_parent_that_fills_later_is_released_then()
    {
        var m = new TestMarket();
        var lowestAsk = m.QuotesAhead(Aapl, 3600).Min(x => x.Ask);
        var limit = lowestAsk + 0.01m;
        var (parent, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = limit });
        var (child, _) = m.Place(Ticket(OrderAction.Sell, 100, OrderType.Limit) with { LimitPrice = limit + 100m, ParentId = parent });
        m.Advance(TimeSpan.FromHours(1));
        Assert.Equal(OrderStatus.Filled, m.Order(parent).Status);
        Assert.False(m.Order(child).HeldForParent);
        Assert.Equal(OrderStatus.Submitted, m.Order(child).Status);
    }

    [Fact]
    public void Oca_group_fill_cancels_the_other_members()
    {
        var m = new TestMarket();
        var q = m.Quote();
        var (a, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = q.Bid - 30m, OcaGroup = "g1" });
        var (b, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = q.Bid - 31m, OcaGroup = "g1" });
        var (other, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Limit) with { LimitPrice = q.Bid - 30m, OcaGroup = "g2" });
        var (c, events) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market) with { OcaGroup = "g1" });
        Assert.Equal(OrderStatus.Filled, m.Order(c).Status);
        Assert.Equal(OrderStatus.Cancelled, m.Order(a).Status);
        Assert.Equal(OrderStatus.Cancelled, m.Order(b).Status);
        Assert.Equal(OrderStatus.Submitted, m.Order(other).Status);
        Assert.Equal("OCA group", m.Order(a).Reason);
        Assert.Equal(2, Errors(events).Count(e => e.Code == OrderErrorCodes.Cancelled));
    }

    [Fact]
    public void Transmit_false_order_alone_waits_until_replaced_with_transmit()
    {
        var m = new TestMarket();
        var (id, _) = m.Place(Ticket(OrderAction.Buy, 100, OrderType.Market) with { Transmit = false });
        m.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(OrderStatus.PendingSubmit, m.Order(id).Status);
        var events = m.Market.PlaceOrder(Client, id, Ticket(OrderAction.Buy, 100, OrderType.Market));
        Assert.Single(Fills(events));
        Assert.Equal(OrderStatus.Filled, m.Order(id).Status);
    }
}
