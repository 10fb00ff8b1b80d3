using System.Collections.Concurrent;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>
/// Deterministic prices for every catalogue instrument: a geometric random walk per instrument whose value at
/// any second is a pure function of (seed, anchor, conId, second) — see <see cref="PricePath"/>. Quotes, day
/// statistics, depth, real-time bars and historical bars all read the same path, so they agree with each other.
/// Options are priced with Black–Scholes from their underlying's path. Thread-safe (immutable apart from a cache).
/// </summary>
public sealed partial class PriceEngine
{
    private const double SecondsPerYear = 365.25 * 86400;
    private readonly ConcurrentDictionary<ConId, PricePath> _paths = new();

    public PriceEngine(InstrumentCatalogue catalogue, PriceModelOptions options)
    {
        Catalogue = catalogue;
        Options = options;
    }

    public InstrumentCatalogue Catalogue { get; }
    public PriceModelOptions Options { get; }

    /// <summary>Earliest and latest instants the model covers.</summary>
    public DateTimeOffset ModelStart => Options.Anchor - TimeSpan.FromSeconds(PricePath.Horizon);
    public DateTimeOffset ModelEnd => Options.Anchor + TimeSpan.FromSeconds(PricePath.Horizon);

    /// <summary>Seconds since the anchor, rounded down (the quote changes on whole seconds).</summary>
    internal long SecondOf(DateTimeOffset t)
    {
        var ticks = (t - Options.Anchor).Ticks;
        return ticks >= 0 ? ticks / TimeSpan.TicksPerSecond : -((-ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond);
    }

    internal DateTimeOffset InstantOf(long second) => Options.Anchor + TimeSpan.FromSeconds(second);

    /// <summary>Top of book and last at <paramref name="t"/>.</summary>
    /// <remarks>
    /// Outside trading hours the market is quiet: the quote stays at the last session's close, and the path's
    /// overnight move shows as a gap when trading resumes. <see cref="Quote.Time"/> is the time of the price.
    /// </remarks>
    public Quote GetQuote(ConId conId, DateTimeOffset t)
    {
        var c = Catalogue.Get(conId);
        var second = SecondOf(TradingCalendar.IsOpen(c.Session, t, liquidOnly: false)
            ? t : TradingCalendar.Previous(c.Session, t, liquidOnly: false).End);
        var mid = MidAt(c, second);
        var (bid, ask) = BidAsk(c, mid);
        var last = Math.Clamp(ToTick(c, mid), bid, ask);
        return new Quote(conId, InstantOf(second), bid, ask, last,
            Size(c, second, 1), Size(c, second, 2), Size(c, second, 3));
    }

    /// <summary>The last trade price at <paramref name="t"/> (the path rounded to the tick).</summary>
    public decimal LastPrice(ConId conId, DateTimeOffset t) => GetQuote(conId, t).Last;

    /// <summary>
    /// An L2 book: <paramref name="levels"/> price levels each side, one tick apart, from the quote outwards, each
    /// attributed to a venue (IB's marketMaker field for SMART depth).
    /// </summary>
    public DepthBook GetDepth(ConId conId, DateTimeOffset t, int levels)
    {
        var c = Catalogue.Get(conId);
        var q = GetQuote(conId, t);
        var second = SecondOf(q.Time);
        var bids = new List<DepthLevel>(levels);
        var asks = new List<DepthLevel>(levels);
        for (var i = 0; i < levels; i++)
        {
            var bidPrice = q.Bid - i * c.MinTick;
            if (bidPrice > 0) bids.Add(new DepthLevel(BookSide.Bid, i, bidPrice, i == 0 ? q.BidSize : Size(c, second, 100 + i), Venue(c, second, 100 + i)));
            asks.Add(new DepthLevel(BookSide.Ask, i, q.Ask + i * c.MinTick, i == 0 ? q.AskSize : Size(c, second, 200 + i), Venue(c, second, 200 + i)));
        }
        return new DepthBook(conId, q.Time, bids, asks);
    }

    /// <summary>Today's open/high/low/volume so far and the previous close, per the contract's calendar.</summary>
    public DayStats GetDayStats(ConId conId, DateTimeOffset t)
    {
        var c = Catalogue.Get(conId);
        var liquid = DayUsesLiquidHours(c);
        var current = TradingCalendar.CurrentOrNext(c.Session, t, liquid);
        var day = current.Start <= t ? current : TradingCalendar.Previous(c.Session, t, liquid);
        var previous = TradingCalendar.Previous(c.Session, day.Start, liquid);
        var end = t < day.End ? t : day.End;
        var to = Math.Max(SecondOf(end), SecondOf(day.Start) + 1);
        var s = RawStats(c, SecondOf(day.Start), to);
        return new DayStats(conId, day.TradingDate, ToTick(c, s.Open), ToTick(c, s.High), ToTick(c, s.Low),
            s.Volume, ToTick(c, MidAt(c, SecondOf(previous.End))));
    }

    /// <summary>The closing price of the session that ends at <paramref name="sessionEnd"/> (for MOC / LOC).</summary>
    public decimal ClosePrice(ConId conId, DateTimeOffset sessionEnd)
    {
        var c = Catalogue.Get(conId);
        return ToTick(c, MidAt(c, SecondOf(sessionEnd)));
    }

    /// <summary>
    /// The earliest instant with data (reqHeadTimestamp): the model's start, or for futures and options about
    /// fifteen months before expiry, when such contracts start trading.
    /// </summary>
    public DateTimeOffset HeadTimestamp(ConId conId)
    {
        var c = Catalogue.Get(conId);
        if (c.LastTradeDate is not { } expiry) return ModelStart;
        var listed = TradingCalendar.ZoneOf(c.Session).ToInstant(expiry.AddMonths(-15), new TimeOnly(9, 30));
        return listed > ModelStart ? listed : ModelStart;
    }

    internal static bool DayUsesLiquidHours(ContractDefinition c) =>
        c.Session is SessionKind.UsEquity or SessionKind.UsEquityOption;

    internal readonly record struct RawBar(double Open, double High, double Low, double Close, long Volume);

    /// <summary>Prices (unrounded) over seconds [from, to] and volume over [from, to).</summary>
    internal RawBar RawStats(ContractDefinition c, long from, long to)
    {
        if (c.SecType == SecType.Option) return OptionStats(c, from, to);
        var s = PathStats(c, from, to);
        return new RawBar(ToPrice(c, s.Open), ToPrice(c, s.Hi), ToPrice(c, s.Lo), ToPrice(c, s.Close), s.Volume);
    }

    internal double MidAt(ContractDefinition c, long second)
    {
        if (c.SecType == SecType.Option)
        {
            var u = Catalogue.Get(c.UnderlyingConId!.Value);
            return OptionValue(c, MidAt(u, second), second);
        }
        return ToPrice(c, PointW(c, second));
    }

    internal (decimal Bid, decimal Ask) BidAsk(ContractDefinition c, double mid)
    {
        var tick = (double)c.MinTick;
        var bidTicks = Math.Max(1L, (long)Math.Floor(mid / tick - c.SpreadTicks / 2.0));
        return (bidTicks * c.MinTick, (bidTicks + c.SpreadTicks) * c.MinTick);
    }

    internal static decimal ToTick(ContractDefinition c, double price) =>
        Math.Max(1L, (long)Math.Round(price / (double)c.MinTick, MidpointRounding.AwayFromZero)) * c.MinTick;

    private decimal Size(ContractDefinition c, long second, int salt)
    {
        var key = PathRandom.Key(Options.Seed, c.ConId.Value, 0x512E, (ulong)second, (ulong)salt);
        var steps = c.SecType == SecType.Cash ? 10 : c.SecType == SecType.Stock ? 20 : 50;
        return c.LotSize * (1 + (long)(PathRandom.Uniform(key, 0) * steps));
    }

    private static readonly string[] StockVenues = ["NSDQ", "ARCA", "BATS", "EDGX", "IEX", "NYSE", "MEMX", "BYX"];

    private string Venue(ContractDefinition c, long second, int salt)
    {
        if (c.SecType != SecType.Stock) return c.Exchange;
        var key = PathRandom.Key(Options.Seed, c.ConId.Value, 0x7E, (ulong)second, (ulong)salt);
        return StockVenues[(int)(PathRandom.Uniform(key, 0) * StockVenues.Length)];
    }

    private PricePath PathOf(ContractDefinition c) => _paths.GetOrAdd(c.ConId, _ =>
    {
        var sessionSeconds = c.Session is SessionKind.UsEquity or SessionKind.UsEquityOption ? 23_400.0 : 82_800.0;
        return new PricePath(Options.Seed, c.ConId.Value, c.DailyVolume / sessionSeconds);
    });

    private double ToPrice(ContractDefinition c, double w) =>
        (double)c.ReferencePrice * Math.Exp(c.AnnualVolatility / Math.Sqrt(SecondsPerYear) * w);

    private void CheckRange(long second)
    {
        if (Math.Abs(second) > PricePath.Horizon)
            throw new ArgumentOutOfRangeException(nameof(second), $"outside the price model ({ModelStart:O} to {ModelEnd:O})");
    }

    private double PointW(ContractDefinition c, long second)
    {
        CheckRange(second);
        return second >= 0 ? PathOf(c).Point(0, second) : PathOf(c).Point(1, -second);
    }

    /// <summary>Path stats in Brownian units over absolute seconds [from, to], crossing the anchor if need be.</summary>
    private PricePath.Stats PathStats(ContractDefinition c, long from, long to)
    {
        CheckRange(from);
        CheckRange(to);
        if (to <= from) throw new ArgumentException("empty interval");
        var path = PathOf(c);
        if (from >= 0) return path.Range(0, from, to);
        // The backward side runs from the anchor into the past: offsets are negated seconds, open and close swap.
        if (to <= 0)
        {
            var b = path.Range(1, -to, -from);
            return new PricePath.Stats(b.Close, b.Open, b.Hi, b.Lo, b.Volume);
        }
        var back = path.Range(1, 0, -from);
        var fwd = path.Range(0, 0, to);
        return new PricePath.Stats(back.Close, fwd.Close, Math.Max(back.Hi, fwd.Hi), Math.Min(back.Lo, fwd.Lo), back.Volume + fwd.Volume);
    }
}
