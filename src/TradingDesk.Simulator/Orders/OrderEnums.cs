namespace TradingDesk.Simulator.Orders;

public enum OrderAction
{
    Buy,
    Sell,
}

/// <summary>The order types the matching engine implements. <see cref="Unsupported"/> stands for any other IB
/// type string; such orders are rejected with error 201.</summary>
public enum OrderType
{
    Unsupported,
    Market,
    Limit,
    Stop,
    StopLimit,
    TrailingStop,
    MarketOnClose,
    LimitOnClose,
}

/// <summary>Time in force. <see cref="Unsupported"/> stands for any other IB string (OPG, DTC, …): rejected.</summary>
public enum TimeInForce
{
    Unsupported,
    Day,
    Gtc,
    Ioc,
    Fok,
    Gtd,
}

/// <summary>IB order statuses as TWS reports them in orderStatus and openOrder.</summary>
public enum OrderStatus
{
    /// <summary>Not yet transmitted (transmit=false, waiting for a later order of its group).</summary>
    PendingSubmit,
    /// <summary>Accepted but not working at the exchange: held bracket child, untriggered stop, market closed.</summary>
    PreSubmitted,
    /// <summary>Working.</summary>
    Submitted,
    Cancelled,
    Filled,
    /// <summary>Rejected.</summary>
    Inactive,
}

public static class OrderCodes
{
    public static bool IsActive(this OrderStatus s) => s is OrderStatus.PendingSubmit or OrderStatus.PreSubmitted or OrderStatus.Submitted;

    public static string ToIb(this OrderStatus s) => s.ToString();

    public static string ToIb(this OrderAction a) => a == OrderAction.Buy ? "BUY" : "SELL";

    /// <summary>The side as IB reports it in execDetails: BOT / SLD.</summary>
    public static string ToExecSide(this OrderAction a) => a == OrderAction.Buy ? "BOT" : "SLD";

    public static OrderAction? ParseAction(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "BUY" or "BOT" => OrderAction.Buy,
        "SELL" or "SLD" => OrderAction.Sell,
        _ => null,
    };

    public static OrderType ParseOrderType(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "MKT" => OrderType.Market,
        "LMT" => OrderType.Limit,
        "STP" => OrderType.Stop,
        "STP LMT" or "STPLMT" => OrderType.StopLimit,
        "TRAIL" => OrderType.TrailingStop,
        "MOC" => OrderType.MarketOnClose,
        "LOC" => OrderType.LimitOnClose,
        _ => OrderType.Unsupported,
    };

    public static string ToIb(this OrderType t) => t switch
    {
        OrderType.Market => "MKT",
        OrderType.Limit => "LMT",
        OrderType.Stop => "STP",
        OrderType.StopLimit => "STP LMT",
        OrderType.TrailingStop => "TRAIL",
        OrderType.MarketOnClose => "MOC",
        OrderType.LimitOnClose => "LOC",
        _ => "",
    };

    /// <summary>IB sends an empty TIF for "DAY" from some clients; treat empty as DAY as TWS does.</summary>
    public static TimeInForce ParseTif(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "" or null or "DAY" => TimeInForce.Day,
        "GTC" => TimeInForce.Gtc,
        "IOC" => TimeInForce.Ioc,
        "FOK" => TimeInForce.Fok,
        "GTD" => TimeInForce.Gtd,
        _ => TimeInForce.Unsupported,
    };

    public static string ToIb(this TimeInForce t) => t == TimeInForce.Unsupported ? "" : t.ToString().ToUpperInvariant();
}
