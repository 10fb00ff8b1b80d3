using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>Parameters of the price model. Prices are a pure function of (Seed, Anchor, conId, time).</summary>
/// <param name="Seed">changes every path.</param>
/// <param name="Anchor">the instant at which every instrument trades at its catalogue reference price; the model
/// covers about 8.5 years either side of it.</param>
public sealed record PriceModelOptions(long Seed, DateTimeOffset Anchor)
{
    public static readonly DateTimeOffset DefaultAnchor = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static PriceModelOptions Default(long seed = 1) => new(seed, DefaultAnchor);
}

/// <summary>Top of book and last trade at an instant (the quote moves once a second).</summary>
public sealed record Quote(
    ConId ConId, DateTimeOffset Time, decimal Bid, decimal Ask, decimal Last,
    decimal BidSize, decimal AskSize, decimal LastSize)
{
    public decimal Mid => (Bid + Ask) / 2m;
}

/// <summary>
/// The current trading day so far (IB ticks OPEN, HIGH, LOW, VOLUME) and the previous session's close (IB's
/// CLOSE tick). Before today's session opens, the day is the previous session.
/// </summary>
public sealed record DayStats(
    ConId ConId, DateOnly TradingDate, decimal Open, decimal High, decimal Low, decimal Volume, decimal PreviousClose);

public enum BookSide
{
    Ask = 0,
    Bid = 1,
}

/// <summary>One level of an L2 book; level 0 is the top. <see cref="MarketMaker"/> is the venue shown for it.</summary>
public sealed record DepthLevel(BookSide Side, int Position, decimal Price, decimal Size, string MarketMaker);

/// <summary>Both sides of an L2 book at an instant.</summary>
public sealed record DepthBook(ConId ConId, DateTimeOffset Time, IReadOnlyList<DepthLevel> Bids, IReadOnlyList<DepthLevel> Asks);

/// <summary>IB's whatToShow values the simulator serves.</summary>
public enum WhatToShow
{
    Trades,
    Midpoint,
    Bid,
    Ask,
    BidAsk,
}

/// <summary>
/// One bar. <see cref="Time"/> is the bar's start (clipped to the session when the bar straddles an open);
/// <see cref="Date"/> is set for daily, weekly and monthly bars, which IB labels with a date.
/// Volume, WAP and Count are -1 for anything but TRADES, as IB sends them.
/// </summary>
public sealed record PriceBar(
    DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close,
    decimal Volume, decimal Wap, int Count, DateOnly? Date = null);
