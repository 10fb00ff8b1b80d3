using IBApi.protobuf;

namespace TradingDesk.Protocol.Tests.TickHistory;

/// <summary>Builds the repeated items of this family's replies from optional generated values (null = unset).</summary>
internal static class TickHistoryGens
{
    public static HistoricalTick Midpoint(long? time, double? price, string? size)
    {
        var t = new HistoricalTick();
        if (time is { } tm) t.Time = tm;
        if (price is { } p) t.Price = p;
        if (size is not null) t.Size = size;
        return t;
    }

    public static HistoricalTickBidAsk BidAsk(long? time, int? mask, double? bid, double? ask, string? bidSize, string? askSize)
    {
        var t = new HistoricalTickBidAsk();
        if (time is { } tm) t.Time = tm;
        // The text mask always sets both flags, so a generated attribute sets both too.
        if (mask is { } mk) t.TickAttribBidAsk = new TickAttribBidAsk { AskPastHigh = (mk & 1) != 0, BidPastLow = (mk & 2) != 0 };
        if (bid is { } b) t.PriceBid = b;
        if (ask is { } a) t.PriceAsk = a;
        if (bidSize is not null) t.SizeBid = bidSize;
        if (askSize is not null) t.SizeAsk = askSize;
        return t;
    }

    public static HistoricalTickLast Last(long? time, int? mask, double? price, string? size, string? exchange, string? conditions)
    {
        var t = new HistoricalTickLast();
        if (time is { } tm) t.Time = tm;
        if (mask is { } mk) t.TickAttribLast = new TickAttribLast { PastLimit = (mk & 1) != 0, Unreported = (mk & 2) != 0 };
        if (price is { } p) t.Price = p;
        if (size is not null) t.Size = size;
        if (exchange is not null) t.Exchange = exchange;
        if (conditions is not null) t.SpecialConditions = conditions;
        return t;
    }

    public static HistogramDataEntry Entry(double? price, string? size)
    {
        var e = new HistogramDataEntry();
        if (price is { } p) e.Price = p;
        if (size is not null) e.Size = size;
        return e;
    }

    public static HistoricalSession Session(string? start, string? end, string? refDate)
    {
        var s = new HistoricalSession();
        if (start is not null) s.StartDateTime = start;
        if (end is not null) s.EndDateTime = end;
        if (refDate is not null) s.RefDate = refDate;
        return s;
    }
}
