using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Protocol.Messages.Orders;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders.Rounding;

/// <summary>faProfile on both sides of server version 177: sent in its text slot below, refused in the user's words from it.</summary>
public sealed class FaProfileGateTests(ITestOutputHelper output)
    : OrderManagerTestKit(output, new OrderManagerOptions { ClientId = 7, RecoverOnStart = false })
{
    private static readonly OrderSpec Allocated = Order.Limit(OrderAction.Buy, 100, 190m) with { FaProfile = "Balanced" };

    private void ConnectAt(int serverVersion) =>
        Manager.Tell(new ConnectionEvents.Connected(serverVersion, "20261121 18:00:00 UTC", ["DU1"], 1, false, Now));

    [Fact]
    public void Below_177_the_profile_goes_out_on_the_placeOrder()
    {
        ConnectAt(176);
        var strategy = CreateTestProbe();
        strategy.Send(Manager, new OrderCommands.PlaceOrder(Aapl, Allocated, new StrategyId("fa")));
        strategy.ExpectMsg<OrderEvents.OrderAccepted>();
        Assert.Equal("Balanced", OrderTextOnlyFields.FaProfile(Sent<Tws.PlaceOrderRequest>().Order));
    }

    [Theory]
    [InlineData(177)]
    [InlineData(213)]
    public void From_177_a_profile_is_refused_before_anything_is_journaled_or_sent(int serverVersion)
    {
        ConnectAt(serverVersion);
        var strategy = CreateTestProbe();
        var place = new OrderCommands.PlaceOrder(Aapl, Allocated, new StrategyId("fa"));
        strategy.Send(Manager, place);
        var failed = strategy.ExpectMsg<RequestFailed>();
        Assert.Equal(place, failed.Request);
        Assert.Equal($"faProfile was removed by IB at server version 177 (this gateway is {serverVersion}): name the profile 'Balanced' as FaGroup; nothing was sent",
            Assert.IsType<InvalidRequest>(failed.Failure).Problem);
        // The same order with the profile named as the group goes: nothing of the refused one went before it.
        strategy.Send(Manager, new OrderCommands.PlaceOrder(Aapl, Allocated with { FaProfile = null, FaGroup = "Balanced" }, new StrategyId("fa")));
        Assert.Equal(1, strategy.ExpectMsg<OrderEvents.OrderAccepted>().OrderId.Value);
        Assert.Equal("Balanced", Sent<Tws.PlaceOrderRequest>().Order.FaGroup);
    }

    [Fact]
    public void An_empty_profile_is_bad_input_at_any_version()
    {
        Assert.Contains("the FA profile is empty or contains a control character", (Allocated with { FaProfile = "" }).Problems());
        Assert.Contains("the FA profile is empty or contains a control character", (Allocated with { FaProfile = "a\nb" }).Problems());
        Assert.Empty(Allocated.Problems());
    }
}
