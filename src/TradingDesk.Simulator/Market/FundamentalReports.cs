using System.Globalization;
using System.Xml.Linq;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>
/// reqFundamentalData's XML reports, shaped like IB's (Reuters/Refinitiv) documents: the root element and main
/// sections of ReportSnapshot, ReportsFinSummary, ReportsOwnership, RESC and CalendarReport, with figures from the
/// stock's <see cref="CompanyProfile"/> and the simulated price at the request time. Element names follow the
/// public samples of those reports; the documents are far smaller than IB's (UNCONFIRMED beyond the main sections).
/// </summary>
internal static class FundamentalReports
{
    internal static readonly string[] ReportTypes = ["ReportSnapshot", "ReportsFinSummary", "ReportsOwnership", "RESC", "CalendarReport"];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The report as XML text; null when it is not available for the contract (IB's 430).</summary>
    internal static string? Build(string reportType, CompanyProfile p, decimal price, DateTimeOffset now, long seed)
    {
        var etf = CompanyProfile.IsEtf(p.Stock);
        XElement? root = reportType switch
        {
            "ReportSnapshot" => Snapshot(p, price, now),
            "ReportsFinSummary" when !etf => FinSummary(p, now),
            "ReportsOwnership" => Ownership(p, now, seed),
            "RESC" when !etf => Estimates(p, now),
            "CalendarReport" when !etf => Calendar(p, now),
            _ => null,
        };
        if (root is null) return null;
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting);
    }

    private static string N(double v, int decimals = 2) => Math.Round(v, decimals).ToString("0.#####", Inv);
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static DateOnly EndOfMonth(DateOnly d) => new DateOnly(d.Year, d.Month, 1).AddMonths(1).AddDays(-1);

    private static DateOnly LastFiscalYearEnd(CompanyProfile p, DateOnly today)
    {
        var end = EndOfMonth(new DateOnly(today.Year, p.FiscalYearEndMonth, 1));
        return end >= today.AddDays(-45) ? end.AddYears(-1) : end;
    }

    private static XElement CoIds(CompanyProfile p) => new("CoIDs",
        new XElement("CoID", new XAttribute("Type", "RepNo"), $"A{p.Stock.ConId.Value % 100000:D5}"),
        new XElement("CoID", new XAttribute("Type", "CompanyName"), p.Stock.LongName),
        new XElement("CoID", new XAttribute("Type", "IRSNo"), $"{p.Stock.ConId.Value % 1000000000:D9}"),
        new XElement("CoID", new XAttribute("Type", "CIKNo"), $"{p.Stock.ConId.Value % 10000000000:D10}"));

    private static XElement Snapshot(CompanyProfile p, decimal price, DateTimeOffset now)
    {
        var s = p.Stock;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var cap = (double)p.MarketCap(price) / 1e6;
        return new XElement("ReportSnapshot", new XAttribute("Major", "1"), new XAttribute("Minor", "0"), new XAttribute("Revision", "1"),
            CoIds(p),
            new XElement("Issues", new XElement("Issue", new XAttribute("ID", "1"), new XAttribute("Type", "C"), new XAttribute("Desc", "Common Stock"), new XAttribute("Order", "1"),
                new XElement("IssueID", new XAttribute("Type", "Name"), "Ordinary Shares"),
                new XElement("IssueID", new XAttribute("Type", "Ticker"), s.Symbol),
                new XElement("Exchange", new XAttribute("Code", s.PrimaryExchange == "NASDAQ" ? "NASD" : s.PrimaryExchange), new XAttribute("Country", "USA"), s.PrimaryExchange))),
            new XElement("CoGeneralInfo",
                new XElement("CoStatus", new XAttribute("Code", "1"), "Active"),
                new XElement("CoType", new XAttribute("Code", CompanyProfile.IsEtf(s) ? "FND" : "EQU"), CompanyProfile.IsEtf(s) ? "Fund" : "Equity Issue"),
                new XElement("LastModified", D(today)),
                new XElement("Employees", new XAttribute("LastUpdated", D(today)), (p.SharesOutstanding / 50_000).ToString(Inv)),
                new XElement("SharesOut", new XAttribute("Date", D(today)), new XAttribute("TotalFloat", (p.SharesOutstanding * p.FloatFraction).ToString("0", Inv)), p.SharesOutstanding.ToString(Inv)),
                new XElement("ReportingCurrency", new XAttribute("Code", "USD"), "U.S. Dollars"),
                new XElement("MostRecentExchange", new XAttribute("Date", D(today)), "1.0")),
            new XElement("TextInfo",
                new XElement("Text", new XAttribute("Type", "Business Summary"), new XAttribute("lastModified", D(today)),
                    $"{s.LongName} operates in the {s.Category} industry ({s.Industry}). Its shares trade on {s.PrimaryExchange} under the symbol {s.Symbol}.")),
            new XElement("peerInfo", new XElement("IndustryInfo",
                new XElement("Industry", new XAttribute("type", "TRBC"), new XAttribute("order", "1"), new XAttribute("reported", "0"), s.Category))),
            new XElement("Ratios", new XAttribute("PriceCurrency", "USD"), new XAttribute("ReportingCurrency", "USD"), new XAttribute("ExchangeRate", "1.00000"), new XAttribute("LatestAvailableDate", D(today)),
                Group("Price and Volume", ("NPRICE", N((double)price)), ("NHIG", N((double)price * 1.25)), ("NLOW", N((double)price * 0.75)), ("VOL10DAVG", N(s.DailyVolume / 1e6, 5))),
                Group("Income Statement", ("MKTCAP", N(cap, 1)), ("TTMREV", N(p.RevenuePerShare * p.SharesOutstanding / 1e6, 1)), ("TTMEPSXCLX", N(p.Eps, 3))),
                Group("Per share data", ("AEPSNORM", N(p.Eps, 3)), ("TTMREVPS", N(p.RevenuePerShare, 3)), ("ADIVSHR", N(p.AnnualDividend, 3))),
                Group("Other Ratios", ("PEEXCLXOR", N((double)price / p.Eps, 3)), ("YIELD", N(p.AnnualDividend / (double)price * 100, 3)))),
            new XElement("ForecastData", new XAttribute("ConsRecom", "2.0"), new XAttribute("TargetPrice", N((double)price * 1.1)), new XAttribute("ProjEPS", N(p.Eps * 1.08, 3))));
    }

