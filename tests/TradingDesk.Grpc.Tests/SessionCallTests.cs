using Grpc.Core;
using IBApi.protobuf;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>The session and reference calls against a real desk and the simulator, and what the front refuses.</summary>
public sealed class SessionCallTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public async Task Matching_symbols_and_depth_exchanges_come_back_as_the_desk_answers()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var symbols = await desk.Client.GetMatchingSymbolsAsync(new W.GetMatchingSymbols { Pattern = "AAP" }, GrpcDesk.Reader);
        Assert.Contains(symbols.Matches, m => m.Contract.Symbol == "AAPL" && m.ConId > 0);
        var depth = await desk.Client.GetDepthExchangesAsync(new W.GetDepthExchanges(), GrpcDesk.Reader);
        Assert.NotEmpty(depth.Exchanges);
    }

    [Fact]
    public async Task A_hostile_pattern_is_invalid_argument_and_never_reaches_the_gateway()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var failure = await Calls.FailsWith(StatusCode.InvalidArgument,
            () => desk.Client.GetMatchingSymbolsAsync(new W.GetMatchingSymbols { Pattern = "AA\0PL" }, GrpcDesk.Reader).ResponseAsync);
        Assert.Equal(W.Failure.KindOneofCase.InvalidRequest, Calls.Failure(failure).KindCase);
        Assert.Empty(await desk.HandledAsync<MatchingSymbolsRequest>());
    }

    [Fact]
    public async Task A_read_only_client_cannot_change_the_gateway_log_level_or_the_FA_set_up()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await Calls.FailsWith(StatusCode.PermissionDenied,
            () => desk.Client.SetServerLogLevelAsync(new W.SetServerLogLevel { Level = W.ServerLogLevel.Detail }, GrpcDesk.Reader).ResponseAsync);
        await Calls.FailsWith(StatusCode.PermissionDenied,
            () => desk.Client.ReplaceFaConfigurationAsync(new W.ReplaceFaConfiguration { Kind = W.FaDataKind.Groups, Xml = "<x/>" }, GrpcDesk.Reader).ResponseAsync);
        var set = await desk.Client.SetServerLogLevelAsync(new W.SetServerLogLevel { Level = W.ServerLogLevel.Detail }, GrpcDesk.Trader);
        Assert.Equal(W.ServerLogLevel.Detail, set.Level);
    }

    [Fact]
    public async Task Positions_per_account_stream_their_initial_set_and_then_its_end()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var account = (await desk.Client.GetAccountSummaryAsync(new W.GetAccountSummary { Tags = "NetLiquidation", Group = "All" }, GrpcDesk.Reader)).Items[0].Account;
        using var positions = desk.Client.StreamPositionsMulti(new W.SubscribePositionsMulti { Account = account }, GrpcDesk.Reader);
        var (_, before) = await Calls.UntilAsync(positions.ResponseStream, e => e.KindCase == W.PositionsMultiEvent.KindOneofCase.End);
        Assert.All(before, e => Assert.Equal(W.PositionsMultiEvent.KindOneofCase.Position, e.KindCase));
    }
}
