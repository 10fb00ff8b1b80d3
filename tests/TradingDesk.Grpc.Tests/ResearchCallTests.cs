using Grpc.Core;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using DeskClient = TradingDesk.Client.DeskClient;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// News, fundamentals, WSH and tick history over gRPC against a real desk and the simulator: the desk's answers on the
/// wire, and bad or hostile requests refused before anything reaches the gateway.
/// </summary>
public sealed class ResearchCallTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly W.ContractSpec Msft = Contract.Stock("MSFT").ToWire();

    [Fact]
    public async Task Bad_requests_are_invalid_argument_in_the_desks_words_and_never_reach_the_gateway()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var client = desk.Client;

        var histogram = await Assert.ThrowsAsync<RpcException>(() => client.GetHistogramAsync(new W.GetHistogram { Contract = Msft, Period = "forever" }, GrpcDesk.Reader).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, histogram.StatusCode);
        Assert.Contains("'forever' is not a count and a unit", histogram.Status.Detail);

        var ticks = await Assert.ThrowsAsync<RpcException>(() => client.GetHistoricalTicksAsync(new W.GetHistoricalTicks
        {
            Contract = Msft, What = W.HistoricalTicksKind.Trades, Count = 10,
        }, GrpcDesk.Reader).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, ticks.StatusCode);
        Assert.Contains("exactly one of start and end", ticks.Status.Detail);

        // A control character would split IB's NUL-separated text frame: refused by the desk, not passed on.
        var article = await Assert.ThrowsAsync<RpcException>(() => client.GetNewsArticleAsync(new W.GetNewsArticle { ProviderCode = "BRFG", ArticleId = "a\0b" }, GrpcDesk.Reader).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, article.StatusCode);

        // An enum value the contract leaves unspecified is refused while reading the request.
        var report = await Assert.ThrowsAsync<RpcException>(() => client.GetFundamentalsAsync(new W.GetFundamentals { Contract = Msft }, GrpcDesk.Reader).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, report.StatusCode);
        Assert.Contains("report", report.Status.Detail);

        Assert.Empty(await desk.HandledAsync<IBApi.protobuf.HistogramDataRequest>());
        Assert.Empty(await desk.HandledAsync<IBApi.protobuf.HistoricalTicksRequest>());
        Assert.Empty(await desk.HandledAsync<IBApi.protobuf.NewsArticleRequest>());
        Assert.Empty(await desk.HandledAsync<IBApi.protobuf.FundamentalsDataRequest>());
    }

    [Fact]
    public async Task The_client_gets_typed_invalid_request_exceptions()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.ReaderToken);
        var wsh = await Assert.ThrowsAsync<TradingDesk.Client.InvalidRequestException>(() => client.GetWshEventsAsync());
        Assert.Contains("exactly one of conId and filter JSON", wsh.Message);
        var news = await Assert.ThrowsAsync<TradingDesk.Client.InvalidRequestException>(() => client.GetHistoricalNewsAsync(new ConId(272093), []));
        Assert.Contains("at least one news provider", news.Message);
        Assert.Empty(await desk.HandledAsync<IBApi.protobuf.WshEventDataRequest>());
    }

    [Fact]
    public async Task Tick_history_and_wsh_come_back_as_the_desk_answers()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var client = desk.Client;
        var now = (await client.GetCurrentTimeAsync(new W.GetCurrentTime(), GrpcDesk.Reader)).GatewayTime;

        var ticks = await client.GetHistoricalTicksAsync(new W.GetHistoricalTicks
        {
            Contract = Msft, What = W.HistoricalTicksKind.BidAsk, End = now, Count = 10, UseRth = true,
        }, GrpcDesk.Reader);
        Assert.Equal(W.HistoricalTicksKind.BidAsk, ticks.What);
        Assert.InRange(ticks.Ticks.Count, 1, 10);
        Assert.All(ticks.Ticks, t => Assert.True(t.HasBidPrice && t.HasAskPrice && !t.HasPrice));

        var histogram = await client.GetHistogramAsync(new W.GetHistogram { Contract = Msft, Period = "3 days", UseRth = true }, GrpcDesk.Reader);
        Assert.NotEmpty(histogram.Entries);
        var schedule = await client.GetHistoricalScheduleAsync(new W.GetHistoricalSchedule { Contract = Msft, Duration = "1 W", UseRth = true }, GrpcDesk.Reader);
        Assert.NotEmpty(schedule.Sessions);

        // IB answers event data only after the metadata (10282): a gateway refusal, not the desk's.
        var early = await Assert.ThrowsAsync<RpcException>(() => client.GetWshEventsAsync(new W.GetWshEvents { ConId = 272093 }, GrpcDesk.Reader).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("10282", early.Status.Detail);
        Assert.Contains("meta_data", (await client.GetWshMetaDataAsync(new W.GetWshMetaData(), GrpcDesk.Reader)).Json);
        Assert.StartsWith("[", (await client.GetWshEventsAsync(new W.GetWshEvents { ConId = 272093, Limit = 3 }, GrpcDesk.Reader)).Json);
    }

    [Fact]
    public async Task The_client_maps_tick_history_to_typed_records()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.ReaderToken);
        var now = await client.GetCurrentTimeAsync();
        var trades = await client.GetHistoricalTicksAsync(Contract.Stock("MSFT"), HistoricalTicksKind.Trades, null, now, 5);
        Assert.InRange(trades.Count, 1, 5);
        Assert.All(trades, t => Assert.True(t.Price > 0 && t.Size > 0 && t.Time <= now));
        var buckets = await client.GetHistogramAsync(Contract.Stock("MSFT"), "1 week");
        Assert.All(buckets, b => Assert.True(b.Size > 0));
        var schedule = await client.GetHistoricalScheduleAsync(Contract.Stock("MSFT"));
        Assert.All(schedule.Sessions, s => Assert.Matches("^[0-9]{8}$", s.RefDate));
    }

    [Fact]
    public async Task News_and_fundamentals_come_back_and_a_missing_report_is_not_found()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.ReaderToken);
        var providers = await client.GetNewsProvidersAsync();
        Assert.Contains(providers, p => p.Code == "BRFG");
        var news = await client.GetHistoricalNewsAsync(new ConId(272093), ["BRFG"], totalResults: 3);
        Assert.InRange(news.Headlines.Count, 1, 3);
        var article = await client.GetNewsArticleAsync(news.Headlines[0].ProviderCode, news.Headlines[0].ArticleId);
        Assert.False(string.IsNullOrWhiteSpace(article.Text));

        Assert.Contains("<FinancialSummary", await client.GetFundamentalsAsync(Contract.Stock("MSFT"), FundamentalsReport.ReportsFinSummary));
        var missing = await Assert.ThrowsAsync<TradingDesk.Client.ReportNotAvailableException>(() => client.GetFundamentalsAsync(Contract.Forex("EUR", "USD"), FundamentalsReport.Resc));
        Assert.Equal((StatusCode.NotFound, FundamentalsReport.Resc), (missing.StatusCode, missing.Report));

        await using var bulletins = client.NewsBulletins(allMessages: true).GetAsyncEnumerator();
        Assert.True(await bulletins.MoveNextAsync());
        Assert.IsType<TradingDesk.Client.Bulletin>(bulletins.Current);
    }

    [Fact]
    public async Task News_ticks_stream_headlines_of_a_line_the_service_asks_for_news()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var news = desk.Client.StreamNewsTicks(new W.SubscribeMarketData { Contract = Msft }, GrpcDesk.Reader);
        await news.ResponseHeadersAsync;
        var request = await desk.Sim.RequestReadAsync<IBApi.protobuf.MarketDataRequest>();
        Assert.Contains("292", request.GenericTickList);

        // The simulator writes one headline per stock every 15 minutes of its clock.
        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromMinutes(16));

        var (headline, _) = await Calls.UntilAsync(news.ResponseStream, e => e.KindCase == W.NewsTickEvent.KindOneofCase.News);
        Assert.False(string.IsNullOrEmpty(headline.News.Headline));
    }
}
