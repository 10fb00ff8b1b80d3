using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>IB's whatToShow for reqHistoricalTicks: TRADES, BID_ASK or MIDPOINT.</summary>
public enum TickKind
{
    Trades,
    BidAsk,
    Midpoint,
}

/// <summary>
/// A parsed reqHistoricalTicks: exactly one of <see cref="Start"/> (the first ticks at or after it) and
/// <see cref="End"/> (the last ticks at or before it); <see cref="Count"/> is already capped at IB's 1000.
/// </summary>
public sealed record TickHistoryQuery(
    ConId ConId, DateTimeOffset? Start, DateTimeOffset? End, int Count, TickKind Kind, bool UseRth, bool IgnoreSize);

/// <summary>
/// One historical tick, at whole-second resolution (the path's resolution). For TRADES: Price, Size, Exchange and
/// Unreported; for BID_ASK: Bid, Ask and their sizes; for MIDPOINT: Price (size 0).
/// </summary>
public sealed record HistoricalTickPoint(
    DateTimeOffset Time, decimal Price, decimal Size, decimal Bid, decimal Ask, decimal BidSize, decimal AskSize,
    string Exchange = "", bool Unreported = false);

public sealed partial class PriceEngine
{
    /// <summary>IB's cap on numberOfTicks.</summary>
    public const int MaxHistoricalTicks = 1000;

    /// <summary>
    /// Historical ticks from one trading session, as IB serves them ("data will not be returned from multiple
    /// trading sessions in a single request"): with a start, the session containing it or the next one, read
    /// forward; with an end, the session containing it or the last one before, read backward. Ticks come in time
    /// order and never later than <paramref name="now"/>. A TRADES tick is a second with traded volume, at the
    /// last price, sized by that second's volume; a BID_ASK tick is a second whose quote differs from the
    /// second before (prices only with ignoreSize); a MIDPOINT tick a second whose midpoint differs.
    /// </summary>
    public IReadOnlyList<HistoricalTickPoint> GetHistoricalTicks(TickHistoryQuery request, DateTimeOffset now)
    {
        var c = Catalogue.Get(request.ConId);
        var liquid = request.UseRth;
        var head = HeadTimestamp(c.ConId);
        var latest = now < ModelEnd ? now : ModelEnd;
        var ticks = new List<HistoricalTickPoint>();
        if (request.Start is { } start)
        {
            if (start > latest) return ticks;
            if (start < head) start = head;
            var session = TradingCalendar.CurrentOrNext(c.Session, start, liquid);
            var from = SecondOf(start > session.Start ? start : session.Start);
            var to = SecondOf(session.End < latest ? session.End : latest);
            for (var s = from; s < to && ticks.Count < request.Count; s++)
                if (TickAt(c, request, s, SecondOf(session.Start)) is { } t) ticks.Add(t);
            return ticks;
        }
        var end = request.End!.Value < latest ? request.End.Value : latest;
        var last = TradingCalendar.SessionAt(c.Session, end, liquid) ?? TradingCalendar.Previous(c.Session, end, liquid);
        var first = SecondOf(last.Start > head ? last.Start : head);
        // The tick stamped with second s happened within [s, s + 1): one at the end instant itself is included.
        for (var s = SecondOf(end < last.End ? end : last.End - TimeSpan.FromSeconds(1)); s >= first && ticks.Count < request.Count; s--)
            if (TickAt(c, request, s, SecondOf(last.Start)) is { } t) ticks.Add(t);
        ticks.Reverse();
        return ticks;
    }

    private HistoricalTickPoint? TickAt(ContractDefinition c, TickHistoryQuery r, long s, long sessionStart)
    {
        var (bid, ask) = BidAsk(c, MidAt(c, s));
        var time = InstantOf(s);
        switch (r.Kind)
        {
            case TickKind.Trades:
                var volume = RawStats(c, s, s + 1).Volume;
                if (volume <= 0) return null;
                var price = Math.Clamp(ToTick(c, MidAt(c, s)), bid, ask);
                // IB flags odd lots as unreported: a stock print below the 100-share round lot.
                var unreported = c.SecType == SecType.Stock && volume < 100;
                return new HistoricalTickPoint(time, price, volume, 0, 0, 0, 0, Venue(c, s, 300), unreported);
            case TickKind.BidAsk:
                var (bidSize, askSize) = (Size(c, s, 1), Size(c, s, 2));
                if (s > sessionStart)
                {
                    var (pb, pa) = BidAsk(c, MidAt(c, s - 1));
                    var samePrices = pb == bid && pa == ask;
                    if (samePrices && (r.IgnoreSize || (Size(c, s - 1, 1) == bidSize && Size(c, s - 1, 2) == askSize))) return null;
                }
                return new HistoricalTickPoint(time, 0, 0, bid, ask, bidSize, askSize);
            default:
                var mid = (bid + ask) / 2m;
                if (s > sessionStart)
                {
                    var (pb, pa) = BidAsk(c, MidAt(c, s - 1));
                    if ((pb + pa) / 2m == mid) return null;
                }
                return new HistoricalTickPoint(time, mid, 0, 0, 0, 0, 0);
        }
    }
}
