using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Market scanners. <see cref="GetScannerParameters"/> is a one-shot; <see cref="SubscribeScanner"/> is a stream like
/// market data (answered with <see cref="SubscriptionMessages.Subscribed"/>, shared between identical subscriptions,
/// cancelled when its last subscriber leaves or stops). Bad input is refused with InvalidRequest before anything is
/// sent; a scan code the gateway does not know ends the subscription with its GatewayError. IB runs at most 10 scans
/// at a time per connection: an 11th distinct one is refused with <see cref="ScannerLimitReached"/>.
/// </summary>
public static class ScannerMessages
{
    /// <summary>
    /// The gateway's scanner parameters (reqScannerParameters): the XML listing instruments, locations, scan codes and
    /// filters. No request id on the wire: concurrent askers are served one at a time. Reply: <see cref="ScannerParametersXml"/>.
    /// </summary>
    public sealed record GetScannerParameters : IDeskCommand;

    /// <summary>Reply to <see cref="GetScannerParameters"/>, the XML as the gateway sent it.</summary>
    public sealed record ScannerParametersXml(string Xml, DateTimeOffset LocalTime);

    /// <summary>
    /// What to scan: <see cref="ScanCode"/> (e.g. TOP_PERC_GAIN), <see cref="Instrument"/> (STK), <see cref="LocationCode"/>
    /// (STK.US.MAJOR), up to <see cref="Rows"/> rows (IB sends at most 50), and the classic price / volume / market-cap
    /// bounds. Any other filter goes in <see cref="SubscribeScanner.Filters"/>.
    /// </summary>
    public sealed record ScannerSpec
    {
        public required string ScanCode { get; init; }
        public string Instrument { get; init; } = "STK";
        public string LocationCode { get; init; } = "STK.US.MAJOR";
        public int Rows { get; init; } = 50;
        public decimal? AbovePrice { get; init; }
        public decimal? BelowPrice { get; init; }
        public long? AboveVolume { get; init; }
        public decimal? MarketCapAbove { get; init; }
        public decimal? MarketCapBelow { get; init; }
        public string? StockTypeFilter { get; init; }
    }

    /// <summary>One scanner filter tag and its value (a filter of the parameters XML, e.g. priceAbove=5).</summary>
    public sealed record ScannerFilter(string Tag, string Value);

    /// <summary>
    /// A scanner subscription (reqScannerSubscription). Items: <see cref="ScannerResults"/>, each a full ranked result
    /// set that replaces the previous one. Two subscriptions with the same spec and the same filters (in any order)
    /// share one gateway scanner.
    /// </summary>
    public sealed record SubscribeScanner(ScannerSpec Subscription, IReadOnlyList<ScannerFilter> Filters) : IDeskCommand;

    /// <summary>One scannerData message: the whole result set, ranked from 0.</summary>
    public sealed record ScannerResults(SubscriptionId Subscription, IReadOnlyList<ScannerRow> Rows, DateTimeOffset LocalTime);

    /// <summary>
    /// One ranked row. <paramref name="Distance"/>, <paramref name="Benchmark"/>, <paramref name="Projection"/> are IB's
    /// free text (often empty); <paramref name="Legs"/> is the combo legs text for combo results.
    /// </summary>
    public sealed record ScannerRow(int Rank, ContractSpec Contract, ConId ConId, string MarketName, string Distance, string Benchmark,
        string Projection, string Legs);
}

/// <summary>
/// A <see cref="ScannerMessages.SubscribeScanner"/> refused because IB runs at most <paramref name="Limit"/> API scanner
/// subscriptions per connection at a time. When the desk refused it (nothing was sent), <paramref name="Running"/> names
/// the distinct scans holding the slots (identical subscriptions share one, so they count once); when the gateway
/// refused it (error 162, e.g. a line the desk had just cancelled still counted there), <paramref name="GatewayMessage"/>
/// is the gateway's text and <paramref name="Running"/> is empty. Unsubscribe one scan (or let one end) and subscribe again.
/// </summary>
public sealed record ScannerLimitReached(int Limit, IReadOnlyList<string> Running, string? GatewayMessage = null)
    : DeskFailure(Describe(Limit, Running, GatewayMessage))
{
    private static string Describe(int limit, IReadOnlyList<string> running, string? gatewayMessage) => gatewayMessage is null
        ? $"the gateway allows {limit} scanner subscriptions at a time; {running.Count} are running: {string.Join(", ", running)}; unsubscribe one of them first"
        : $"the gateway allows {limit} scanner subscriptions at a time and refused this one: {gatewayMessage}";
}
