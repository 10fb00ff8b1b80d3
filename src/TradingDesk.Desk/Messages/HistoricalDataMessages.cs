using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Historical data. Every request obeys IB's historical pacing inside the desk (it waits rather than earn a 162).
/// </summary>
public static class HistoricalDataMessages
{
    /// <summary>
    /// Bars (reqHistoricalData, keepUpToDate=0). Reply: <see cref="HistoricalBars"/> after historicalDataEnd.
    /// <paramref name="EndDateTime"/> empty means now; <paramref name="Duration"/> e.g. "1 D", <paramref name="BarSize"/> e.g. "1 min".
    /// </summary>
    public sealed record GetHistoricalBars(ContractSpec Contract, string Duration, string BarSize,
        WhatToShow WhatToShow = WhatToShow.Trades, bool UseRth = true, string EndDateTime = "") : IDeskCommand;

    /// <summary>
    /// Bars that keep up to date (keepUpToDate=1): a subscription. Reply: <see cref="SubscriptionMessages.Subscribed"/>,
    /// then one <see cref="HistoricalBars"/> with the history, then <see cref="BarUpdate"/> items. Not shared between
    /// subscribers (each needs its own history).
    /// </summary>
    public sealed record SubscribeHistoricalBars(ContractSpec Contract, string Duration, string BarSize,
        WhatToShow WhatToShow = WhatToShow.Trades, bool UseRth = true) : IDeskCommand;

    /// <summary>One bar. <paramref name="Time"/> is the gateway's bar time text (format depends on bar size).</summary>
    public sealed record Bar(string Time, decimal? Open, decimal? High, decimal? Low, decimal? Close, decimal Volume, decimal? Wap, int Count);

    /// <summary>Reply to <see cref="GetHistoricalBars"/> (Subscription null) or first item of a keep-up-to-date subscription.</summary>
    public sealed record HistoricalBars(SubscriptionId? Subscription, IReadOnlyList<Bar> Bars, string Start, string End, DateTimeOffset LocalTime);

    /// <summary>An updated (or new) last bar of a keep-up-to-date subscription.</summary>
    public sealed record BarUpdate(SubscriptionId Subscription, Bar Bar, DateTimeOffset LocalTime);

    /// <summary>The earliest data point available (reqHeadTimestamp). Reply: <see cref="HeadTimestampReply"/>.</summary>
    public sealed record GetHeadTimestamp(ContractSpec Contract, WhatToShow WhatToShow = WhatToShow.Trades, bool UseRth = true) : IDeskCommand;

    /// <summary>Reply to <see cref="GetHeadTimestamp"/>: the gateway's timestamp text (formatDate=1, "yyyyMMdd-HH:mm:ss") and parsed UTC when possible.</summary>
    public sealed record HeadTimestampReply(string GatewayText, DateTimeOffset? GatewayTime, DateTimeOffset LocalTime);
}
