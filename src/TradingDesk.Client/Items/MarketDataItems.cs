using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Client;

/// <summary>One item of <see cref="DeskClient.MarketData"/>: a <see cref="MarketTick"/>, a <see cref="MarketDataTypeChange"/>,
/// a <see cref="MarketDataLineParameters"/>, a <see cref="MarketDataNote"/> or a <see cref="MarketDataRerouted"/>.</summary>
public abstract record MarketDataItem;

/// <summary>One tick. Price ticks carry <see cref="Price"/>, size ticks <see cref="Size"/>, string ticks <see cref="Text"/>;
/// decimals keep the scale the desk sent.</summary>
public sealed record MarketTick(TickType Type, decimal? Price, decimal? Size, string? Text, int Attributes, DateTimeOffset LocalTime) : MarketDataItem;

/// <summary>The line switched between real-time, frozen and delayed data.</summary>
public sealed record MarketDataTypeChange(MarketDataType Type, DateTimeOffset LocalTime) : MarketDataItem;

/// <summary>
/// What the gateway says of the line once it opens (IB's tickReqParams): the contract's minimum tick, the BBO exchange
/// code that <see cref="DeskClient.GetSmartComponentsAsync"/> takes, and IB's snapshot permission bits; null when not sent.
/// </summary>
public sealed record MarketDataLineParameters(decimal? MinTick, string? BboExchange, int? SnapshotPermissions, DateTimeOffset LocalTime) : MarketDataItem;

/// <summary>A note about the stream (resubscribed, conflated, a line notice).</summary>
public sealed record MarketDataNote(StreamNote Note) : MarketDataItem;

/// <summary>
/// The gateway serves this line's contract via contract <see cref="ConId"/> on <see cref="Exchange"/> instead (IB sends
/// it for CFDs, whose data is the underlying's). The desk does not re-subscribe: subscribe to that contract if its data will do.
/// </summary>
public sealed record MarketDataRerouted(ConId ConId, string Exchange, DateTimeOffset LocalTime) : MarketDataItem;

/// <summary>One item of <see cref="DeskClient.TickByTick"/>: a <see cref="TickByTickData"/> or a <see cref="TickByTickNote"/>.</summary>
public abstract record TickByTickItem;

/// <summary>A tick-by-tick update: trades fill Price, Size, Exchange and SpecialConditions; BidAsk the bid and ask
/// fields; MidPoint Price.</summary>
public sealed record TickByTickData(
    TickByTickType Type, DateTimeOffset GatewayTime, decimal? Price, decimal? Size, string? Exchange, string? SpecialConditions,
    decimal? BidPrice, decimal? AskPrice, decimal? BidSize, decimal? AskSize, DateTimeOffset LocalTime) : TickByTickItem;

/// <summary>A note about the stream.</summary>
public sealed record TickByTickNote(StreamNote Note) : TickByTickItem;

/// <summary>Where a depth update applies.</summary>
public enum DepthOperation { Insert, Update, Delete }

/// <summary>Which side of the book a depth row is on.</summary>
public enum DepthSide { Ask, Bid }

/// <summary>One item of <see cref="DeskClient.MarketDepth"/>: a <see cref="DepthRow"/>, a <see cref="DepthNote"/> or a <see cref="DepthRerouted"/>.</summary>
public abstract record MarketDepthItem;

/// <summary>An update of one row of the book.</summary>
public sealed record DepthRow(
    int Position, DepthOperation Operation, DepthSide Side, decimal? Price, decimal Size, string? MarketMaker, bool IsSmartDepth,
    DateTimeOffset LocalTime) : MarketDepthItem;

/// <summary>A note about the stream.</summary>
public sealed record DepthNote(StreamNote Note) : MarketDepthItem;

/// <summary>The gateway serves this depth line via contract <see cref="ConId"/> on <see cref="Exchange"/> instead; the desk does not re-subscribe.</summary>
public sealed record DepthRerouted(ConId ConId, string Exchange, DateTimeOffset LocalTime) : MarketDepthItem;

/// <summary>One item of <see cref="DeskClient.RealTimeBars"/>: a <see cref="RealTimeBar"/> or a <see cref="BarNote"/>.</summary>
public abstract record RealTimeBarItem;

/// <summary>A five-second bar.</summary>
public sealed record RealTimeBar(
    DateTimeOffset GatewayTime, decimal? Open, decimal? High, decimal? Low, decimal? Close, decimal Volume, decimal? Wap, int Count,
    DateTimeOffset LocalTime) : RealTimeBarItem;

/// <summary>A note about the stream.</summary>
public sealed record BarNote(StreamNote Note) : RealTimeBarItem;

/// <summary>One item of <see cref="DeskClient.PnL"/>: a <see cref="PnLUpdate"/> or a <see cref="PnLNote"/>.</summary>
public abstract record PnLItem;

/// <summary>The account's profit and loss (null where the gateway sent none).</summary>
public sealed record PnLUpdate(decimal? Daily, decimal? Unrealized, decimal? Realized, DateTimeOffset LocalTime) : PnLItem;

/// <summary>A note about the stream.</summary>
public sealed record PnLNote(StreamNote Note) : PnLItem;
