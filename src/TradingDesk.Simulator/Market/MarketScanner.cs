using System.Globalization;
using System.Xml.Linq;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>What a scan asks for, after the wire's unset sentinels are dropped.</summary>
internal sealed record ScanRequest(
    string ScanCode, string Instrument, string Location, int Rows,
    decimal? AbovePrice = null, decimal? BelowPrice = null, decimal? AboveVolume = null,
    decimal? MarketCapAbove = null, decimal? MarketCapBelow = null, decimal? AverageVolumeAbove = null);

/// <summary>One row of a scan: the contract and the value it was ranked by.</summary>
internal sealed record ScanRow(ContractDefinition Contract, double Value);

/// <summary>
/// IB's market scanner over the catalogue's stocks and ETFs, ranked from the simulated quote, day statistics and
/// company figures at the scan's instant. Only the scan codes the paper market can rank honestly are offered, and
/// <see cref="ParametersXml"/> lists exactly those (with the instruments, locations and filters the scans accept).
/// </summary>
internal sealed class MarketScanner(PriceEngine prices, InstrumentCatalogue catalogue)
{
    /// <summary>IB caps a scanner subscription at 50 rows.</summary>
    internal const int MaxRows = 50;

    /// <summary>Scan codes (IB's names) with their display names.</summary>
    internal static readonly IReadOnlyList<(string Code, string Name)> ScanTypes =
    [
        ("TOP_PERC_GAIN", "Top % Gainers"),
        ("TOP_PERC_LOSE", "Top % Losers"),
        ("MOST_ACTIVE", "Most Active"),
        ("MOST_ACTIVE_USD", "Most Active ($)"),
        ("HOT_BY_VOLUME", "Hot Contracts by Volume"),
        ("TOP_OPEN_PERC_GAIN", "Top % Gainers Since Open"),
        ("TOP_OPEN_PERC_LOSE", "Top % Losers Since Open"),
        ("HIGH_OPT_IMP_VOLAT", "Highest Option Implied Vol"),
        ("LOW_OPT_IMP_VOLAT", "Lowest Option Implied Vol"),
    ];

    /// <summary>Instruments: US stocks (ETFs included, as IB's STK scans list them) and the two ETF groups.</summary>
    internal static readonly IReadOnlyList<(string Code, string Name)> Instruments =
    [
        ("STK", "US Stocks"),
        ("ETF.EQ.US", "US Equity ETFs"),
        ("ETF.FI.US", "US Fixed Income ETFs"),
    ];

    /// <summary>Location codes and the primary exchanges each covers (null: every US listing).</summary>
    internal static readonly IReadOnlyList<(string Code, string Name, string Instrument, string? Primary)> Locations =
    [
        ("STK.US", "US Stocks", "STK", null),
        ("STK.US.MAJOR", "Listed/NASDAQ", "STK", null),
        ("STK.NASDAQ", "NASDAQ", "STK", "NASDAQ"),
        ("STK.NYSE", "NYSE", "STK", "NYSE"),
        ("STK.ARCA", "NYSE Arca", "STK", "ARCA"),
        ("ETF.EQ.US.MAJOR", "US Equity ETFs", "ETF.EQ.US", null),
        ("ETF.FI.US.MAJOR", "US Fixed Income ETFs", "ETF.FI.US", null),
    ];

    internal static bool IsScanCode(string code) => ScanTypes.Any(s => s.Code == code);
    internal static bool IsInstrument(string code) => Instruments.Any(s => s.Code == code);
    internal static bool IsLocation(string code) => Locations.Any(s => s.Code == code);

    /// <summary>The ranked rows at <paramref name="now"/>, at most <see cref="ScanRequest.Rows"/>.</summary>
    internal IReadOnlyList<ScanRow> Scan(ScanRequest r, DateTimeOffset now)
    {
        var location = Locations.First(l => l.Code == r.Location);
        var rows = new List<ScanRow>();
        foreach (var c in catalogue.All)
        {
            if (c.SecType != SecType.Stock || !InInstrument(c, r.Instrument) || (location.Primary is { } p && c.PrimaryExchange != p)) continue;
            var q = prices.GetQuote(c.ConId, now);
            var day = prices.GetDayStats(c.ConId, now);
            if (r.AbovePrice is { } above && q.Last <= above) continue;
            if (r.BelowPrice is { } below && q.Last >= below) continue;
            if (r.AboveVolume is { } volume && day.Volume <= volume) continue;
            if (r.AverageVolumeAbove is { } average && c.DailyVolume <= average) continue;
            var profile = CompanyProfile.Of(c, prices.Options.Seed)!;
            var capMillions = profile.MarketCap(q.Last) / 1_000_000m;
            if (r.MarketCapAbove is { } capAbove && capMillions <= capAbove) continue;
            if (r.MarketCapBelow is { } capBelow && capMillions >= capBelow) continue;
            if (Value(r.ScanCode, c, q, day, now) is { } value) rows.Add(new ScanRow(c, value));
        }
        var descending = r.ScanCode is not ("TOP_PERC_LOSE" or "TOP_OPEN_PERC_LOSE" or "LOW_OPT_IMP_VOLAT");
        var ordered = descending ? rows.OrderByDescending(x => x.Value) : rows.OrderBy(x => x.Value);
        return ordered.ThenBy(x => x.Contract.Symbol, StringComparer.Ordinal).Take(Math.Clamp(r.Rows, 1, MaxRows)).ToList();
    }

    private static bool InInstrument(ContractDefinition c, string instrument) => instrument switch
    {
        "STK" => true,
        "ETF.EQ.US" => CompanyProfile.IsEtf(c) && c.Category == "Equity Fund",
        "ETF.FI.US" => CompanyProfile.IsEtf(c) && c.Category == "Debt Fund",
        _ => false,
    };

