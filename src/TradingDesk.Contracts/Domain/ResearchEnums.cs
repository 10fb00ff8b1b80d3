namespace TradingDesk.Desk.Domain;

/// <summary>The Reuters fundamentals reports reqFundamentalData can ask for (wire spellings in <see cref="ResearchWireNames"/>).</summary>
public enum FundamentalsReport { ReportSnapshot, ReportsFinSummary, ReportsOwnership, Resc, CalendarReport }

/// <summary>What reqHistoricalTicks returns: trades (with their attributes), bid/ask quotes, or midpoints.</summary>
public enum HistoricalTicksKind { Trades, BidAsk, Midpoint }

/// <summary>newsMsgType of a news bulletin: 1 a regular bulletin, 2 an exchange no longer trading, 3 trading again.</summary>
public enum NewsBulletinType { Regular = 1, ExchangeUnavailable = 2, ExchangeAvailable = 3 }

/// <summary>articleType of a news article: 0 plain text or HTML, 1 binary (a PDF, base64 in the text).</summary>
public enum NewsArticleType { Text = 0, Binary = 1 }

/// <summary>IB's wire spellings of the research enums, both ways. An unknown spelling is an error, never a silent default.</summary>
public static class ResearchWireNames
{
    public static string Of(FundamentalsReport r) => r switch
    {
        FundamentalsReport.ReportSnapshot => "ReportSnapshot",
        FundamentalsReport.ReportsFinSummary => "ReportsFinSummary",
        FundamentalsReport.ReportsOwnership => "ReportsOwnership",
        FundamentalsReport.Resc => "RESC",
        FundamentalsReport.CalendarReport => "CalendarReport",
        _ => throw new ArgumentOutOfRangeException(nameof(r), r, null),
    };

    /// <summary>The report named by <paramref name="text"/> (its wire spelling, any case); null when none is.</summary>
    public static FundamentalsReport? ParseReport(string? text) =>
        Enum.GetValues<FundamentalsReport>().Cast<FundamentalsReport?>()
            .FirstOrDefault(r => string.Equals(Of(r!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Of(HistoricalTicksKind k) => k switch
    {
        HistoricalTicksKind.Trades => "TRADES",
        HistoricalTicksKind.BidAsk => "BID_ASK",
        HistoricalTicksKind.Midpoint => "MIDPOINT",
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, null),
    };

    /// <summary>The kind named by <paramref name="text"/> (TRADES, BID_ASK, MIDPOINT, any case); null when none is.</summary>
    public static HistoricalTicksKind? ParseTicksKind(string? text) =>
        Enum.GetValues<HistoricalTicksKind>().Cast<HistoricalTicksKind?>()
            .FirstOrDefault(k => string.Equals(Of(k!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
