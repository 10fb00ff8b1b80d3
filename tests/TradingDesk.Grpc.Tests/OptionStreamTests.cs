using Grpc.Core;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Contract = TradingDesk.Desk.Domain.Contract;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>The option and scanner calls against a real desk and the simulator: the desk's replies on the wire.</summary>
public sealed class OptionStreamTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public async Task Parameters_a_chain_and_a_calculation_come_back_as_the_desk_answers()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var (chain, nearest) = await NearestChainAsync(desk, W.OptionRight.Put);
        Assert.Equal(21, chain.Options.Count);
        Assert.All(chain.Options, o => Assert.Equal((W.OptionRight.Put, nearest), (o.Right, o.Expiry)));

        var option = chain.Options[10];
        var price = await desk.Client.CalculateOptionPriceAsync(new W.CalculateOptionPrice { Contract = option.Contract, Volatility = "0.25", UnderlyingPrice = option.Strike }, GrpcDesk.Reader);
        Assert.True(price.Greeks.HasOptionPrice && decimal.Parse(price.Greeks.OptionPrice, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task A_scanner_streams_whole_result_sets_and_an_unknown_code_fails_the_stream()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var xml = await desk.Client.GetScannerParametersAsync(new W.GetScannerParameters(), GrpcDesk.Reader);
        Assert.Contains("HOT_BY_VOLUME", xml.Xml);

        using var scan = desk.Client.StreamScanner(new W.SubscribeScanner
        {
            Subscription = new W.ScannerSpec { ScanCode = "HOT_BY_VOLUME", Instrument = "STK", LocationCode = "STK.US.MAJOR", Rows = 5 },
        }, GrpcDesk.Reader);
        var (results, _) = await Calls.UntilAsync(scan.ResponseStream, e => e.KindCase == W.ScannerEvent.KindOneofCase.Results);
        Assert.InRange(results.Results.Rows.Count, 1, 5);

        using var unknown = desk.Client.StreamScanner(new W.SubscribeScanner
        {
            Subscription = new W.ScannerSpec { ScanCode = "NO_SUCH_SCAN", Instrument = "STK", LocationCode = "STK.US.MAJOR", Rows = 5 },
        }, GrpcDesk.Reader);
        var failure = await Assert.ThrowsAsync<RpcException>(() => unknown.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(162, Calls.Failure(failure).GatewayError.Code);
    }

    [Fact]
    public async Task An_option_market_data_stream_carries_option_computations()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var details = await desk.Client.GetContractDetailsAsync(new W.GetContractDetails { Contract = Contract.Stock("AAPL").ToWire() }, GrpcDesk.Reader);
        var underlying = Contract.Stock("AAPL") with { ConId = new ConId(Assert.Single(details.Details).ConId) };
        var chain = await desk.Client.GetOptionChainAsync(new W.GetOptionChain
        {
            Underlying = underlying.ToWire(), Filter = new W.OptionChainFilter { Exchange = "SMART", Right = W.OptionRight.Call, MaxExpirations = 12, MaxContracts = 500 },
        }, GrpcDesk.Reader);
        using var line = desk.Client.StreamMarketData(new W.SubscribeMarketData { Contract = chain.Options[10].Contract }, GrpcDesk.Reader);
        await line.ResponseHeadersAsync;
        await desk.Sim.RequestReadAsync<IBApi.protobuf.MarketDataRequest>();
        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(5));
        var (item, _) = await Calls.UntilAsync(line.ResponseStream, e => e.KindCase == W.MarketDataEvent.KindOneofCase.OptionComputation && e.OptionComputation.Type == 13);
        // The model computation (tick 13) carries greeks; values IB did not compute would be absent, never -2.
        Assert.True(item.OptionComputation.Greeks.HasDelta, item.ToString());
    }

    [Fact]
    public async Task The_implied_volatility_of_a_price_computed_at_a_volatility_is_that_volatility()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var (chain, _) = await NearestChainAsync(desk, W.OptionRight.Call);
        var option = chain.Options[chain.Options.Count / 2]; // near the money: a price that says much about the volatility
        var priced = await desk.Client.CalculateOptionPriceAsync(new W.CalculateOptionPrice { Contract = option.Contract, Volatility = "0.3", UnderlyingPrice = option.Strike }, GrpcDesk.Reader);

        var implied = await desk.Client.CalculateImpliedVolatilityAsync(new W.CalculateImpliedVolatility
        {
            Contract = option.Contract, OptionPrice = priced.Greeks.OptionPrice, UnderlyingPrice = option.Strike,
        }, GrpcDesk.Reader);

        Assert.Equal(option.Contract.Symbol, implied.Contract.Symbol);
        Assert.True(implied.Greeks.HasImpliedVolatility, implied.ToString());
        Assert.Equal(0.3, (double)decimal.Parse(implied.Greeks.ImpliedVolatility, System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal(decimal.Parse(priced.Greeks.OptionPrice, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(implied.Greeks.OptionPrice, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Single(await desk.HandledAsync<IBApi.protobuf.CalculateImpliedVolatilityRequest>());
    }

    /// <summary>AAPL's options of one right at its nearest SMART expiration, asked as a client asks: details, parameters, chain.</summary>
    private static async Task<(W.OptionChain Chain, string Expiry)> NearestChainAsync(GrpcDesk desk, W.OptionRight right)
    {
        var details = await desk.Client.GetContractDetailsAsync(new W.GetContractDetails { Contract = Contract.Stock("AAPL").ToWire() }, GrpcDesk.Reader);
        var underlying = Contract.Stock("AAPL") with { ConId = new ConId(Assert.Single(details.Details).ConId) };
        var parameters = await desk.Client.GetOptionParametersAsync(new W.GetOptionParameters { Underlying = underlying.ToWire() }, GrpcDesk.Reader);
        var nearest = parameters.Sets.First(s => s.Exchange == "SMART").Expirations[0];
        var chain = await desk.Client.GetOptionChainAsync(new W.GetOptionChain
        {
            Underlying = underlying.ToWire(),
            Filter = new W.OptionChainFilter { Exchange = "SMART", FromExpiry = nearest, ToExpiry = nearest, Right = right, MaxExpirations = 1, MaxContracts = 100 },
        }, GrpcDesk.Reader);
        return (chain, nearest);
    }
}
