using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Requests;
using Xunit;
using static TradingDesk.Desk.Messages.FundamentalsMessages;
using static TradingDesk.Desk.Messages.NewsMessages;
using static TradingDesk.Desk.Messages.TickHistoryMessages;
using static TradingDesk.Desk.Messages.WshMessages;
using Contract = TradingDesk.Desk.Domain.Contract;
using HistoricalTicks = TradingDesk.Desk.Messages.TickHistoryMessages.HistoricalTicks;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The pure research plans and their validation: what goes on the wire, what comes back, what is refused.</summary>
public sealed class ResearchPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly ContractSpec Aapl = Contract.Stock("AAPL");

    [Fact]
    public void Fundamentals_ask_for_the_report_by_its_wire_name_and_430_is_a_typed_failure()
    {
        var plan = new FundamentalsPlan(new GetFundamentals(Aapl, FundamentalsReport.Resc));
        var request = Assert.IsType<FundamentalsDataRequest>(plan.Build(1_000_000_001));
        Assert.Equal(("RESC", "AAPL", 1_000_000_001), (request.ReportType, request.Contract.Symbol, request.ReqId));
        var failure = Assert.IsType<ReportNotAvailable>(plan.FailureFor(430, "not available"));
        Assert.Equal(FundamentalsReport.Resc, failure.Report);
        Assert.Null(plan.FailureFor(200, "no security definition"));
        var reply = Assert.IsType<FundamentalsReply>(Assert.IsType<Step.Complete>(plan.Accept(new FundamentalsData { ReqId = 1, Data = "<x/>" }, Now)).Reply);
        Assert.Equal("<x/>", reply.Xml);
    }

    [Theory]
    [InlineData("ReportSnapshot", FundamentalsReport.ReportSnapshot)]
    [InlineData("reportsfinsummary", FundamentalsReport.ReportsFinSummary)]
    [InlineData("RESC", FundamentalsReport.Resc)]
    [InlineData("CalendarReport", FundamentalsReport.CalendarReport)]
    public void Report_names_parse_in_any_case(string text, FundamentalsReport report) =>
        Assert.Equal(report, ResearchWireNames.ParseReport(text));

    [Fact]
    public void An_unknown_report_name_does_not_parse() => Assert.Null(ResearchWireNames.ParseReport("Earnings"));

    [Fact]
    public void Historical_ticks_continue_until_a_part_says_done()
    {
        var plan = new HistoricalTicksPlan(new GetHistoricalTicks(Aapl, HistoricalTicksKind.Midpoint, Now, null, 2));
        var request = Assert.IsType<HistoricalTicksRequest>(plan.Build(5));
        Assert.Equal(("MIDPOINT", "20260302-15:00:00", "", 2), (request.WhatToShow, request.StartDateTime, request.EndDateTime, request.NumberOfTicks));
        Assert.IsType<Step.Continue>(plan.Accept(new IBApi.protobuf.HistoricalTicks { ReqId = 5, IsDone = false, HistoricalTicks_ = { new IBApi.protobuf.HistoricalTick { Time = 1, Price = 1.5 } } }, Now));
        var done = Assert.IsType<Step.Complete>(plan.Accept(new IBApi.protobuf.HistoricalTicks { ReqId = 5, IsDone = true, HistoricalTicks_ = { new IBApi.protobuf.HistoricalTick { Time = 2, Price = 1.75 } } }, Now));
        Assert.Equal([1.5m, 1.75m], Assert.IsType<HistoricalTicks>(done.Reply).Ticks.Select(t => t.Price!.Value));
        plan.Reset();
        var again = Assert.IsType<Step.Complete>(plan.Accept(new IBApi.protobuf.HistoricalTicks { ReqId = 6, IsDone = true }, Now));
        Assert.Empty(Assert.IsType<HistoricalTicks>(again.Reply).Ticks);
    }

    [Fact]
    public void Historical_news_sends_plus_separated_providers_and_utc_bounds()
    {
        var plan = new HistoricalNewsPlan(new GetHistoricalNews(new ConId(8314), ["BRFG", "DJNL"], Now.AddHours(-1), Now, 50));
        var request = Assert.IsType<HistoricalNewsRequest>(plan.Build(9));
        Assert.Equal(("BRFG+DJNL", "2026-03-02 14:00:00.0", "2026-03-02 15:00:00.0", 50, 8314),
            (request.ProviderCodes, request.StartDateTime, request.EndDateTime, request.TotalResults, request.ConId));
    }

    [Fact]
    public void Wsh_events_send_the_filter_or_the_conid_and_the_fill_flags()
    {
        var byFilter = Assert.IsType<WshEventDataRequest>(new WshEventsPlan(new GetWshEvents(FilterJson: "{\"country\":\"All\"}", FillPortfolio: true)).Build(3));
        Assert.Equal(("{\"country\":\"All\"}", false, true), (byFilter.Filter, byFilter.HasConId, byFilter.FillPortfolio));
        Assert.False(byFilter.HasTotalLimit);
        var byConId = Assert.IsType<WshEventDataRequest>(new WshEventsPlan(new GetWshEvents(ConId: new ConId(8314), StartDate: "20260101", Limit: 10)).Build(4));
        Assert.Equal((8314, "20260101", 10), (byConId.ConId, byConId.StartDate, byConId.TotalLimit));
    }

    [Fact]
    public void Histogram_and_schedule_requests_are_historical_and_paced()
    {
        var histogram = new HistogramPlan(new GetHistogram(Aapl, "1 Week")).Build(1);
        var schedule = new HistoricalSchedulePlan(new GetHistoricalSchedule(Aapl)).Build(2);
        var ticks = new HistoricalTicksPlan(new GetHistoricalTicks(Aapl, HistoricalTicksKind.Trades, Now, null)).Build(3);
        Assert.Equal("1 week", ((HistogramDataRequest)histogram).TimePeriod);
        Assert.All(new[] { histogram, schedule, ticks }, m => Assert.True(HistoricalPacing.IsHistorical(m)));

        // The identical-request rule: the same request under another id waits 15 s; another kind for the contract does not.
        var pacing = new HistoricalPacing();
        pacing.Record(ticks, Now);
        Assert.True(pacing.DelayFor(new HistoricalTicksPlan(new GetHistoricalTicks(Aapl, HistoricalTicksKind.Trades, Now, null)).Build(4), Now.AddSeconds(1)) > TimeSpan.FromSeconds(13));
        Assert.Equal(TimeSpan.Zero, pacing.DelayFor(histogram, Now.AddSeconds(1)));
        pacing.Record(histogram, Now.AddSeconds(1));
        Assert.True(pacing.DelayFor(new HistogramPlan(new GetHistogram(Aapl, "1 week")).Build(9), Now.AddSeconds(2)) > TimeSpan.Zero);
        // BID_ASK ticks weigh two towards the 60-in-10-minutes rule.
        Assert.Equal(2, HistoricalPacing.Describe(new HistoricalTicksPlan(new GetHistoricalTicks(Aapl, HistoricalTicksKind.BidAsk, Now, null)).Build(5)).Weight);
    }

    [Fact]
    public void Bulletins_map_their_type_and_news_ticks_their_millisecond_time()
    {
        var stream = new NewsBulletinsStream(new SubscribeNewsBulletins(true));
        Assert.True(Assert.IsType<NewsBulletinsRequest>(stream.Build(1)).AllMessages);
        Assert.IsType<CancelNewsBulletins>(stream.Cancel(1));
        var item = Assert.IsType<NewsMessages.NewsBulletin>(stream.Map(new IBApi.protobuf.NewsBulletin { NewsMsgId = 4, NewsMsgType = 3, NewsMessage = "back", OriginatingExch = "ARCA" }, new SubscriptionId(2), Now));
        Assert.Equal((NewsBulletinType.ExchangeAvailable, "back"), (item.Type, item.Message));
        var line = new MarketDataStream(new MarketDataMessages.SubscribeMarketData(Aapl, NewsGenericTick));
        var tick = Assert.IsType<NewsTick>(line.Map(new TickNews { ReqId = 1, Timestamp = 1500, ProviderCode = "BRFG", ArticleId = "a", Headline = "h" }, new SubscriptionId(3), Now));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1500), tick.Time);
    }

    public static TheoryData<object, string> Refused => new()
    {
        { new GetNewsArticle("", "x"), "provider code is required" },
        { new GetNewsArticle("BRFG", new string('a', 500)), "at most 128" },
        { new GetHistoricalNews(new ConId(0), ["BRFG"], null, null), "conId must be positive" },
        { new GetHistoricalNews(new ConId(1), ["BR FG"], null, null), "is not a provider code" },
        { new GetHistoricalNews(new ConId(1), ["BRFG"], null, null, 301), "between 1 and 300" },
        { new GetHistoricalNews(new ConId(1), ["BRFG"], Now, Now.AddDays(-1)), "is after end" },
        { new GetFundamentals(null!, FundamentalsReport.Resc), "a contract is required" },
        { new GetFundamentals(Aapl, (FundamentalsReport)42), "42 is not a fundamentals report" },
        { new GetFundamentals(Aapl with { Exchange = "SM\u0000ART" }, FundamentalsReport.Resc), "control character" },
        { new GetFundamentals(Aapl with { FrontMonth = true }, FundamentalsReport.Resc), "resolve the front month" },
        { new GetWshEvents(), "exactly one of conId and filter" },
        { new GetWshEvents(FilterJson: "[1,2]"), "must be a JSON object" },
        { new GetWshEvents(FilterJson: "{oops"), "is not JSON" },
        { new GetWshEvents(ConId: new ConId(1), StartDate: "2026-01-01"), "is not yyyyMMdd" },
        { new GetWshEvents(ConId: new ConId(1), Limit: 0), "limit must be positive" },
        { new GetHistoricalTicks(Aapl, HistoricalTicksKind.Trades, null, null), "exactly one of start and end" },
        { new GetHistoricalTicks(Aapl, HistoricalTicksKind.Trades, Now, null, 1001), "between 1 and 1000" },
        { new GetHistogram(Aapl, "1 fortnight"), "is not a count and a unit" },
        { new GetHistoricalSchedule(Aapl, "1 week"), "is not a count and a unit" },
        { new GetHistoricalSchedule(Aapl, "1 W", "tomorrow"), "is not yyyyMMdd-HH:mm:ss" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Bad_input_is_refused_in_words_the_sender_can_act_on(object command, string words) =>
        Assert.Contains(words, ResearchValidation.Problem(command));

    [Fact]
    public void Good_input_passes()
    {
        object[] good =
        [
            new GetNewsProviders(), new GetNewsArticle("BRFG", "BRFG$04fb9da2"), new GetHistoricalNews(new ConId(8314), ["BRFG"], null, Now, 300),
            new SubscribeNewsBulletins(), new GetFundamentals(Aapl, FundamentalsReport.ReportSnapshot), new GetWshMetaData(),
            new GetWshEvents(FilterJson: "{\"watchlist\":[\"8314\"]}"), new GetHistoricalTicks(Aapl, HistoricalTicksKind.BidAsk, null, Now, 1000),
            new GetHistogram(Aapl, "3 days"), new GetHistoricalSchedule(Aapl, "5 D", "20260302-16:00:00"),
        ];
        Assert.All(good, c => Assert.Null(ResearchValidation.Problem(c)));
    }
}
