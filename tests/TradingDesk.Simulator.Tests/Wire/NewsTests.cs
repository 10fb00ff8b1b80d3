using System.Globalization;
using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>News providers, historical news, articles, bulletins and news ticks: text below 209, protobuf from it.</summary>
public sealed class NewsTests
{
    public static TheoryData<int> TextAndProtobuf => OptionsTests.TextAndProtobuf;

    private const string AllProviders = "BRFG+BRFUPDN+DJNL";

    private static DateTime Parse(string time) => DateTime.ParseExact(time, "yyyy-MM-dd HH:mm:ss.f", CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task News_providers_are_listed_with_codes_and_names(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new NewsProvidersRequest());
        var providers = (await client.ExpectAsync<NewsProviders>()).NewsProviders_;
        Assert.Equal(["BRFG", "BRFUPDN", "DJNL"], providers.Select(p => p.ProviderCode));
        Assert.All(providers, p => Assert.False(string.IsNullOrEmpty(p.ProviderName)));
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Historical_news_is_newest_first_capped_by_total_results_and_its_articles_can_be_read(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new HistoricalNewsRequest { ReqId = 101, ConId = SimHarness.AaplConId, ProviderCodes = AllProviders, StartDateTime = "", EndDateTime = "", TotalResults = 5 });
        var items = new List<HistoricalNews>();
        HistoricalNewsEnd? end = null;
        while (end is null)
        {
            var m = (await client.NextAsync()).Message;
            if (m is HistoricalNews n) items.Add(n);
            end = m as HistoricalNewsEnd;
        }
        Assert.Equal((101, true), (end.ReqId, end.HasMore));
        Assert.Equal(5, items.Count);
        Assert.All(items, n => Assert.Equal(101, n.ReqId));
        Assert.Equal(items.Select(n => Parse(n.Time)).OrderByDescending(t => t), items.Select(n => Parse(n.Time)));
        Assert.True(Parse(items[0].Time) <= SimulatorOptions.DefaultManualStart.UtcDateTime, "nothing from the future");
        Assert.All(items, n => Assert.Contains(n.ProviderCode, AllProviders.Split('+')));

        await client.SendAsync(new NewsArticleRequest { ReqId = 102, ProviderCode = items[0].ProviderCode, ArticleId = items[0].ArticleId });
        var article = await client.ExpectAsync<NewsArticle>(a => a.ReqId == 102);
        Assert.Equal(0, article.ArticleType);
        Assert.StartsWith(items[0].Headline, article.ArticleText);
        Assert.Contains("APPLE INC", article.ArticleText);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task A_date_range_holds_one_headline_per_quarter_hour_and_filters_by_provider(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new HistoricalNewsRequest
        {
            ReqId = 103, ConId = SimHarness.AaplConId, ProviderCodes = AllProviders,
            StartDateTime = "2026-03-10 12:00:00.0", EndDateTime = "2026-03-10 14:00:00.0", TotalResults = 300,
        });
        var all = await CollectAsync(client, 103);
        Assert.InRange(all.Items.Count, 7, 8);
        Assert.False(all.HasMore);
        Assert.All(all.Items, n => Assert.InRange(Parse(n.Time), new DateTime(2026, 3, 10, 12, 0, 0), new DateTime(2026, 3, 10, 14, 0, 0)));

        await client.SendAsync(new HistoricalNewsRequest
        {
            ReqId = 104, ConId = SimHarness.AaplConId, ProviderCodes = "BRFG",
            StartDateTime = "2026-03-10 12:00:00.0", EndDateTime = "2026-03-10 14:00:00.0", TotalResults = 300,
        });
        var brfg = await CollectAsync(client, 104);
        Assert.Equal(all.Items.Where(n => n.ProviderCode == "BRFG").Select(n => n.ArticleId), brfg.Items.Select(n => n.ArticleId));
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Unknown_contracts_providers_and_articles_are_refused_like_IB(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new HistoricalNewsRequest { ReqId = 105, ConId = 1, ProviderCodes = AllProviders, TotalResults = 5 });
        Assert.Equal(200, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 105)).ErrorCode);
        await client.SendAsync(new HistoricalNewsRequest { ReqId = 106, ConId = SimHarness.AaplConId, ProviderCodes = "NOPE", TotalResults = 5 });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 106)).ErrorCode);
        await client.SendAsync(new NewsArticleRequest { ReqId = 107, ProviderCode = "BRFG", ArticleId = "BRFG$deadbeef" });
        var missing = await client.ExpectAsync<ErrorMessage>(e => e.Id == 107);
        Assert.Equal((10172, "Failed to request news article: No data available"), (missing.ErrorCode, missing.ErrorMsg));
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Bulletins_with_allMsgs_replay_the_day_then_stream_until_cancelled(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new NewsBulletinsRequest { AllMessages = true });
        var backlog = await BulletinsBeforeMarkerAsync(client);
        // Eleven hours since midnight New York, one bulletin per half hour.
        Assert.InRange(backlog.Count, 22, 23);
        Assert.Equal(backlog.Select(b => b.NewsMsgId).Order(), backlog.Select(b => b.NewsMsgId));
        Assert.All(backlog, b => Assert.InRange(b.NewsMsgType, 1, 3));

        await sim.AdvanceAsync(TimeSpan.FromMinutes(30));
        var fresh = await client.ExpectAsync<NewsBulletin>();
        Assert.True(fresh.NewsMsgId > backlog[^1].NewsMsgId, "a newer bulletin");

        await client.SendAsync(new CancelNewsBulletins());
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Empty(await BulletinsBeforeMarkerAsync(client));
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Bulletins_without_allMsgs_start_with_the_next_one(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new NewsBulletinsRequest { AllMessages = false });
        Assert.Empty(await BulletinsBeforeMarkerAsync(client));
        await sim.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.False(string.IsNullOrEmpty((await client.ExpectAsync<NewsBulletin>()).NewsMessage));
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task A_market_data_line_asking_for_292_gets_news_ticks_and_one_without_does_not(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 108, Contract = SimHarness.Aapl, GenericTickList = "mdoff,292:" + AllProviders });
        await client.SendAsync(new MarketDataRequest { ReqId = 109, Contract = SimHarness.Aapl, GenericTickList = "" });
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(16));
        await client.SendAsync(new CurrentTimeRequest());
        var news = new List<TickNews>();
        var plainTicks = 0;
        while ((await client.NextAsync()).Message is var m && m is not CurrentTime)
        {
            if (m is TickNews n) news.Add(n);
            // "mdoff" asks for the news alone: no L1 ticks on that line, while the plain line keeps streaming.
            Assert.False(m is TickPrice { ReqId: 108 } or TickSize { ReqId: 108 }, "market data on an mdoff line");
            if (m is TickPrice { ReqId: 109 }) plainTicks++;
        }
        Assert.True(plainTicks > 0, "the plain line streams");
        // One headline per quarter hour: one or two in sixteen minutes, all on the line that asked.
        Assert.InRange(news.Count, 1, 2);
        Assert.All(news, tick =>
        {
            Assert.Equal(108, tick.ReqId);
            Assert.Contains(tick.ProviderCode, AllProviders.Split('+'));
            Assert.StartsWith(tick.ProviderCode + "$", tick.ArticleId);
            Assert.InRange(tick.Timestamp, SimulatorOptions.DefaultManualStart.ToUnixTimeMilliseconds(), SimulatorOptions.DefaultManualStart.AddMinutes(16).ToUnixTimeMilliseconds());
        });
    }

    private static Contract BroadTape(string provider, string? symbol = null) =>
        new() { Symbol = symbol ?? $"{provider}:{provider}_ALL", SecType = "NEWS", Exchange = provider };

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task A_broadtape_line_streams_every_headline_of_its_provider_across_stocks(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 110, Contract = BroadTape("BRFG"), GenericTickList = "mdoff,292" });
        await client.SendAsync(new MarketDataRequest { ReqId = 111, Contract = SimHarness.Aapl, GenericTickList = "mdoff,292:BRFG" });
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromMinutes(61));
        await client.SendAsync(new CurrentTimeRequest());
        var tape = new List<TickNews>();
        var aapl = new List<TickNews>();
        while ((await client.NextAsync()).Message is var m && m is not CurrentTime)
        {
            Assert.False(m is TickPrice { ReqId: 110 } or TickSize { ReqId: 110 }, "market data on a BroadTape line");
            if (m is TickNews { ReqId: 110 } t) tape.Add(t);
            if (m is TickNews { ReqId: 111 } a) aapl.Add(a);
        }
        Assert.All(tape, t => Assert.Equal(("BRFG", true), (t.ProviderCode, t.ArticleId.StartsWith("BRFG$", StringComparison.Ordinal))));
        // Article ids name their stock (conId in the first 8 hex digits): the tape spans many stocks, oldest first.
        Assert.True(tape.Select(t => t.ArticleId[5..13]).Distinct().Count() > 1, "headlines of more than one stock");
        Assert.Equal(tape.Select(t => t.Timestamp).Order(), tape.Select(t => t.Timestamp));
        Assert.All(tape, t => Assert.InRange(t.Timestamp, SimulatorOptions.DefaultManualStart.ToUnixTimeMilliseconds(), SimulatorOptions.DefaultManualStart.AddMinutes(61).ToUnixTimeMilliseconds()));
        // A stock's own BRFG headlines are on the tape too (the seed gives AAPL some in this hour).
        Assert.NotEmpty(aapl);
        Assert.Subset(tape.Select(t => t.ArticleId).ToHashSet(), aapl.Select(a => a.ArticleId).ToHashSet());

        await client.SendAsync(new CancelMarketData { ReqId = 110 });
        await SimHarness.RoundTripAsync(client);
        Assert.Equal(1, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(1)));
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task A_news_contract_of_no_provider_or_without_its_all_symbol_is_200(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 112, Contract = BroadTape("NOPE"), GenericTickList = "mdoff,292" });
        var unknown = await client.ExpectAsync<ErrorMessage>(e => e.Id == 112);
        Assert.Equal((200, "No security definition has been found for the request"), (unknown.ErrorCode, unknown.ErrorMsg));
        await client.SendAsync(new MarketDataRequest { ReqId = 113, Contract = BroadTape("BRFG", "AAPL"), GenericTickList = "mdoff,292" });
        Assert.Equal(200, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 113)).ErrorCode);
        await client.SendAsync(new MarketDataRequest { ReqId = 114, Contract = BroadTape("BRFG", "DJNL:DJNL_ALL"), GenericTickList = "mdoff,292" });
        Assert.Equal(200, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 114)).ErrorCode);
        await SimHarness.RoundTripAsync(client);
        Assert.Equal(0, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(1)));
    }

    private static async Task<(List<HistoricalNews> Items, bool HasMore)> CollectAsync(TestClient client, int reqId)
    {
        var items = new List<HistoricalNews>();
        while (true)
        {
            var m = (await client.NextAsync()).Message;
            if (m is HistoricalNews n && n.ReqId == reqId) items.Add(n);
            if (m is HistoricalNewsEnd e && e.ReqId == reqId) return (items, e.HasMore);
        }
    }

    private static async Task<List<NewsBulletin>> BulletinsBeforeMarkerAsync(TestClient client)
    {
        await client.SendAsync(new CurrentTimeRequest());
        var bulletins = new List<NewsBulletin>();
        while ((await client.NextAsync()).Message is var m && m is not CurrentTime)
            if (m is NewsBulletin b) bulletins.Add(b);
        return bulletins;
    }
}
