using Grpc.Core;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using PlaceOrderRequest = IBApi.protobuf.PlaceOrderRequest;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>What the desk's state does to calls: the gateway away, the kill switch on; and what the notice stream says of it.</summary>
public sealed class DeskStateTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static W.PlaceOrder Order10() => new()
    {
        Contract = Contract.Stock("MSFT").ToWire(), Order = Order.Market(OrderAction.Buy, 10).ToWire(), ReferencePrice = "400",
    };

    [Fact]
    public async Task While_the_gateway_is_disconnected_an_order_is_unavailable_with_the_connection_lost_failure()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        desk.Sim.Simulator.Faults.DropAllConnections();
        // The reconnect waits for its backoff on the desk's virtual clock, which stands still: the desk stays disconnected.
        await desk.Sim.Connection.FishForMessageAsync<ConnectionEvents.Reconnecting>(_ => true);

        var failure = await Calls.FailsWith(StatusCode.Unavailable, () => desk.Client.PlaceOrderAsync(Order10(), GrpcDesk.Trader).ResponseAsync);

        Assert.Equal(W.Failure.KindOneofCase.ConnectionLost, Calls.Failure(failure).KindCase);
    }

    [Fact]
    public async Task The_kill_switch_refuses_orders_as_failed_precondition_and_the_notice_stream_tells_it_and_gateway_notices()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var notices = desk.Client.StreamNotices(new W.SubscribeNotices(), GrpcDesk.Reader);
        await notices.ResponseHeadersAsync; // listening from here on

        var operator_ = CreateTestProbe();
        desk.Sim.Desk.Tell(new OrderCommands.ActivateKillSwitch("test halt"), operator_.Ref);
        await operator_.ExpectMsgAsync<OrderEvents.KillSwitchActivated>();
        var refused = await Calls.FailsWith(StatusCode.FailedPrecondition, () => desk.Client.PlaceOrderAsync(Order10(), GrpcDesk.Trader).ResponseAsync);
        Assert.Equal("kill-switch", Calls.Failure(refused).RiskDenied.Rule);
        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());

        var (killed, _) = await Calls.UntilAsync(notices.ResponseStream, n => n.KindCase == W.NoticeEvent.KindOneofCase.KillSwitchActivated);
        Assert.Equal("test halt", killed.KillSwitchActivated.Reason);
        desk.Sim.Simulator.Faults.ConnectivityLost();
        var (notice, _) = await Calls.UntilAsync(notices.ResponseStream, n => n.KindCase == W.NoticeEvent.KindOneofCase.Gateway);
        Assert.Equal(1100, notice.Gateway.Code);
    }
}
