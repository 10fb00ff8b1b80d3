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
/// Snapshots and the market data type against a real desk and the simulator. The type is the desk's one gateway
/// connection's, so a client that sets it sets it for every client: only a trading client may.
/// </summary>
public sealed class SnapshotCallTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly W.ContractSpec Msft = Contract.Stock("MSFT").ToWire();

    // IB's tick types: bid, ask, and their delayed twins.
    private const int Bid = 1, Ask = 2, DelayedBid = 66, DelayedAsk = 67;

    [Fact]
    public async Task A_snapshot_holds_the_quote_and_leaves_no_line_open()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        var snapshot = await desk.Client.GetMarketDataSnapshotAsync(new W.GetMarketDataSnapshot { Contract = Msft }, GrpcDesk.Reader);

        Assert.Equal("MSFT", snapshot.Contract.Symbol);
        var bid = Price(Assert.Single(snapshot.Ticks, t => t.Type == Bid));
        var ask = Price(Assert.Single(snapshot.Ticks, t => t.Type == Ask));
        Assert.True(bid > 0 && ask >= bid, $"bid {bid}, ask {ask}");
        var request = Assert.Single(await desk.HandledAsync<MarketDataRequest>());
        Assert.True(request.Snapshot);
        Assert.Empty(await desk.HandledAsync<CancelMarketData>()); // a snapshot ends by itself at the gateway
    }

    [Fact]
    public async Task A_snapshot_without_a_contract_or_of_an_unknown_one_is_invalid_argument()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        var none = await Calls.FailsWith(StatusCode.InvalidArgument,
            () => desk.Client.GetMarketDataSnapshotAsync(new W.GetMarketDataSnapshot(), GrpcDesk.Reader).ResponseAsync);
        Assert.Contains("contract", Calls.Failure(none).InvalidRequest.Problem);
        Assert.Empty(await desk.HandledAsync<MarketDataRequest>());

        var unknown = await Calls.FailsWith(StatusCode.InvalidArgument, () => desk.Client.GetMarketDataSnapshotAsync(
            new W.GetMarketDataSnapshot { Contract = Contract.Stock("NOSUCHSYMBOL").ToWire() }, GrpcDesk.Reader).ResponseAsync);
        Assert.Equal(200, Calls.Failure(unknown).GatewayError.Code);
    }

    [Fact]
    public async Task A_trader_switching_to_delayed_data_switches_every_clients_later_lines()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        var set = await desk.Client.SetMarketDataTypeAsync(new W.SetMarketDataType { Type = W.MarketDataType.Delayed }, GrpcDesk.Trader);

        Assert.Equal(W.MarketDataType.Delayed, set.Type);
        Assert.Equal(3, Assert.Single(await desk.HandledAsync<MarketDataTypeRequest>()).MarketDataType);
        // Another client's snapshot and stream, opened later, carry delayed data.
        var snapshot = await desk.Client.GetMarketDataSnapshotAsync(new W.GetMarketDataSnapshot { Contract = Msft }, GrpcDesk.Reader);
        Assert.Contains(snapshot.Ticks, t => t.Type == DelayedBid);
        Assert.Contains(snapshot.Ticks, t => t.Type == DelayedAsk);
        Assert.DoesNotContain(snapshot.Ticks, t => t.Type is Bid or Ask);
        using var stream = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = Msft }, GrpcDesk.Other);
        var (changed, _) = await Calls.UntilAsync(stream.ResponseStream, e => e.KindCase == W.MarketDataEvent.KindOneofCase.MarketDataTypeChanged);
        Assert.Equal(W.MarketDataType.Delayed, changed.MarketDataTypeChanged.Type);
    }

    [Fact]
    public async Task A_read_only_client_may_not_set_the_market_data_type_and_an_unknown_type_is_invalid_argument()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        await Calls.FailsWith(StatusCode.PermissionDenied,
            () => desk.Client.SetMarketDataTypeAsync(new W.SetMarketDataType { Type = W.MarketDataType.Frozen }, GrpcDesk.Reader).ResponseAsync);
        var unset = await Calls.FailsWith(StatusCode.InvalidArgument,
            () => desk.Client.SetMarketDataTypeAsync(new W.SetMarketDataType(), GrpcDesk.Trader).ResponseAsync);
        Assert.Contains("field type", Calls.Failure(unset).InvalidRequest.Problem);
        await Calls.FailsWith(StatusCode.InvalidArgument,
            () => desk.Client.SetMarketDataTypeAsync(new W.SetMarketDataType { Type = (W.MarketDataType)9 }, GrpcDesk.Trader).ResponseAsync);

        Assert.Empty(await desk.HandledAsync<MarketDataTypeRequest>());
    }

    private static decimal Price(W.Tick tick) => decimal.Parse(tick.Price, System.Globalization.CultureInfo.InvariantCulture);
}
