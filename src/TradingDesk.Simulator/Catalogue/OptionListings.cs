using System.Globalization;

namespace TradingDesk.Simulator.Catalogue;

/// <summary>
/// Option chains: calls and puts on a strike grid around the underlying's reference price, for the next four
/// weekly (Friday) expiries plus the next two monthly (third Friday) ones. localSymbol is the OCC symbol
/// ("SPY   251219C00600000"); conIds are a stable hash of it, so they survive a catalogue rebuilt on another day.
/// </summary>
internal static class OptionListings
{
    internal static readonly string[] Underlyings = ["SPY", "AAPL"];

    private const int StrikesEachSide = 10;

    internal static decimal StrikeStep(string symbol) => symbol == "SPY" ? 5m : 5m;

    internal static IReadOnlyList<DateOnly> Expiries(DateOnly asOf)
    {
        var result = new SortedSet<DateOnly>();
        var friday = asOf.AddDays(((int)DayOfWeek.Friday - (int)asOf.DayOfWeek + 7) % 7);
        for (var i = 0; i < 4; i++) result.Add(friday.AddDays(7 * i));
        var monthlies = 0;
        for (var m = 0; monthlies < 2; m++)
        {
            var month = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(m);
            var third = FuturesListings.ThirdFriday(month.Year, month.Month);
            if (third > result.Max) { result.Add(third); monthlies++; }
        }
        return result.ToList();
    }

    internal static IEnumerable<ContractDefinition> Chain(ContractDefinition underlying, DateOnly asOf)
    {
        var step = StrikeStep(underlying.Symbol);
        var atm = Math.Round(underlying.ReferencePrice / step, MidpointRounding.AwayFromZero) * step;
        foreach (var expiry in Expiries(asOf))
        {
            for (var i = -StrikesEachSide; i <= StrikesEachSide; i++)
            {
                var strike = atm + i * step;
                yield return Option(underlying, expiry, strike, OptionRight.Call);
                yield return Option(underlying, expiry, strike, OptionRight.Put);
            }
        }
    }

    internal static string OccSymbol(string symbol, DateOnly expiry, OptionRight right, decimal strike) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{symbol,-6}{expiry:yyMMdd}{(right == OptionRight.Call ? 'C' : 'P')}{(long)(strike * 1000m):D8}");

    private static ContractDefinition Option(ContractDefinition u, DateOnly expiry, decimal strike, OptionRight right)
    {
        var occ = OccSymbol(u.Symbol, expiry, right, strike);
        return new ContractDefinition
        {
            ConId = new ConId(StableConId(occ)),
            Symbol = u.Symbol,
            SecType = SecType.Option,
            Exchange = "SMART",
            Currency = "USD",
            LocalSymbol = occ,
            TradingClass = u.Symbol,
            MinTick = 0.01m,
            Multiplier = 100m,
            LongName = u.LongName,
            TimeZoneId = "US/Eastern",
            ValidExchanges = "SMART,AMEX,CBOE,PHLX,PSE,ISE,BOX,BATS,NASDAQOM,CBOE2,NASDAQBX,MIAX,GEMINI,EDGX,MERCURY,PEARL,EMERALD,MEMX,IBUSOPT",
            OrderTypes = "ACTIVETIM,AD,ADJUST,ALERT,ALLOC,AVGCOST,BASKET,COND,CONDORDER,DAY,DEACT,DEACTDIS,DEACTEOD,GAT,GTC,GTD,GTT,IOC,LIT,LMT,MIT,MKT,MTL,NONALGO,OCA,REL,SCALE,SCALERST,SNAPMID,SNAPMKT,SNAPREL,STP,STPLMT,TRAIL,TRAILLIT,TRAILLMT,TRAILMIT,WHATIF",
            MarketRuleIds = string.Join(',', Enumerable.Repeat("32", 19)),
            Industry = u.Industry,
            Category = u.Category,
            Subcategory = u.Subcategory,
            Session = SessionKind.UsEquityOption,
            LastTradeDate = expiry,
            Strike = strike,
            Right = right,
            UnderlyingConId = u.ConId,
            // The price engine prices options from the underlying's path (Black-Scholes); these are nominal.
            ReferencePrice = 1m,
            AnnualVolatility = u.AnnualVolatility,
            DailyVolume = 20_000,
            LotSize = 1m,
        };
    }

    // FNV-1a of the OCC symbol folded into 700,000,000–799,999,999, clear of the stock and future ranges used here.
    private static int StableConId(string occ)
    {
        var hash = 2166136261u;
        foreach (var ch in occ) hash = (hash ^ ch) * 16777619u;
        return 700_000_000 + (int)(hash % 100_000_000u);
    }
}
