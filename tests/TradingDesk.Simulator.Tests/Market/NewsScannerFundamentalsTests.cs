using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;

namespace TradingDesk.Simulator.Tests.Market;

public sealed class NewsScannerFundamentalsTests
{
    private static readonly InstrumentCatalogue Cat = InstrumentCatalogue.Build(new DateOnly(2026, 11, 18));
    private static PriceEngine Engine(long seed) => new(Cat, PriceModelOptions.Default(seed));
    private static readonly HashSet<string> All = NewsFeed.Providers.Select(p => p.Code).ToHashSet();

    [Fact]
    public void The_news_feed_is_a_function_of_the_seed_and_its_headlines_follow_the_price()
    {
        var aapl = Cat.Get(TestMarket.Aapl);
        var from = TestMarket.Wednesday10Et.AddHours(-6);
        var a = new NewsFeed(Engine(5)).Between(aapl, All, from, TestMarket.Wednesday10Et).ToList();
        var b = new NewsFeed(Engine(5)).Between(aapl, All, from, TestMarket.Wednesday10Et).ToList();
        var c = new NewsFeed(Engine(6)).Between(aapl, All, from, TestMarket.Wednesday10Et).ToList();
        Assert.Equal(24, a.Count);
        Assert.Equal(a.Select(n => (n.Time, n.Headline, n.ArticleId)), b.Select(n => (n.Time, n.Headline, n.ArticleId)));
        Assert.NotEqual(a.Select(n => n.Time), c.Select(n => n.Time));
        var prices = Engine(5);
        foreach (var item in a)
        {
            var day = prices.GetDayStats(aapl.ConId, item.Time);
            Assert.Equal((double)((prices.LastPrice(aapl.ConId, item.Time) - day.PreviousClose) / day.PreviousClose * 100m), item.ChangePercent, 9);
            Assert.Contains(prices.LastPrice(aapl.ConId, item.Time).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), item.Headline);
        }
    }

    [Fact]
    public void An_article_id_names_its_headline_and_a_forged_one_names_nothing()
    {
        var feed = new NewsFeed(Engine(5));
        var item = feed.Between(Cat.Get(TestMarket.Aapl), All, TestMarket.Wednesday10Et.AddHours(-1), TestMarket.Wednesday10Et).First();
        var article = feed.Article(Cat, item.Provider, item.ArticleId, TestMarket.Wednesday10Et);
        Assert.Equal(item.Headline, article!.Value.Item.Headline);
        var other = NewsFeed.Providers.First(p => p.Code != item.Provider).Code;
        Assert.Null(feed.Article(Cat, other, other + item.ArticleId[item.ArticleId.IndexOf('$')..], TestMarket.Wednesday10Et));
        Assert.Null(feed.Article(Cat, item.Provider, item.ArticleId, item.Time.AddSeconds(-1)));
    }

    [Fact]
    public void Scans_rank_by_their_measure_and_filter_by_location()
    {
        var prices = Engine(3);
        var scanner = new MarketScanner(prices, Cat);
        var losers = scanner.Scan(new ScanRequest("TOP_PERC_LOSE", "STK", "STK.US.MAJOR", 50), TestMarket.Wednesday10Et);
        Assert.All(losers, r => Assert.True(r.Value < 0, "a loser"));
        Assert.Equal(losers.Select(r => r.Value).Order(), losers.Select(r => r.Value));
        var nyse = scanner.Scan(new ScanRequest("MOST_ACTIVE", "STK", "STK.NYSE", 50), TestMarket.Wednesday10Et);
        Assert.NotEmpty(nyse);
        Assert.All(nyse, r => Assert.Equal("NYSE", r.Contract.PrimaryExchange));
        var bonds = scanner.Scan(new ScanRequest("MOST_ACTIVE", "ETF.FI.US", "ETF.FI.US.MAJOR", 50), TestMarket.Wednesday10Et);
        Assert.Equal(["TLT"], bonds.Select(r => r.Contract.Symbol));
    }

    [Fact]
    public void Reports_exist_for_stocks_only_and_company_reports_not_for_ETFs()
    {
        Assert.Null(CompanyProfile.Of(Cat.All.First(c => c.SecType == SecType.Future), 1));
        var spy = CompanyProfile.Of(Cat.Get(TestMarket.Spy), 1)!;
        Assert.NotNull(FundamentalReports.Build("ReportSnapshot", spy, 600m, TestMarket.Wednesday10Et, 1));
        Assert.Null(FundamentalReports.Build("RESC", spy, 600m, TestMarket.Wednesday10Et, 1));
        var aapl = CompanyProfile.Of(Cat.Get(TestMarket.Aapl), 1)!;
        Assert.All(FundamentalReports.ReportTypes, t => Assert.NotNull(FundamentalReports.Build(t, aapl, 230m, TestMarket.Wednesday10Et, 1)));
        Assert.Null(FundamentalReports.Build("ReportRatios", aapl, 230m, TestMarket.Wednesday10Et, 1));
    }
}