    private static XElement Group(string id, params (string Field, string Value)[] ratios) =>
        new("Group", new XAttribute("ID", id), ratios.Select(r => new XElement("Ratio", new XAttribute("FieldName", r.Field), new XAttribute("Type", "N"), r.Value)));

    private static XElement FinSummary(CompanyProfile p, DateTimeOffset now)
    {
        var yearEnd = LastFiscalYearEnd(p, DateOnly.FromDateTime(now.UtcDateTime));
        var quarters = Enumerable.Range(0, 4).Select(i => EndOfMonth(yearEnd.AddMonths(-3 * i))).ToList();
        XElement Series(string container, string item, Func<int, double> annual, Func<int, double> quarter, string period = "3M") =>
            new(container, new XAttribute("currency", "USD"),
                Enumerable.Range(0, 3).Select(y => new XElement(item, new XAttribute("asofDate", D(yearEnd.AddYears(-y))), new XAttribute("reportType", "A"), new XAttribute("period", "12M"), N(annual(y), 3)))
                    .Concat(quarters.Select((q, i) => new XElement(item, new XAttribute("asofDate", D(q)), new XAttribute("reportType", "R"), new XAttribute("period", period), N(quarter(i), 3)))));
        var growth = 1.07;
        return new XElement("FinancialSummary",
            Series("EPSs", "EPS", y => p.Eps / Math.Pow(growth, y), i => p.Eps / 4 / Math.Pow(growth, i / 4.0)),
            Series("DividendPerShares", "DividendPerShare", y => p.AnnualDividend / Math.Pow(growth, y), _ => p.AnnualDividend / 4),
            Series("TotalRevenues", "TotalRevenue", y => p.RevenuePerShare * p.SharesOutstanding / 1e6 / Math.Pow(growth, y), i => p.RevenuePerShare * p.SharesOutstanding / 4e6 / Math.Pow(growth, i / 4.0)),
            new XElement("Dividends", new XAttribute("currency", "USD"),
                quarters.Where(_ => p.AnnualDividend > 0).Select(q => new XElement("Dividend", new XAttribute("type", "CD"),
                    new XAttribute("exDate", D(q.AddDays(40))), new XAttribute("recordDate", D(q.AddDays(41))),
                    new XAttribute("payDate", D(q.AddDays(55))), new XAttribute("declarationDate", D(q.AddDays(30))), N(p.AnnualDividend / 4, 4)))));
    }

    private static readonly string[] Holders = ["Vanguard Group Inc", "BlackRock Institutional Trust Company, N.A.", "State Street Global Advisors (US)", "Fidelity Management & Research Company LLC", "Geode Capital Management, L.L.C.", "T. Rowe Price Associates, Inc.", "Capital Research Global Investors", "Northern Trust Investments, Inc."];

