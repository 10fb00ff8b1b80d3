namespace TradingDesk.Protocol.Tests.TickHistory;

/// <summary>
/// Frames CONSTRUCTED in captured-vectors notation from IB's field order (IBPY client.py / decoder.py); no capture of
/// these messages exists in the fact sheet. Values are plausible AAPL data, not recorded ones.
/// </summary>
internal static class TickHistoryVectors
{
    /// <summary>reqHistoricalTicks 96 for 100 TRADES ticks from a start time, regular hours only.</summary>
    public const string ReqHistoricalTicks =
        @"96\09001\0265598\0AAPL\0STK\0\0\0\0\0SMART\0\0USD\0\0\00\020261113 09:30:00 US/Eastern\0\0100\0TRADES\01\00\0\0";

    /// <summary>The same request with ignoreSize set and one miscOptions entry.</summary>
    public const string ReqHistoricalTicksBidAsk =
        @"96\09002\00\0EUR\0CASH\0\0\0\0\0IDEALPRO\0\0USD\0\0\00\0\020261113 16:00:00 US/Eastern\01000\0BID_ASK\00\01\0XYZ=1;\0";

    /// <summary>historicalTicksLast 98: two trades, the second unreported (mask 2), then done.</summary>
    public const string HistoricalTicksLast =
        @"98\09001\02\01762871400\00\0187.25\0100\0NASDAQ\0\01762871401\02\0187.26\05\0FINRA\0 I\01\0";

    /// <summary>historicalTicksBidAsk 97: one quote with mask 1 (askPastHigh), not done.</summary>
    public const string HistoricalTicksBidAsk =
        @"97\09002\01\01762871400\01\01.0841\01.0842\01000000\02000000\00\0";

    /// <summary>historicalTicks 96 (MIDPOINT): one tick; the field after the time is unused.</summary>
    public const string HistoricalTicksMidpoint = @"96\09003\01\01762871400\00\0187.255\00\01\0";

    public const string ReqHistogramData = @"88\09004\0265598\0AAPL\0STK\0\0\0\0\0SMART\0\0USD\0\0\00\01\03 days\0";

    public const string CancelHistogramData = @"89\09004\0";

    public const string HistogramData = @"89\09004\02\0187.5\01200\0188\0300.5\0";

    public const string HistoricalSchedule =
        @"106\09005\020261113-09:30:00\020261114-16:00:00\0US/Eastern\02\0" +
        @"20261113-09:30:00\020261113-16:00:00\020261113\020261114-09:30:00\020261114-16:00:00\020261114\0";
}