    // The ranking value; null leaves the contract out (a gainers scan lists only gainers, as IB's does).
    private static double? Value(string scanCode, ContractDefinition c, Quote q, DayStats day, DateTimeOffset now)
    {
        double Change(decimal from) => from == 0 ? 0 : (double)((q.Last - from) / from * 100m);
        return scanCode switch
        {
            "TOP_PERC_GAIN" => Change(day.PreviousClose) is var g && g > 0 ? g : null,
            "TOP_PERC_LOSE" => Change(day.PreviousClose) is var l && l < 0 ? l : null,
            "TOP_OPEN_PERC_GAIN" => Change(day.Open) is var og && og > 0 ? og : null,
            "TOP_OPEN_PERC_LOSE" => Change(day.Open) is var ol && ol < 0 ? ol : null,
            "MOST_ACTIVE" => day.Volume > 0 ? (double)day.Volume : null,
            "MOST_ACTIVE_USD" => day.Volume > 0 ? (double)(day.Volume * q.Last) : null,
            "HOT_BY_VOLUME" => RelativeVolume(c, day, now),
            "HIGH_OPT_IMP_VOLAT" or "LOW_OPT_IMP_VOLAT" => VolSurface.AtTheMoney30Day(c.AnnualVolatility) * 100,
            _ => null,
        };
    }

    // Today's volume against what a typical day has traded by this time of the regular session.
    private static double? RelativeVolume(ContractDefinition c, DayStats day, DateTimeOffset now)
    {
        var session = TradingCalendar.CurrentOrNext(c.Session, now, liquidOnly: true);
        var start = session.Start <= now ? session : TradingCalendar.Previous(c.Session, now, liquidOnly: true);
        var elapsed = Math.Clamp((now - start.Start) / (start.End - start.Start), 0.01, 1);
        return day.Volume > 0 ? (double)day.Volume / (c.DailyVolume * elapsed) : null;
    }

    /// <summary>reqScannerParameters: IB's ScanParameterResponse document, limited to what this scanner serves.</summary>
    internal static string ParametersXml()
    {
        var instrumentCodes = string.Join(",", Instruments.Select(i => i.Code));
        var root = new XElement("ScanParameterResponse",
            new XElement("InstrumentList", new XAttribute("varName", "fullInstrumentList"),
                Instruments.Select(i => new XElement("Instrument",
                    new XElement("name", i.Name), new XElement("type", i.Code),
                    new XElement("filters", "priceAbove,priceBelow,volumeAbove,avgVolumeAbove,marketCapAbove1e6,marketCapBelow1e6,usdMarketCapAbove,usdMarketCapBelow"),
                    new XElement("group", i.Code.StartsWith("ETF", StringComparison.Ordinal) ? "ETF.GLOBAL" : "STK.GLOBAL"),
                    new XElement("shortName", i.Name)))),
            new XElement("LocationTree", new XAttribute("varName", "locationTree"),
                Instruments.Select(i => new XElement("Location",
                    new XElement("displayName", i.Name), new XElement("tree", "true"),
                    new XElement("locationCode", Locations.First(l => l.Instrument == i.Code).Code),
                    new XElement("instruments", i.Code), new XElement("routeExchange", "SMART"), new XElement("delayedOnly", "false"),
                    new XElement("access", "true"),
                    new XElement("LocationTree", Locations.Where(l => l.Instrument == i.Code).Skip(1).Select(l => new XElement("Location",
                        new XElement("displayName", l.Name), new XElement("locationCode", l.Code), new XElement("instruments", i.Code),
                        new XElement("routeExchange", "SMART"), new XElement("delayedOnly", "false"), new XElement("access", "true"))))))),
            new XElement("ScanTypeList", new XAttribute("varName", "scanTypeList"),
                ScanTypes.Select(s => new XElement("ScanType",
                    new XElement("displayName", s.Name), new XElement("scanCode", s.Code), new XElement("instruments", instrumentCodes),
                    new XElement("absoluteColumns", "false"), new XElement("supportsSorting", "true"),
                    new XElement("respSizeLimit", MaxRows.ToString(CultureInfo.InvariantCulture)),
                    new XElement("snapshotSizeLimit", MaxRows.ToString(CultureInfo.InvariantCulture)),
                    new XElement("delayedAvail", "true")))),
            new XElement("FilterList", new XAttribute("varName", "filterList"),
                RangeFilter("priceRange", "Price", "priceAbove", "priceBelow", "DoubleField"),
                RangeFilter("volume", "Volume", "volumeAbove", null, "IntField"),
                RangeFilter("avgVolume", "Average Volume", "avgVolumeAbove", null, "IntField"),
                RangeFilter("marketCap", "Market Cap (M)", "marketCapAbove1e6", "marketCapBelow1e6", "DoubleField"),
                RangeFilter("usdMarketCap", "Market Cap in USD (M)", "usdMarketCapAbove", "usdMarketCapBelow", "DoubleField")));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting);
    }

    private static XElement RangeFilter(string id, string category, string aboveCode, string? belowCode, string fieldType)
    {
        XElement Field(string code, string name) => new("AbstractField", new XAttribute("type", fieldType),
            new XElement("code", code), new XElement("displayName", name), new XElement("varName", code),
            new XElement("abbrev", name), new XElement("acceptNegative", "false"), new XElement("dontAllowClearAll", "false"));
        return new XElement("RangeFilter",
            new XElement("id", id), new XElement("category", category), new XElement("access", "unrestricted"),
            new XElement("Columns", new XAttribute("varName", "columns")),
            Field(aboveCode, $"{category} Above"),
            belowCode is null ? null : Field(belowCode, $"{category} Below"));
    }
}