    private static XElement Ownership(CompanyProfile p, DateTimeOffset now, long seed)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var key = PathRandom.Key(seed, p.Stock.ConId.Value, 0x0E, 0, 0);
        var remaining = 0.6;
        var owners = new List<XElement>();
        for (var i = 0; i < Holders.Length; i++)
        {
            var fraction = remaining * (0.1 + 0.25 * PathRandom.Uniform(key, i));
            remaining -= fraction;
            owners.Add(new XElement("Owner", new XAttribute("ownerId", (400000 + i * 7919 + p.Stock.ConId.Value % 1000).ToString(Inv)),
                new XElement("type", "1"), new XElement("name", Holders[i]),
                new XElement("quantity", ((long)(p.SharesOutstanding * fraction)).ToString(Inv)), new XElement("currency", "USD"),
                new XElement("date", D(today.AddDays(-(int)(90 * PathRandom.Uniform(key, 100 + i)))))));
        }
        return new XElement("OwnershipDetails",
            new XElement("ISIN", Isin(p.Stock)),
            new XElement("floatShares", new XAttribute("asofDate", D(today)), ((long)(p.SharesOutstanding * p.FloatFraction)).ToString(Inv)),
            owners);
    }

    // A US ISIN-shaped identifier (US + 9 digits + check digit 0): made up, stable per conId.
    private static string Isin(ContractDefinition s) => $"US{s.ConId.Value % 1000000000:D9}0";

    private static XElement Estimates(CompanyProfile p, DateTimeOffset now)
    {
        var yearEnd = LastFiscalYearEnd(p, DateOnly.FromDateTime(now.UtcDateTime));
        XElement Period(int year, double mean) => new("FYPeriod", new XAttribute("fYear", year.ToString(Inv)), new XAttribute("endMonth", p.FiscalYearEndMonth.ToString(Inv)), new XAttribute("periodType", "A"),
            new XElement("ConsEstimate", new XAttribute("type", "High"), new XElement("ConsValue", new XAttribute("dateType", "CURR"), N(mean * 1.1, 3))),
            new XElement("ConsEstimate", new XAttribute("type", "Low"), new XElement("ConsValue", new XAttribute("dateType", "CURR"), N(mean * 0.9, 3))),
            new XElement("ConsEstimate", new XAttribute("type", "Mean"), new XElement("ConsValue", new XAttribute("dateType", "CURR"), N(mean, 3))),
            new XElement("ConsEstimate", new XAttribute("type", "NumOfEst"), new XElement("ConsValue", new XAttribute("dateType", "CURR"), "24")));
        return new XElement("REarnEstCons", new XAttribute("Version", "1"),
            new XElement("Company", CoIds(p)),
            new XElement("Actuals", new XElement("FYActuals",
                new XElement("FYActual", new XAttribute("type", "EPS"), new XAttribute("unit", "U"),
                    new XElement("FYPeriod", new XAttribute("fYear", yearEnd.Year.ToString(Inv)), new XAttribute("endMonth", p.FiscalYearEndMonth.ToString(Inv)), new XAttribute("periodType", "A"),
                        new XElement("ActValue", new XAttribute("updated", D(yearEnd.AddDays(30))), N(p.Eps, 3)))))),
            new XElement("ConsEstimates", new XElement("FYEstimates",
                new XElement("FYEstimate", new XAttribute("type", "EPS"), new XAttribute("unit", "U"),
                    Period(yearEnd.Year + 1, p.Eps * 1.08), Period(yearEnd.Year + 2, p.Eps * 1.08 * 1.08)))));
    }

    private static XElement Calendar(CompanyProfile p, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var yearEnd = LastFiscalYearEnd(p, today);
        // Earnings come about four weeks after each fiscal quarter end: the next one after today.
        var quarterEnd = yearEnd;
        while (quarterEnd.AddDays(28) < today) quarterEnd = EndOfMonth(quarterEnd.AddMonths(3));
        var quarter = (quarterEnd.Month - p.FiscalYearEndMonth + 12) % 12 / 3;
        var earnings = quarterEnd.AddDays(28);
        return new XElement("CalendarReport",
            new XElement("Company", new XElement("Ticker", p.Stock.Symbol), new XElement("CompanyName", p.Stock.LongName)),
            new XElement("EarningsList", new XElement("Earnings",
                new XElement("Period", $"Q{(quarter == 0 ? 4 : quarter)}"),
                new XElement("EndDate", D(quarterEnd)), new XElement("Date", D(earnings)), new XElement("Time", "After Market"))));
    }
}
