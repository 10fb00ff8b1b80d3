using System.Globalization;

namespace TradingDesk.Simulator.Catalogue;

/// <summary>
/// CME equity index futures with quarterly expiries (H Mar, M Jun, U Sep, Z Dec) that expire on the third
/// Friday of the month; localSymbol is root + month code + last digit of the year (ESZ6), as IB shows it.
/// conIds are plausible and stable per (root, contract month).
/// </summary>
internal static class FuturesListings
{
    private sealed record Root(string Symbol, string Exchange, string LongName, decimal Multiplier, decimal MinTick,
        decimal Price, double Vol, long DailyVolume, int ConIdBase, string MarketRule);

    private static readonly Root[] Roots =
    [
        new("ES", "CME", "E-mini S&P 500", 50m, 0.25m, 6000m, 0.16, 1_500_000, 551_600_000, "67"),
        new("NQ", "CME", "E-mini Nasdaq-100", 20m, 0.25m, 21000m, 0.20, 600_000, 563_900_000, "67"),
        new("YM", "CBOT", "Mini Sized Dow Jones Industrial Average $5", 5m, 1m, 44000m, 0.15, 150_000, 568_500_000, "68"),
        new("RTY", "CME", "E-mini Russell 2000 Index", 50m, 0.1m, 2300m, 0.22, 150_000, 570_200_000, "69"),
    ];

    private static readonly int[] QuarterMonths = [3, 6, 9, 12];

    internal static char MonthCode(int month) => month switch
    {
        3 => 'H', 6 => 'M', 9 => 'U', 12 => 'Z',
        _ => throw new ArgumentOutOfRangeException(nameof(month)),
    };

    internal static DateOnly ThirdFriday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)DayOfWeek.Friday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 14);
    }

    /// <summary>The next five quarterly contracts per root that have not expired on <paramref name="asOf"/>.</summary>
    internal static IEnumerable<ContractDefinition> Build(DateOnly asOf)
    {
        var expiries = new List<DateOnly>();
        for (var year = asOf.Year; expiries.Count < 5; year++)
        {
            foreach (var m in QuarterMonths)
            {
                var expiry = ThirdFriday(year, m);
                if (expiry >= asOf && expiries.Count < 5) expiries.Add(expiry);
            }
        }
        foreach (var root in Roots)
        {
            foreach (var expiry in expiries)
            {
                yield return Future(root, expiry);
            }
        }
    }

    private static ContractDefinition Future(Root r, DateOnly expiry) => new()
    {
        ConId = new ConId(r.ConIdBase + (expiry.Year % 100) * 100 + expiry.Month),
        Symbol = r.Symbol,
        SecType = SecType.Future,
        Exchange = r.Exchange,
        PrimaryExchange = "",
        Currency = "USD",
        LocalSymbol = $"{r.Symbol}{MonthCode(expiry.Month)}{expiry.Year % 10}",
        TradingClass = r.Symbol,
        MinTick = r.MinTick,
        Multiplier = r.Multiplier,
        LongName = r.LongName,
        TimeZoneId = "US/Central",
        ValidExchanges = r.Exchange,
        OrderTypes = "ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,BENCHPX,COND,CONDORDER,DAY,DEACT,DEACTDIS,DEACTEOD,GAT,GTC,GTD,GTT,HID,ICE,IOC,LIT,LMT,LTH,MIT,MKT,MTL,NGCOMB,NONALGO,OCA,PEGBENCH,SCALE,SCALERST,SNAPMID,SNAPMKT,SNAPREL,STP,STPLMT,TRAIL,TRAILLIT,TRAILLMT,TRAILMIT,WHATIF",
        MarketRuleIds = r.MarketRule,
        Industry = "",
        Category = "",
        Subcategory = "",
        Session = SessionKind.CmeEquityIndex,
        LastTradeDate = expiry,
        ContractMonth = expiry.ToString("yyyyMM", CultureInfo.InvariantCulture),
        ReferencePrice = r.Price,
        AnnualVolatility = r.Vol,
        DailyVolume = r.DailyVolume,
        LotSize = 1m,
    };
}
