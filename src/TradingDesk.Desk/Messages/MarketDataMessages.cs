using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Streaming market data. A Subscribe* command sent to the desk is answered with
/// <see cref="SubscriptionMessages.Subscribed"/>; items then arrive in the subscriber's mailbox carrying the same
/// <see cref="SubscriptionId"/>. Subscribers asking for the same contract (and the same generic ticks / bar
/// settings / depth rows) share one gateway line: they get the same <see cref="SubscriptionId"/> and the very same
/// item objects. End with <see cref="SubscriptionMessages.Unsubscribe"/> (or stop: the desk watches subscribers).
/// Warnings arrive as <see cref="SubscriptionMessages.SubscriptionNotice"/>, terminal errors as
/// <see cref="SubscriptionMessages.SubscriptionEnded"/>, reconnects as <see cref="SubscriptionMessages.Resubscribed"/>.
/// </summary>
public static class MarketDataMessages
{
    /// <summary>Level-1 data (reqMktData). Items: <see cref="Tick"/>, <see cref="MarketDataTypeChanged"/>, <see cref="LineParameters"/>.</summary>
    public sealed record SubscribeMarketData(ContractSpec Contract, string GenericTicks = "") : IDeskCommand;

    /// <summary>A one-time snapshot (reqMktData snapshot=1). Reply: <see cref="MarketDataSnapshot"/> after tickSnapshotEnd.</summary>
    public sealed record GetMarketDataSnapshot(ContractSpec Contract) : IDeskCommand;

    /// <summary>Reply to <see cref="GetMarketDataSnapshot"/>: every tick received before tickSnapshotEnd.</summary>
    public sealed record MarketDataSnapshot(ContractSpec Contract, IReadOnlyList<Tick> Ticks, DateTimeOffset LocalTime);

    /// <summary>
    /// Switches the market data type for later subscriptions (reqMarketDataType; it has no reply on the wire).
    /// Reply: <see cref="MarketDataTypeSet"/> once the request has been queued to the gateway.
    /// </summary>
    public sealed record SetMarketDataType(MarketDataType Type) : IDeskCommand;

    /// <summary>Reply to <see cref="SetMarketDataType"/>.</summary>
    public sealed record MarketDataTypeSet(MarketDataType Type);

    /// <summary>
    /// One level-1 tick. Prices and sizes are decimals (null when the gateway sent none); <paramref name="Text"/> holds
    /// string ticks (e.g. LastTimestamp) ; tickPrice with a size carries both. No gateway time: IB sends none for L1 ticks.
    /// </summary>
    public sealed record Tick(SubscriptionId Subscription, TickType Type, decimal? Price, decimal? Size, string? Text, int Attributes, DateTimeOffset LocalTime);

    /// <summary>The gateway reports what kind of data this line carries (real-time, frozen, delayed).</summary>
    public sealed record MarketDataTypeChanged(SubscriptionId Subscription, MarketDataType Type, DateTimeOffset LocalTime);

    /// <summary>
    /// What the gateway says of a line once it opens (IB's tickReqParams): the contract's minimum tick, the BBO exchange
    /// code to pass to <c>GetSmartComponents</c> for the venues behind a SMART line's best bid and offer, and IB's snapshot
    /// permission bits. Each is null when the gateway sent none (or, for the tick, sent something that is not a number).
    /// </summary>
    public sealed record LineParameters(SubscriptionId Subscription, decimal? MinTick, string? BboExchange, int? SnapshotPermissions, DateTimeOffset LocalTime);

    /// <summary>Tick-by-tick data (reqTickByTickData). Items: <see cref="TickByTick"/>.</summary>
    public sealed record SubscribeTickByTick(ContractSpec Contract, TickByTickType Type, int NumberOfTicks = 0, bool IgnoreSize = false) : IDeskCommand;

    /// <summary>
    /// One tick-by-tick item. Last/AllLast: <paramref name="Price"/>, <paramref name="Size"/>, <paramref name="Exchange"/>;
    /// BidAsk: bid/ask prices and sizes; MidPoint: <paramref name="Price"/>. <paramref name="GatewayTime"/> is the tick's own time.
    /// </summary>
    public sealed record TickByTick(
        SubscriptionId Subscription, TickByTickType Type, DateTimeOffset GatewayTime,
        decimal? Price, decimal? Size, string? Exchange, string? SpecialConditions,
        decimal? BidPrice, decimal? AskPrice, decimal? BidSize, decimal? AskSize,
        DateTimeOffset LocalTime);

    /// <summary>Market depth (reqMktDepth). Items: <see cref="DepthUpdate"/>.</summary>
    public sealed record SubscribeDepth(ContractSpec Contract, int Rows = 10, bool SmartDepth = false) : IDeskCommand;

    /// <summary>Depth book operation (IB: 0 insert, 1 update, 2 delete).</summary>
    public enum DepthOperation { Insert = 0, Update = 1, Delete = 2 }

    /// <summary>Book side (IB: 0 ask, 1 bid).</summary>
    public enum DepthSide { Ask = 0, Bid = 1 }

    /// <summary>One depth update (updateMktDepth or updateMktDepthL2).</summary>
    public sealed record DepthUpdate(SubscriptionId Subscription, int Position, DepthOperation Operation, DepthSide Side,
        decimal? Price, decimal Size, string? MarketMaker, bool IsSmartDepth, DateTimeOffset LocalTime);

    /// <summary>5-second real-time bars (reqRealTimeBars). Items: <see cref="RealTimeBar"/>.</summary>
    public sealed record SubscribeRealTimeBars(ContractSpec Contract, WhatToShow WhatToShow = WhatToShow.Trades, bool UseRth = false) : IDeskCommand;

    /// <summary>One real-time bar; <paramref name="GatewayTime"/> is the bar's start.</summary>
    public sealed record RealTimeBar(SubscriptionId Subscription, DateTimeOffset GatewayTime, decimal? Open, decimal? High, decimal? Low,
        decimal? Close, decimal Volume, decimal? Wap, int Count, DateTimeOffset LocalTime);
}
