using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>A line's parameters (IB's tickReqParams) as an item of the market-data stream.</summary>
public sealed class LineParametersClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    [Fact]
    public async Task MarketData_yields_the_lines_parameters_with_unsent_ones_as_null()
    {
        var script = new DeskScript();
        script.MarketData.Add(new W.MarketDataEvent { LineParameters = new W.LineParameters { Subscription = 1, MinTick = "0.0001", BboExchange = "9c0001", LocalTime = At } });
        script.MarketData.Add(DeskScript.Tick(1, "101.10", "3"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<MarketDataItem>();
        await foreach (var item in desk.MarketData(Contract.Stock("AAPL")).WithCancellation(new CancellationTokenSource(Bound).Token))
        {
            items.Add(item);
            if (items.Count == 2) break;
        }

        Assert.Equal(new MarketDataLineParameters(0.0001m, "9c0001", null, DeskScript.At), items[0]);
        Assert.IsType<MarketTick>(items[1]);
        await script.MarketDataCancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_min_tick_that_is_not_a_number_is_a_wire_error_naming_the_field()
    {
        var script = new DeskScript();
        script.MarketData.Add(new W.MarketDataEvent { LineParameters = new W.LineParameters { Subscription = 1, MinTick = "a cent", LocalTime = At } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var _ in desk.MarketData(Contract.Stock("AAPL")).WithCancellation(new CancellationTokenSource(Bound).Token))
                Assert.Fail("parameters with a malformed tick are not yielded");
        });

        Assert.Contains("line_parameters.min_tick", e.Message, StringComparison.Ordinal);
        await script.MarketDataCancelled.Task.WaitAsync(Bound);
    }
}
