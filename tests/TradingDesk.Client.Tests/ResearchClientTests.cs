using Grpc.Core;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The news, fundamentals, WSH and tick history calls of <see cref="DeskClient"/> against the scripted desk.</summary>
public sealed class ResearchClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);
    private static readonly DateTimeOffset Earlier = DeskScript.At.AddHours(-3);

    [Fact]
    public async Task GetNewsProvidersAsync_maps_code_and_name()
    {
        var script = new DeskScript();
        script.NewsProviders.Returns(new W.NewsProvidersList
        {
            LocalTime = At, Providers = { new W.NewsProvider { Code = "BRFG", Name = "Briefing.com General Market Columns" }, new W.NewsProvider { Code = "DJNL", Name = "Dow Jones Newsletters" } },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal([new NewsSource("BRFG", "Briefing.com General Market Columns"), new NewsSource("DJNL", "Dow Jones Newsletters")], await desk.GetNewsProvidersAsync());
    }

    [Fact]
    public async Task GetNewsArticleAsync_maps_a_binary_article_and_an_unspecified_type_is_a_wire_error()
    {
        var script = new DeskScript();
        script.NewsArticle.Returns(new W.NewsArticle { ProviderCode = "BRFG", ArticleId = "BRFG$1234", Type = W.NewsArticleType.Binary, Text = "JVBERi0=", LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var article = await desk.GetNewsArticleAsync("BRFG", "BRFG$1234");

        Assert.Equal(new NewsArticleBody("BRFG", "BRFG$1234", NewsArticleType.Binary, "JVBERi0="), article);
        var request = await script.NewsArticle.Seen.Task.WaitAsync(Bound);
        Assert.Equal(("BRFG", "BRFG$1234"), (request.ProviderCode, request.ArticleId));

        script.NewsArticle.Returns(new W.NewsArticle { ProviderCode = "BRFG", ArticleId = "BRFG$1234", Text = "x", LocalTime = At });
        var e = await Assert.ThrowsAsync<DeskWireException>(() => desk.GetNewsArticleAsync("BRFG", "BRFG$1234"));
        Assert.Equal("GetNewsArticle", e.Call);
        Assert.Contains("field type", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHistoricalNewsAsync_sends_only_the_bounds_given_and_keeps_an_unparsed_time_unset()
    {
        var script = new DeskScript();
        script.HistoricalNews.Returns(new W.HistoricalNewsList
        {
            HasMore = true, LocalTime = At,
            Headlines =
            {
                new W.Headline { TimeText = "2026-12-03 14:30:00.0", Time = At, ProviderCode = "BRFG", ArticleId = "BRFG$1", Text = "Apple rallies" },
                new W.Headline { TimeText = "sometime", ProviderCode = "DJNL", ArticleId = "DJNL$2", Text = "Apple slips" },
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var list = await desk.GetHistoricalNewsAsync(new ConId(265598), ["BRFG", "DJNL"], start: Earlier, totalResults: 2);

        Assert.True(list.HasMore);
        Assert.Equal(
            [new NewsHeadline("2026-12-03 14:30:00.0", DeskScript.At, "BRFG", "BRFG$1", "Apple rallies"), new NewsHeadline("sometime", null, "DJNL", "DJNL$2", "Apple slips")],
            list.Headlines);
        var request = await script.HistoricalNews.Seen.Task.WaitAsync(Bound);
        Assert.Equal((265598, 2), (request.ConId, request.TotalResults));
        Assert.Equal(["BRFG", "DJNL"], request.ProviderCodes);
        Assert.Equal(Earlier, WireValues.Time(request.Start, "start"));
        Assert.Null(request.End);
    }

    [Fact]
    public async Task NewsBulletins_yields_bulletins_with_IBs_types_and_notes_and_disposing_ends_the_call()
    {
        var script = new DeskScript();
        script.NewsBulletins.Items.Add(new W.NewsBulletinEvent
        {
            Bulletin = new W.NewsBulletin { Subscription = 1, MessageId = 77, Type = W.NewsBulletinType.ExchangeUnavailable, Message = "ISLAND halted", OriginatingExchange = "ISLAND", LocalTime = At },
        });
        script.NewsBulletins.Items.Add(new W.NewsBulletinEvent { Note = new W.StreamNote { Notice = new W.SubscriptionNotice { Code = 2104, Message = "farm ok", At = At } } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var enumerator = desk.NewsBulletins(allMessages: true).GetAsyncEnumerator(new CancellationTokenSource(Bound).Token);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new Bulletin(77, NewsBulletinType.ExchangeUnavailable, "ISLAND halted", "ISLAND", DeskScript.At), enumerator.Current);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new LineNotice(2104, "farm ok", DeskScript.At), Assert.IsType<BulletinNote>(enumerator.Current).Note);
        Assert.True((await script.NewsBulletins.Requested.Task.WaitAsync(Bound)).AllMessages);
        Assert.False(script.NewsBulletins.Cancelled.Task.IsCompleted);

        await enumerator.DisposeAsync();

        await script.NewsBulletins.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task NewsTicks_maps_a_live_headline_and_cancelling_the_token_ends_the_server_call()
    {
        var script = new DeskScript();
        script.NewsTicks.Items.Add(new W.NewsTickEvent
        {
            News = new W.NewsTick { Subscription = 1, Time = WireValues.Time(Earlier), ProviderCode = "BRFG", ArticleId = "BRFG$9", Headline = "Apple beats", ExtraData = "A:800015:L:en", LocalTime = At },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        using var cts = new CancellationTokenSource(Bound);

        var items = new List<NewsTickItem>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in desk.NewsTicks(Contract.Stock("AAPL"), "292:BRFG", cts.Token))
            {
                items.Add(item);
                await cts.CancelAsync();
            }
        });

        Assert.Equal(new LiveHeadline(Earlier, "BRFG", "BRFG$9", "Apple beats", "A:800015:L:en", DeskScript.At), Assert.Single(items));
        var request = await script.NewsTicks.Requested.Task.WaitAsync(Bound);
        Assert.Equal(("AAPL", "292:BRFG"), (request.Contract.Symbol, request.GenericTicks));
        await script.NewsTicks.Cancelled.Task.WaitAsync(Bound);
    }

    [Theory]
    [InlineData(FundamentalsReport.ReportSnapshot, W.FundamentalsReport.ReportSnapshot)]
    [InlineData(FundamentalsReport.Resc, W.FundamentalsReport.Resc)]
    [InlineData(FundamentalsReport.CalendarReport, W.FundamentalsReport.CalendarReport)]
    public async Task GetFundamentalsAsync_sends_the_report_as_the_wire_numbers_it_and_returns_the_xml(FundamentalsReport report, W.FundamentalsReport wire)
    {
        var script = new DeskScript();
        script.Fundamentals.Returns(new W.FundamentalsReply { Report = wire, Xml = "<ReportSnapshot/>", LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal("<ReportSnapshot/>", await desk.GetFundamentalsAsync(Contract.Stock("AAPL"), report));
        Assert.Equal(wire, (await script.Fundamentals.Seen.Task.WaitAsync(Bound)).Report);
    }

    [Fact]
    public async Task A_report_the_gateway_does_not_hold_is_a_ReportNotAvailableException_naming_it()
    {
        var script = new DeskScript();
        script.Fundamentals.Fails(Rich.Failure(Google.Rpc.Code.NotFound, "no such report", new W.Failure
        {
            ReportNotAvailable = new W.ReportNotAvailable { Contract = "AAPL STK SMART USD", Report = W.FundamentalsReport.Resc, GatewayMessage = "We are sorry, but fundamentals data for the security specified is not available." },
        }));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<ReportNotAvailableException>(() => desk.GetFundamentalsAsync(Contract.Stock("AAPL"), FundamentalsReport.Resc));

        Assert.Equal((StatusCode.NotFound, DeskFailureKind.ReportNotAvailable, FundamentalsReport.Resc, "AAPL STK SMART USD"), (e.StatusCode, e.Kind, e.Report, e.Contract));
        Assert.StartsWith("We are sorry", e.GatewayMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(W.FundamentalsReport.Unspecified)]
    [InlineData((W.FundamentalsReport)9)] // a report of a newer schema
    public async Task A_missing_report_this_client_does_not_know_leaves_Report_null(W.FundamentalsReport wire)
    {
        var script = new DeskScript();
        script.Fundamentals.Fails(Rich.Failure(Google.Rpc.Code.NotFound, "no such report", new W.Failure
        {
            ReportNotAvailable = new W.ReportNotAvailable { Contract = "AAPL STK SMART USD", Report = wire, GatewayMessage = "not available" },
        }));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<ReportNotAvailableException>(() => desk.GetFundamentalsAsync(Contract.Stock("AAPL"), FundamentalsReport.ReportSnapshot));

        Assert.Null(e.Report);
    }

    [Fact]
    public async Task GetWshMetaDataAsync_and_GetWshEventsAsync_return_the_json_and_send_only_what_was_given()
    {
        var script = new DeskScript();
        script.WshMetaData.Returns(new W.WshMetaData { Json = "{\"meta\":1}", LocalTime = At });
        script.WshEvents.Returns(new W.WshEvents { Json = "[{\"event\":\"earnings\"}]", LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal("{\"meta\":1}", await desk.GetWshMetaDataAsync());
        Assert.Equal("[{\"event\":\"earnings\"}]", await desk.GetWshEventsAsync(conId: new ConId(265598), startDate: "20261201", limit: 5, fillPortfolio: true));

        var request = await script.WshEvents.Seen.Task.WaitAsync(Bound);
        Assert.Equal((265598, "20261201", 5), (request.ConId, request.StartDate, request.Limit));
        Assert.Equal((false, true, false), (request.FillWatchlist, request.FillPortfolio, request.FillCompetitors));
        Assert.False(request.HasFilterJson);
        Assert.False(request.HasEndDate);
    }

    [Fact]
    public async Task GetHistoricalTicksAsync_maps_trade_and_quote_ticks_and_leaves_the_other_kinds_fields_null()
    {
        var script = new DeskScript();
        script.HistoricalTicks.Returns(new W.HistoricalTicks
        {
            What = W.HistoricalTicksKind.BidAsk, LocalTime = At,
            Ticks =
            {
                new W.HistoricalTick { Time = At, Price = "187.250", Size = "100", Exchange = "NASDAQ", SpecialConditions = "T", PastLimit = true, Unreported = true },
                new W.HistoricalTick { Time = At, BidPrice = "187.24", AskPrice = "187.26", BidSize = "3", AskSize = "0", AskPastHigh = true },
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var ticks = await desk.GetHistoricalTicksAsync(Contract.Stock("AAPL"), HistoricalTicksKind.BidAsk, start: Earlier, end: null, count: 2, useRth: false);

        Assert.Equal(new PastTick(DeskScript.At, 187.250m, 100m, "NASDAQ", "T", true, true, null, null, null, null, false, false), ticks[0]);
        Assert.Equal("187.250", ticks[0].Price!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(new PastTick(DeskScript.At, null, null, null, null, false, false, 187.24m, 187.26m, 3m, 0m, false, true), ticks[1]);
        var request = await script.HistoricalTicks.Seen.Task.WaitAsync(Bound);
        Assert.Equal((W.HistoricalTicksKind.BidAsk, 2, false, false), (request.What, request.Count, request.UseRth, request.IgnoreSize));
        Assert.Equal(Earlier, WireValues.Time(request.Start, "start"));
        Assert.Null(request.End);
    }

    [Fact]
    public async Task A_tick_request_the_desk_refuses_is_an_InvalidRequestException()
    {
        var script = new DeskScript();
        script.HistoricalTicks.Fails(Rich.Invalid("give exactly one of start and end"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => desk.GetHistoricalTicksAsync(Contract.Stock("AAPL"), HistoricalTicksKind.Trades, Earlier, DeskScript.At));

        Assert.Equal((StatusCode.InvalidArgument, "give exactly one of start and end"), (e.StatusCode, e.Detail));
    }

    [Fact]
    public async Task GetHistogramAsync_keeps_prices_and_sizes_exact_and_a_bad_decimal_names_its_entry()
    {
        var script = new DeskScript();
        script.Histogram.Returns(new W.Histogram { LocalTime = At, Entries = { new W.HistogramEntry { Price = "187.10", Size = "1200" }, new W.HistogramEntry { Price = "187.20", Size = "0.5" } } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal([new HistogramBucket(187.10m, 1200m), new HistogramBucket(187.20m, 0.5m)], await desk.GetHistogramAsync(Contract.Stock("AAPL"), "3 days", useRth: false));
        var request = await script.Histogram.Seen.Task.WaitAsync(Bound);
        Assert.Equal(("3 days", false), (request.Period, request.UseRth));

        script.Histogram.Returns(new W.Histogram { LocalTime = At, Entries = { new W.HistogramEntry { Price = "187.10", Size = "1200" }, new W.HistogramEntry { Price = "1,5", Size = "1" } } });
        var e = await Assert.ThrowsAsync<DeskWireException>(() => desk.GetHistogramAsync(Contract.Stock("AAPL"), "3 days"));
        Assert.Contains("entries[1].price", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHistoricalScheduleAsync_maps_the_sessions_and_the_time_zone()
    {
        var script = new DeskScript();
        script.Schedule.Returns(new W.HistoricalSchedule
        {
            Start = "20261130-09:30:00", End = "20261204-16:00:00", TimeZone = "US/Eastern", LocalTime = At,
            Sessions = { new W.ScheduleSession { Start = "20261130-09:30:00", End = "20261130-16:00:00", RefDate = "20261130" } },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var schedule = await desk.GetHistoricalScheduleAsync(Contract.Stock("AAPL"), "1 W", "20261204-16:00:00", useRth: true);

        Assert.Equal(("20261130-09:30:00", "20261204-16:00:00", "US/Eastern"), (schedule.Start, schedule.End, schedule.TimeZone));
        Assert.Equal(new TradingSession("20261130-09:30:00", "20261130-16:00:00", "20261130"), Assert.Single(schedule.Sessions));
        var request = await script.Schedule.Seen.Task.WaitAsync(Bound);
        Assert.Equal(("1 W", "20261204-16:00:00", true), (request.Duration, request.EndDateTime, request.UseRth));
    }
}
