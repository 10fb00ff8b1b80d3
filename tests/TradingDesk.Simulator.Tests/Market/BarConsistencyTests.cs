using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;

namespace TradingDesk.Simulator.Tests.Market;

/// <summary>Randomised (but seeded, so repeatable) checks that coarse bars are exactly the aggregate of fine ones.</summary>
public sealed class BarConsistencyTests
{
    private static readonly InstrumentCatalogue Cat = InstrumentCatalogue.Build(new DateOnly(2026, 11, 20));

    public static TheoryData<string, string, int> Pairs => new()
    {
        { "1 min", "5 secs", 12 },
        { "5 mins", "1 min", 5 },
        { "15 mins", "5 mins", 3 },
        { "1 hour", "15 mins", 4 },
        { "4 hours", "1 hour", 4 },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Coarse_bars_aggregate_fine_bars_at_random_times_and_instruments(string coarse, string fine, int ratio)
    {
        var random = new Random(12345);
        var engine = new PriceEngine(Cat, PriceModelOptions.Default(random.Next()));
        var candidates = new[] { "AAPL", "SPY", "EUR.USD", "ESZ6", "TSLA", "USD.JPY" }
            .Select(s => Cat.Search(new ContractQuery { LocalSymbol = s }).Single()).ToList();
        var checkedBars = 0;
        for (var trial = 0; trial < 6; trial++)
        {
            var contract = candidates[random.Next(candidates.Count)];
            // Anywhere from three years before to a year after the model anchor, on a fine-bar boundary.
            var end = PriceModelOptions.DefaultAnchor.AddHours(random.Next(-26_000, 8_000));
            var seconds = (int)(BarSeconds(coarse) * 6);
            var what = contract.SecType == SecType.Cash ? "MIDPOINT" : "TRADES";
            var coarseBars = Bars(engine, contract.ConId, end, $"{seconds} S", coarse, what);
            var fineBars = Bars(engine, contract.ConId, end, $"{seconds} S", fine, what);
            for (var i = 0; i < coarseBars.Count; i++)
            {
                // A bar starting at a session open is labelled with the open, so bound it by the next bar too.
                var bar = coarseBars[i];
                var next = i + 1 < coarseBars.Count ? coarseBars[i + 1].Time : DateTimeOffset.MaxValue;
                var parts = fineBars.Where(f => f.Time >= bar.Time && f.Time < next && f.Time < bar.Time.AddSeconds(BarSeconds(coarse))).ToList();
                if (parts.Count == 0) continue; // both empty outside sessions
                // The first coarse bar is aligned earlier than the window start, so it holds more than the fine bars.
                if (fineBars.Count > 0 && bar.Time < fineBars[0].Time) continue;
                Assert.True(parts.Count <= ratio);
                Assert.Equal(bar.Open, parts[0].Open);
                Assert.Equal(bar.Close, parts[^1].Close);
                Assert.Equal(bar.High, parts.Max(p => p.High));
                Assert.Equal(bar.Low, parts.Min(p => p.Low));
                if (what == "TRADES") Assert.Equal(bar.Volume, parts.Sum(p => p.Volume));
                checkedBars++;
            }
        }
        Assert.True(checkedBars >= 10, $"only {checkedBars} bars were compared");
    }

    [Fact]
    public void Futures_daily_bars_span_the_globex_session_and_match_hourly_bars()
    {
        var engine = new PriceEngine(Cat, PriceModelOptions.Default(9));
        var es = Cat.FrontMonth("ES", new DateOnly(2026, 11, 20))!;
        var end = new DateTimeOffset(2026, 11, 20, 23, 0, 0, TimeSpan.Zero);
        var days = Bars(engine, es.ConId, end, "1 W", "1 day", "TRADES");
        var hours = Bars(engine, es.ConId, end, "1 W", "1 hour", "TRADES");
        Assert.Equal(5, days.Count);
        foreach (var day in days)
        {
            var session = TradingCalendar.Session(SessionKind.CmeEquityIndex, day.Date!.Value, liquidOnly: false)!.Value;
            var parts = hours.Where(h => h.Time >= session.Start && h.Time < session.End).ToList();
            Assert.Equal(23, parts.Count);
            Assert.Equal(day.High, parts.Max(p => p.High));
            Assert.Equal(day.Low, parts.Min(p => p.Low));
            Assert.Equal(day.Open, parts[0].Open);
            Assert.Equal(day.Close, parts[^1].Close);
        }
    }

    private static double BarSeconds(string size)
    {
        Assert.True(BarSize.TryParse(size, out var b, out _));
        return b.Seconds;
    }

    private static IReadOnlyList<PriceBar> Bars(PriceEngine e, ConId id, DateTimeOffset end, string d, string b, string w)
    {
        Assert.True(HistoricalBarsRequest.TryParse(id, end, d, b, w, false, out var request, out var error), error?.Message);
        var result = e.GetHistoricalBars(request!);
        return result.IsSuccess ? result.Bars : [];
    }
}
