using TradingDesk.Client.Tests.Support;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;

namespace TradingDesk.Client.Tests;

public sealed class MarketDataTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Ticks_arrive_typed_with_exact_decimals_and_the_conflation_note_as_an_item()
    {
        var script = new DeskScript();
        script.MarketData.Add(DeskScript.Tick(1, price: "101.10"));
        script.MarketData.Add(DeskScript.Tick(0, size: "300"));
        script.MarketData.Add(DeskScript.Conflated(1, skipped: 7));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<MarketDataItem>();
        await foreach (var item in desk.MarketData(Contract.Stock("AAPL")).WithCancellation(new CancellationTokenSource(Bound).Token))
        {
            items.Add(item);
            if (items.Count == 3) break;
        }

        var bid = Assert.IsType<MarketTick>(items[0]);
        Assert.Equal(TickType.Bid, bid.Type);
        Assert.Equal(101.10m, bid.Price);
        Assert.Equal("101.10", bid.Price!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)); // the scale crossed
        Assert.Null(bid.Size);
        Assert.Equal(DeskScript.At, bid.LocalTime);
        var size = Assert.IsType<MarketTick>(items[1]);
        Assert.Equal((TickType.BidSize, 300m), (size.Type, size.Size));
        var note = Assert.IsType<MarketDataNote>(items[2]);
        Assert.Equal(new Conflated(TickType.Bid, 7, DeskScript.At), note.Note);

        var request = await script.MarketDataRequested.Task.WaitAsync(Bound);
        Assert.Equal("AAPL", request.Contract.Symbol);
        Assert.Equal(TradingDesk.Contracts.Wire.SecType.Stock, request.Contract.SecType);
    }

    [Fact]
    public async Task Breaking_out_of_the_loop_cancels_the_call_on_the_server()
    {
        var script = new DeskScript();
        script.MarketData.Add(DeskScript.Tick(4, price: "99.5"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        await foreach (var item in desk.MarketData(Contract.Stock("MSFT")))
        {
            Assert.IsType<MarketTick>(item);
            Assert.False(script.MarketDataCancelled.Task.IsCompleted);
            break;
        }

        // The server's CancellationToken fires without the client waiting for anything else.
        await script.MarketDataCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Cancelling_the_token_ends_the_enumeration_and_the_server_call()
    {
        var script = new DeskScript();
        script.MarketData.Add(DeskScript.Tick(4, price: "99.5"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        using var cts = new CancellationTokenSource();

        var seen = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in desk.MarketData(Contract.Stock("MSFT"), cancellationToken: cts.Token))
            {
                seen++;
                await cts.CancelAsync();
            }
        });

        Assert.Equal(1, seen);
        await script.MarketDataCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_malformed_item_fails_the_stream_naming_the_field_and_never_yields_a_wrong_value()
    {
        var script = new DeskScript();
        script.MarketData.Add(DeskScript.Tick(1, price: "101.10"));
        script.MarketData.Add(DeskScript.Tick(2, price: "abc"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<MarketDataItem>();
        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var item in desk.MarketData(Contract.Stock("AAPL")).WithCancellation(new CancellationTokenSource(Bound).Token))
                items.Add(item);
        });

        Assert.Equal("StreamMarketData", e.Call);
        Assert.Contains("tick.price", e.Message, StringComparison.Ordinal);
        Assert.Contains("'abc'", e.Message, StringComparison.Ordinal);
        Assert.Equal(101.10m, Assert.IsType<MarketTick>(Assert.Single(items)).Price);
        // The failed stream's call is ended too, not left open on the server.
        await script.MarketDataCancelled.Task.WaitAsync(Bound);
    }
}
