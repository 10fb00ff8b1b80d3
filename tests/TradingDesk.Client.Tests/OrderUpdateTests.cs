using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

public sealed class OrderUpdateTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_fill_arrives_with_typed_ids_exact_decimals_and_the_contract()
    {
        var script = new DeskScript();
        script.OrderUpdates.Writer.TryWrite(new W.OrderUpdate
        {
            Fill = new W.Filled
            {
                OrderId = 7, PermId = 9001, ExecId = "0000e0d5.65d8b1c2.01.01", Contract = Contract.Stock("AAPL").ToWire(), Side = "BOT",
                Quantity = "100", Price = "189.5000", CumulativeQuantity = "100", AvgPrice = "189.5000", Account = "DU111111",
                Exchange = "ISLAND", GatewayTime = WireValues.Time(DeskScript.At), LocalTime = WireValues.Time(DeskScript.At),
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        using var cts = new CancellationTokenSource(Bound);

        await using var updates = desk.OrderUpdates(cts.Token).GetAsyncEnumerator(cts.Token);
        Assert.True(await updates.MoveNextAsync());

        var fill = Assert.IsType<Fill>(updates.Current);
        Assert.Equal((new OrderId(7), (PermId?)new PermId(9001), new ExecId("0000e0d5.65d8b1c2.01.01")), (fill.OrderId, fill.PermId, fill.ExecId));
        Assert.Equal("189.5000", fill.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((100m, new AccountId("DU111111")), (fill.Quantity, fill.Account));
        Assert.Equal(Contract.Stock("AAPL"), fill.Contract);
    }

    [Fact]
    public async Task An_event_with_no_case_this_client_knows_fails_the_stream_instead_of_vanishing()
    {
        var script = new DeskScript();
        script.OrderUpdates.Writer.TryWrite(new W.OrderUpdate()); // the oneof left empty, as a newer desk's unknown case reads
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        using var cts = new CancellationTokenSource(Bound);

        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var _ in desk.OrderUpdates(cts.Token)) Assert.Fail("no item should be yielded");
        });

        Assert.Equal("StreamOrderUpdates", e.Call);
        Assert.Contains("field kind", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_succeeds_when_the_desk_answers_with_its_own_failure_because_its_gateway_is_down()
    {
        var script = new DeskScript
        {
            CurrentTime = () => throw new Google.Rpc.Status
            {
                Code = (int)Google.Rpc.Code.Unavailable, Message = "gateway disconnected",
                Details = { Any.Pack(new W.Failure { ConnectionLost = new W.ConnectionLost { Detail = "socket closed" } }) },
            }.ToRpcException(),
        };
        await using var server = await TestDeskServer.StartAsync(script);

        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        // Connected; the calls that need the gateway say why they cannot, typed.
        var e = await Assert.ThrowsAsync<ConnectionLostException>(() => desk.GetCurrentTimeAsync());
        Assert.Equal(("socket closed", StatusCode.Unavailable), (e.Detail, e.StatusCode));
    }
}
