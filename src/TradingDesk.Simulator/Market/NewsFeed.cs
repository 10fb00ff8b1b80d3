using System.Globalization;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>One headline of the simulated feed.</summary>
internal sealed record NewsItem(DateTimeOffset Time, string Provider, ContractDefinition Stock, string ArticleId, string Headline, double ChangePercent);

/// <summary>One exchange bulletin (newsBulletins): type 1 a regular bulletin, 2 exchange unavailable, 3 available again.</summary>
internal sealed record Bulletin(int Id, DateTimeOffset Time, int Type, string Message, string Exchange);

/// <summary>
/// A deterministic news feed: every stock gets one headline in every 15-minute slot, at a time, from a provider and in
/// a wording drawn from the seed, about the stock's simulated move since the previous close at that time; exchange
/// bulletins come one per 30-minute slot. Everything is a function of (seed, conId, slot), so historical news, news
/// ticks and articles agree, and an article id names its stock and slot.
/// </summary>
internal sealed class NewsFeed(PriceEngine prices)
{
    internal const int SlotSeconds = 900;
    internal const int BulletinSlotSeconds = 1800;

    /// <summary>reqNewsProviders: the providers a paper account gets without a subscription (codes as IB lists them).</summary>
    internal static readonly IReadOnlyList<(string Code, string Name)> Providers =
    [
        ("BRFG", "Briefing.com General Market Columns"),
        ("BRFUPDN", "Briefing.com Analyst Actions"),
        ("DJNL", "Dow Jones Newsletters"),
    ];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static bool IsProvider(string code) => Providers.Any(p => p.Code == code);

    /// <summary>The headline of a stock's slot (every slot has one).</summary>
    internal NewsItem ItemAt(ContractDefinition stock, long slot)
    {
        var (key, time, provider) = Draw(stock, slot);
        var last = prices.LastPrice(stock.ConId, time);
        var previous = prices.GetDayStats(stock.ConId, time).PreviousClose;
        var change = previous == 0 ? 0 : (double)((last - previous) / previous * 100m);
        var headline = Headline(provider, stock, last, change, PathRandom.Uniform(key, 2));
        return new NewsItem(time, provider, stock, ArticleIdOf(provider, stock, slot), headline, change);
    }

    // The slot's time and provider come before any price is read, so a news tick's pass over a quarter-hour
    // without a headline of its own costs no price lookups.
    private (ulong Key, DateTimeOffset Time, string Provider) Draw(ContractDefinition stock, long slot)
    {
        var key = PathRandom.Key(prices.Options.Seed, stock.ConId.Value, 0x4E57, (ulong)slot, 0);
        var time = DateTimeOffset.FromUnixTimeSeconds(slot * SlotSeconds + (long)(PathRandom.Uniform(key, 0) * (SlotSeconds - 1)));
        return (key, time, Providers[(int)(PathRandom.Uniform(key, 1) * Providers.Count)].Code);
    }

    /// <summary>Headlines of a stock from the given providers with times in (after, upTo], newest first.</summary>
    internal IEnumerable<NewsItem> Between(ContractDefinition stock, IReadOnlySet<string> providers, DateTimeOffset after, DateTimeOffset upTo)
    {
        if (stock.SecType != SecType.Stock || upTo <= after) yield break;
        var floor = Math.Max(after.ToUnixTimeSeconds(), prices.ModelStart.ToUnixTimeSeconds() + 86400);
        for (var slot = upTo.ToUnixTimeSeconds() / SlotSeconds; slot * SlotSeconds + SlotSeconds > floor; slot--)
        {
            var (_, time, provider) = Draw(stock, slot);
            if (time > upTo || time <= after || !providers.Contains(provider)) continue;
            yield return ItemAt(stock, slot);
        }
    }

    /// <summary>
    /// BroadTape: every headline of one provider across <paramref name="stocks"/> with times in (after, upTo], oldest
    /// first (ties by symbol), as a provider's whole-feed subscription streams them.
    /// </summary>
    internal IEnumerable<NewsItem> TapeBetween(IEnumerable<ContractDefinition> stocks, string provider, DateTimeOffset after, DateTimeOffset upTo)
    {
        var only = new HashSet<string> { provider };
        return stocks.SelectMany(s => Between(s, only, after, upTo))
            .OrderBy(i => i.Time).ThenBy(i => i.Stock.Symbol, StringComparer.Ordinal).ToList();
    }

