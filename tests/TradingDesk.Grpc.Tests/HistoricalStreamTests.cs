using System.Globalization;
using Grpc.Core;
using IBApi.protobuf;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Contract = TradingDesk.Desk.Domain.Contract;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// Keep-up-to-date bars against a real desk and the simulator: the history first, then updates of the last bar as the
/// market moves, and the gateway request cancelled when the call ends.
/// </summary>
public sealed class HistoricalStreamTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static W.SubscribeHistoricalBars Msft(string barSize = "1 min") => new()
    {
        Contract = Contract.Stock("MSFT").ToWire(), Duration = "1800 S", BarSize = barSize, WhatToShow = W.WhatToShow.Trades, UseRth = false,
    };

    [Fact]
    public async Task The_history_comes_first_then_updates_of_the_last_bar_and_cancelling_cancels_the_request()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var call = desk.Client.StreamHistoricalBars(Msft(), GrpcDesk.Reader);

        var (history, before) = await Calls.UntilAsync(call.ResponseStream, e => e.KindCase == W.HistoricalBarsEvent.KindOneofCase.History);
        Assert.Empty(before);
        Assert.True(history.History.HasSubscription && history.History.Subscription > 0);
        Assert.InRange(history.History.Bars.Count, 2, 31); // half an hour of one-minute bars
        Assert.All(history.History.Bars, b => Assert.True(decimal.Parse(b.Close, CultureInfo.InvariantCulture) > 0));
        var request = Assert.Single(await desk.HandledAsync<HistoricalDataRequest>());
        Assert.True(request.KeepUpToDate);

        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(5)); // the gateway re-sends the bar in progress as it changes

        var (update, _) = await Calls.UntilAsync(call.ResponseStream, e => e.KindCase == W.HistoricalBarsEvent.KindOneofCase.Update);
        Assert.Equal(history.History.Subscription, update.Update.Subscription);
        Assert.True(decimal.Parse(update.Update.Bar.Close, CultureInfo.InvariantCulture) > 0);

        call.Dispose();

        await desk.Sim.RequestReadAsync<CancelHistoricalData>(c => c.ReqId == request.ReqId);
    }

    [Fact]
    public async Task A_bar_size_the_gateway_does_not_know_fails_the_stream_as_invalid_argument()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var call = desk.Client.StreamHistoricalBars(Msft("7 parsecs"), GrpcDesk.Reader);

        var refused = await Calls.FailsWith(StatusCode.InvalidArgument, () => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Equal(321, Calls.Failure(refused).GatewayError.Code);
    }

    [Fact]
    public async Task An_empty_bar_size_is_refused_by_the_desk_and_never_reaches_the_gateway()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var call = desk.Client.StreamHistoricalBars(Msft(" "), GrpcDesk.Reader);

        var refused = await Calls.FailsWith(StatusCode.InvalidArgument, () => call.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains("the bar size is empty", Calls.Failure(refused).InvalidRequest.Problem);
        Assert.Empty(await desk.HandledAsync<HistoricalDataRequest>());
    }
}
