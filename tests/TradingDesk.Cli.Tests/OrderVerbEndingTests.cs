using TradingDesk.Cli.Commands;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;
using static TradingDesk.Desk.Messages.OrderEvents;

namespace TradingDesk.Cli.Tests;

/// <summary>Which order events end <c>desk order</c> / <c>desk cancel</c>, with which line and exit code (docs/cli-verbs.md).</summary>
public sealed class OrderVerbEndingTests
{
    private static readonly OrderId Ours = new(8);
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(200, 2)] // the gateway knows no such contract
    [InlineData(201, 1)] // rejected: margin, permissions, …
    [InlineData(110, 1)] // price does not conform to the minimum tick
    [InlineData(103, 1)] // duplicate order id
    public void A_rejection_of_our_order_ends_the_verb_with_one_line_and_the_documented_exit_code(int ibCode, int exit)
    {
        var end = OrderVerbEnding.Terminal("order", Ours, new OrderRejected(Ours, ibCode, "the gateway's reason\nsecond line", null, null, Now));
        Assert.NotNull(end);
        Assert.Equal(exit, end.ExitCode);
        Assert.DoesNotContain('\n', end.Line);
        Assert.StartsWith("desk order: order 8 rejected by the gateway", end.Line);
        Assert.Contains($"error {ibCode}: the gateway's reason second line", end.Line);
    }

    [Fact]
    public void A_lost_order_ends_the_verb_with_one_line_and_exit_2()
    {
        var end = OrderVerbEnding.Terminal("cancel", Ours, new OrderLost(Ours, null, "the gateway answered the cancel with 135", Now));
        Assert.NotNull(end);
        Assert.Equal(2, end.ExitCode);
        Assert.StartsWith("desk cancel: order 8 is lost: the gateway answered the cancel with 135", end.Line);
        Assert.Contains("desk orders", end.Line);
    }

    [Fact]
    public void Events_of_other_orders_and_non_terminal_events_do_not_end_the_verb()
    {
        var other = new OrderId(9);
        Assert.Null(OrderVerbEnding.Terminal("order", Ours, new OrderRejected(other, 201, "not ours", null, null, Now)));
        Assert.Null(OrderVerbEnding.Terminal("order", Ours, new OrderLost(other, null, "not ours", Now)));
        Assert.Null(OrderVerbEnding.Terminal("order", Ours, new OrderNotice(Ours, 399, "a warning", null, Now)));
        Assert.Null(OrderVerbEnding.Terminal("order", Ours, new OrderStatusChanged(Ours, null, null, OrderStatus.Submitted, 0, 10, null, null, null, null, null, Now)));
    }

    [Fact]
    public void The_exit_codes_agree_with_those_for_request_failures()
    {
        // A 200 for an order and a 200 for a contract query are the same exit code, as the doc's table says.
        Assert.Equal(GatewayVerb.ExitCodeFor(new GatewayError(200, "x")), OrderVerbEnding.Rejected("order", new OrderRejected(Ours, 200, "x", null, null, Now)).ExitCode);
        Assert.Equal(GatewayVerb.ExitCodeFor(new GatewayError(201, "x")), OrderVerbEnding.Rejected("order", new OrderRejected(Ours, 201, "x", null, null, Now)).ExitCode);
    }
}
