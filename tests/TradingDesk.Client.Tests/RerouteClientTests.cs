using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The reroute notices (IB's rerouteMktDataReq and rerouteMktDepthReq) as items of the market-data and depth streams.</summary>
public sealed class RerouteClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    [Fact]
    public async Task MarketData_yields_a_reroute_between_ticks_and_the_line_goes_on()
    {
        var script = new DeskScript();
        script.MarketData.Add(DeskScript.Tick(1, "101.10", "3"));
        script.MarketData.Add(new W.MarketDataEvent { Rerouted = new W.LineRerouted { Subscription = 1, ConId = 12087792, Exchange = "IDEALPRO", LocalTime = At } });
        script.MarketData.Add(DeskScript.Tick(2, "101.12", "5"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<MarketDataItem>();
        await foreach (var item in desk.MarketData(Contract.Stock("AAPL")).WithCancellation(new CancellationTokenSource(Bound).Token))
        {
            items.Add(item);
            if (items.Count == 3) break;
        }

        Assert.IsType<MarketTick>(items[0]);
        Assert.Equal(new MarketDataRerouted(new ConId(12087792), "IDEALPRO", DeskScript.At), items[1]);
        Assert.Equal(101.12m, Assert.IsType<MarketTick>(items[2]).Price);
        await script.MarketDataCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_market_data_reroute_without_its_time_is_a_wire_error_naming_the_field()
    {
        var script = new DeskScript();
        script.MarketData.Add(new W.MarketDataEvent { Rerouted = new W.LineRerouted { Subscription = 1, ConId = 12087792, Exchange = "IDEALPRO" } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var _ in desk.MarketData(Contract.Stock("AAPL")).WithCancellation(new CancellationTokenSource(Bound).Token))
                Assert.Fail("a reroute without its time is not yielded");
        });

        Assert.Equal("StreamMarketData", e.Call);
        Assert.Contains("rerouted.local_time", e.Message, StringComparison.Ordinal);
        await script.MarketDataCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task MarketDepth_yields_a_reroute_between_rows_sends_the_request_and_disposing_ends_the_call()
    {
        var script = new DeskScript();
        script.MarketDepth.Items.Add(Row(0, "99.98"));
        script.MarketDepth.Items.Add(new W.MarketDepthEvent { Rerouted = new W.LineRerouted { Subscription = 8, ConId = 12087792, Exchange = "IDEALPRO", Depth = true, LocalTime = At } });
        script.MarketDepth.Items.Add(Row(1, "99.97"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var depth = desk.MarketDepth(Contract.Stock("AAPL"), rows: 10, smartDepth: true).GetAsyncEnumerator(new CancellationTokenSource(Bound).Token);
        var items = new List<MarketDepthItem>();
        while (items.Count < 3 && await depth.MoveNextAsync()) items.Add(depth.Current);
        Assert.False(script.MarketDepth.Cancelled.Task.IsCompleted);
        await depth.DisposeAsync();

        Assert.Equal(3, items.Count);
        Assert.Equal(0, Assert.IsType<DepthRow>(items[0]).Position);
        Assert.Equal(new DepthRerouted(new ConId(12087792), "IDEALPRO", DeskScript.At), items[1]);
        Assert.Equal((1, 99.97m), (Assert.IsType<DepthRow>(items[2]).Position, ((DepthRow)items[2]).Price));
        var request = await script.MarketDepth.Requested.Task.WaitAsync(Bound);
        Assert.Equal(("AAPL", 10, true), (request.Contract.Symbol, request.Rows, request.SmartDepth));
        await script.MarketDepth.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_depth_event_with_no_case_set_fails_the_stream_as_a_wire_error_and_ends_the_call()
    {
        var script = new DeskScript();
        script.MarketDepth.Items.Add(new W.MarketDepthEvent());
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var _ in desk.MarketDepth(Contract.Stock("AAPL")).WithCancellation(new CancellationTokenSource(Bound).Token))
                Assert.Fail("an event the client cannot name is not yielded");
        });

        Assert.Equal("StreamMarketDepth", e.Call);
        Assert.Contains("field kind", e.Message, StringComparison.Ordinal);
        await script.MarketDepth.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_depth_reroute_without_its_time_is_a_wire_error_naming_the_field()
    {
        var script = new DeskScript();
        script.MarketDepth.Items.Add(new W.MarketDepthEvent { Rerouted = new W.LineRerouted { Subscription = 8, ConId = 12087792, Exchange = "IDEALPRO", Depth = true } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var _ in desk.MarketDepth(Contract.Stock("AAPL")).WithCancellation(new CancellationTokenSource(Bound).Token))
                Assert.Fail("a reroute without its time is not yielded");
        });

        Assert.Contains("rerouted.local_time", e.Message, StringComparison.Ordinal);
    }

    private static W.MarketDepthEvent Row(int position, string price) => new()
    {
        Update = new W.DepthUpdate { Position = position, Operation = W.DepthOperation.Insert, Side = W.DepthSide.Bid, Price = price, Size = "100", LocalTime = At },
    };
}