    /// <summary>The article an id names, or null when no such headline exists (IB's 10172).</summary>
    internal (NewsItem Item, string Body)? Article(InstrumentCatalogue catalogue, string provider, string articleId, DateTimeOffset now)
    {
        var parts = articleId.Split('$');
        if (parts.Length != 2 || parts[0] != provider || parts[1].Length != 16) return null;
        if (!int.TryParse(parts[1][..8], NumberStyles.HexNumber, Inv, out var conId)
            || !long.TryParse(parts[1][8..], NumberStyles.HexNumber, Inv, out var slot)) return null;
        if (!catalogue.TryGet(new ConId(conId), out var stock) || stock.SecType != SecType.Stock) return null;
        if (slot * SlotSeconds < prices.ModelStart.ToUnixTimeSeconds() + 86400 || slot * SlotSeconds > now.ToUnixTimeSeconds()) return null;
        var item = ItemAt(stock, slot);
        if (item.Provider != provider || item.Time > now) return null;
        return (item, Body(item));
    }

    private static string ArticleIdOf(string provider, ContractDefinition stock, long slot) =>
        string.Create(Inv, $"{provider}${stock.ConId.Value:x8}{slot:x8}");

    private static string Headline(string provider, ContractDefinition s, decimal last, double change, double u)
    {
        var price = last.ToString("0.00", Inv);
        var pct = Math.Abs(change).ToString("0.0", Inv);
        var move = change switch
        {
            >= 2 => u < 0.5 ? $"rallies {pct}% to {price}" : $"surges {pct}% to ${price}",
            >= 0.25 => u < 0.5 ? $"edges {pct}% higher to {price}" : $"gains {pct}% at {price}",
            <= -2 => u < 0.5 ? $"tumbles {pct}% to {price}" : $"sinks {pct}% to ${price}",
            <= -0.25 => u < 0.5 ? $"slips {pct}% to {price}" : $"eases {pct}% at {price}",
            _ => $"little changed near {price}",
        };
        return provider switch
        {
            "BRFUPDN" => $"{s.Symbol} {s.LongName}: {(change >= 0 ? (u < 0.5 ? "upgraded to Buy" : "target raised") : (u < 0.5 ? "downgraded to Hold" : "target lowered"))} as the stock {move}",
            "DJNL" => $"{s.LongName} {move}: {s.Category} names in focus",
            _ => $"{s.Symbol} {move}",
        };
    }

    private string Body(NewsItem item)
    {
        var s = item.Stock;
        var day = prices.GetDayStats(s.ConId, item.Time);
        string P(decimal d) => d.ToString("0.00", Inv);
        return $"{item.Headline}\n\n{s.LongName} ({s.Symbol}, {s.PrimaryExchange}) traded at {P(prices.LastPrice(s.ConId, item.Time))} at "
               + $"{item.Time.UtcDateTime:yyyy-MM-dd HH:mm} UTC, {(item.ChangePercent >= 0 ? "up" : "down")} {Math.Abs(item.ChangePercent).ToString("0.00", Inv)}% "
               + $"from the previous close of {P(day.PreviousClose)}. The session opened at {P(day.Open)}, with a high of {P(day.High)} and a low of "
               + $"{P(day.Low)} on volume of {day.Volume.ToString("0", Inv)} shares so far.\n\nThe {s.Category} group ({s.Industry}) is being watched for follow-through.";
    }

    private static readonly string[] Venues = ["NYSE", "NASDAQ", "ARCA", "BATS", "IEX", "CBOE", "AMEX"];

    /// <summary>The bulletin of a 30-minute slot (every slot has one).</summary>
    internal Bulletin BulletinAt(long slot)
    {
        var key = PathRandom.Key(prices.Options.Seed, 0, 0xB0, (ulong)slot, 0);
        var time = DateTimeOffset.FromUnixTimeSeconds(slot * BulletinSlotSeconds + (long)(PathRandom.Uniform(key, 0) * (BulletinSlotSeconds - 1)));
        var venue = Venues[(int)(PathRandom.Uniform(key, 1) * Venues.Length)];
        var kind = PathRandom.Uniform(key, 2);
        var (type, text) = kind switch
        {
            < 0.08 => (2, $"{venue} is experiencing technical difficulties; orders routed to {venue} may be rejected."),
            < 0.16 => (3, $"{venue} has resumed normal operations."),
            _ => (1, $"{venue} notice: {(kind < 0.6 ? "trading in a listed security has been halted pending news" : "a listed security has resumed trading")}."),
        };
        return new Bulletin((int)slot, time, type, text, venue);
    }

    /// <summary>Bulletins with times in (after, upTo], oldest first.</summary>
    internal IEnumerable<Bulletin> BulletinsBetween(DateTimeOffset after, DateTimeOffset upTo)
    {
        for (var slot = after.ToUnixTimeSeconds() / BulletinSlotSeconds; slot * BulletinSlotSeconds <= upTo.ToUnixTimeSeconds(); slot++)
        {
            var b = BulletinAt(slot);
            if (b.Time > after && b.Time <= upTo) yield return b;
        }
    }
}
