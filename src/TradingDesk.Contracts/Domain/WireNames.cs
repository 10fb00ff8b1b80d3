namespace TradingDesk.Desk.Domain;

/// <summary>IB's wire spellings of the desk's enums, both ways. An unknown spelling is an error, never a silent default.</summary>
public static class WireNames
{
    public static string Of(SecType t) => t switch
    {
        SecType.Stock => "STK", SecType.Option => "OPT", SecType.Future => "FUT", SecType.Forex => "CASH",
        SecType.Index => "IND", SecType.Bond => "BOND", SecType.Cfd => "CFD", SecType.FutureOption => "FOP",
        SecType.Combo => "BAG", SecType.Commodity => "CMDTY", SecType.Fund => "FUND", SecType.Warrant => "WAR",
        SecType.Crypto => "CRYPTO", SecType.News => "NEWS", _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };

    public static SecType ParseSecType(string wire) => wire switch
    {
        "STK" => SecType.Stock, "OPT" => SecType.Option, "FUT" => SecType.Future, "CASH" => SecType.Forex,
        "IND" => SecType.Index, "BOND" => SecType.Bond, "CFD" => SecType.Cfd, "FOP" => SecType.FutureOption,
        "BAG" => SecType.Combo, "CMDTY" => SecType.Commodity, "FUND" => SecType.Fund, "WAR" => SecType.Warrant,
        "CRYPTO" => SecType.Crypto, "NEWS" => SecType.News, _ => throw new FormatException($"unknown security type '{wire}'"),
    };

    public static string Of(OptionRight r) => r == OptionRight.Call ? "C" : "P";

    public static OptionRight? ParseRight(string? wire) => wire switch
    {
        null or "" or "0" or "?" => null,
        "C" or "CALL" => OptionRight.Call,
        "P" or "PUT" => OptionRight.Put,
        _ => throw new FormatException($"unknown option right '{wire}'"),
    };

    public static string Of(OrderAction a) => a switch
    {
        OrderAction.Buy => "BUY", OrderAction.Sell => "SELL", OrderAction.SellShort => "SSHORT",
        _ => throw new ArgumentOutOfRangeException(nameof(a), a, null),
    };

    public static string Of(OrderType t) => t switch
    {
        OrderType.Market => "MKT", OrderType.Limit => "LMT", OrderType.Stop => "STP", OrderType.StopLimit => "STP LMT",
        OrderType.TrailingStop => "TRAIL", OrderType.TrailingStopLimit => "TRAIL LIMIT", OrderType.MarketOnClose => "MOC",
        OrderType.LimitOnClose => "LOC", OrderType.MarketOnOpen => "MKT", OrderType.LimitOnOpen => "LMT",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };

    public static string Of(TimeInForce t) => t switch
    {
        TimeInForce.Day => "DAY", TimeInForce.GoodTillCancel => "GTC", TimeInForce.ImmediateOrCancel => "IOC",
        TimeInForce.FillOrKill => "FOK", TimeInForce.GoodTillDate => "GTD", TimeInForce.AtTheOpening => "OPG",
        _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };

    public static OrderStatus ParseStatus(string? wire) => wire switch
    {
        "ApiPending" => OrderStatus.ApiPending, "PendingSubmit" => OrderStatus.PendingSubmit,
        "PendingCancel" => OrderStatus.PendingCancel, "PreSubmitted" => OrderStatus.PreSubmitted,
        "Submitted" => OrderStatus.Submitted, "ApiCancelled" => OrderStatus.ApiCancelled,
        "Cancelled" => OrderStatus.Cancelled, "Filled" => OrderStatus.Filled, "Inactive" => OrderStatus.Inactive,
        _ => OrderStatus.Unknown,
    };

    public static string Of(WhatToShow w) => w switch
    {
        WhatToShow.Trades => "TRADES", WhatToShow.Midpoint => "MIDPOINT", WhatToShow.Bid => "BID", WhatToShow.Ask => "ASK",
        WhatToShow.BidAsk => "BID_ASK", WhatToShow.HistoricalVolatility => "HISTORICAL_VOLATILITY",
        WhatToShow.OptionImpliedVolatility => "OPTION_IMPLIED_VOLATILITY", WhatToShow.AdjustedLast => "ADJUSTED_LAST",
        _ => throw new ArgumentOutOfRangeException(nameof(w), w, null),
    };

    public static string Of(TickByTickType t) => t switch
    {
        TickByTickType.Last => "Last", TickByTickType.AllLast => "AllLast", TickByTickType.BidAsk => "BidAsk",
        TickByTickType.MidPoint => "MidPoint", _ => throw new ArgumentOutOfRangeException(nameof(t), t, null),
    };
}
