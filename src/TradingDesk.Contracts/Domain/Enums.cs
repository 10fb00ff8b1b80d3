namespace TradingDesk.Desk.Domain;

/// <summary>IB security types (the wire spelling is in <see cref="WireNames"/>).</summary>
/// <summary>IB's security types. <see cref="News"/> is a news provider's BroadTape feed (<see cref="Contract.BroadTape"/>), market data only.</summary>
public enum SecType { Stock, Option, Future, Forex, Index, Bond, Cfd, FutureOption, Combo, Commodity, Fund, Warrant, Crypto, News }

public enum OptionRight { Call, Put }

public enum OrderAction { Buy, Sell, SellShort }

public enum OrderType { Market, Limit, Stop, StopLimit, TrailingStop, TrailingStopLimit, MarketOnClose, LimitOnClose, MarketOnOpen, LimitOnOpen }

public enum TimeInForce { Day, GoodTillCancel, ImmediateOrCancel, FillOrKill, GoodTillDate, AtTheOpening }

/// <summary>IB's order statuses (TWS sends them as text; anything else maps to <see cref="Unknown"/>).</summary>
public enum OrderStatus { ApiPending, PendingSubmit, PendingCancel, PreSubmitted, Submitted, ApiCancelled, Cancelled, Filled, Inactive, Unknown }

/// <summary>reqMarketDataType's values.</summary>
public enum MarketDataType { RealTime = 1, Frozen = 2, Delayed = 3, DelayedFrozen = 4 }

/// <summary>Tick-by-tick kinds, as reqTickByTickData names them.</summary>
public enum TickByTickType { Last, AllLast, BidAsk, MidPoint }

/// <summary>What historical and real-time bars are built from.</summary>
public enum WhatToShow { Trades, Midpoint, Bid, Ask, BidAsk, HistoricalVolatility, OptionImpliedVolatility, AdjustedLast }

public static class OrderStatusExtensions
{
    /// <summary>Working states: the order can still fill or be cancelled (IB's isActive).</summary>
    public static bool IsActive(this OrderStatus status) =>
        status is OrderStatus.PendingSubmit or OrderStatus.PreSubmitted or OrderStatus.Submitted or OrderStatus.PendingCancel or OrderStatus.ApiPending;

    /// <summary>Final states: nothing more will happen to the order.</summary>
    public static bool IsDone(this OrderStatus status) =>
        status is OrderStatus.Filled or OrderStatus.Cancelled or OrderStatus.ApiCancelled or OrderStatus.Inactive;
}
