using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Risk;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Desk.Tests.Orders;
using TradingDesk.Testing.Metrics;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Telemetry;

/// <summary>The order manager's meters: each order's life counted once, refusals by risk, the journal's write time.</summary>
public sealed class OrderMetricsTests(ITestOutputHelper output) : OrderManagerTestKit(output)
{
    private const string Orders = "tradingdesk.orders";

    [Fact]
    public void An_order_is_counted_placed_acknowledged_once_and_filled_per_execution_and_a_rejection_and_a_risk_denial_are_counted()
    {
        using var capture = new MeterCapture(DeskMetrics.For(Sys).Meter);
        var s = CreateTestProbe();
        Connect(1);

        var filled = Place(s, "s");
        Inbound(Open(filled, "Submitted"));
        Inbound(Status(filled, "Submitted"));
        Inbound(Exec(filled, "e1", shares: 40));
        Inbound(Exec(filled, "e2", shares: 60));
        s.FishForMessage(m => m is OrderEvents.Filled f && f.ExecId.Value == "e2");

        var rejected = Place(s, "s");
        Inbound(Error(rejected, 201, "Order rejected - reason:insufficient margin"));
        s.FishForMessage(m => m is OrderEvents.OrderRejected);

        s.Send(Manager, new OrderCommands.SetRiskLimits(new StrategyId("s"), new RiskLimits { MaxOrderQuantity = 1 }));
        s.FishForMessage(m => m is OrderEvents.RiskLimitsSet);
        s.Send(Manager, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 5, 1m), new StrategyId("s")));
        s.FishForMessage(m => m is RequestFailed { Failure: RiskDenied });

        Assert.Equal(2, capture.Sum(Orders, "event", "placed"));
        Assert.Equal(1, capture.Sum(Orders, "event", "acknowledged")); // openOrder and orderStatus both answered it: once
        Assert.Equal(2, capture.Sum(Orders, "event", "filled"));
        Assert.Equal(1, capture.Sum(Orders, "event", "rejected"));
        Assert.Equal(1, capture.Sum(Orders, "event", "denied"));
        Assert.NotEmpty(capture.Of("tradingdesk.journal.write.duration"));
        Assert.All(capture.Of("tradingdesk.journal.write.duration"), d => Assert.True(d.Value >= 0));
    }
}
