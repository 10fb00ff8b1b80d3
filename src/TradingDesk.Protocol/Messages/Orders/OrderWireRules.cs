namespace TradingDesk.Protocol.Messages.Orders;

/// <summary>
/// Order-type and contract rules that decide which optional blocks placeOrder / openOrder carry on the text wire
/// (IB's ibapi/utils.py isPegBenchOrder / isPegBestOrder / isPegMidOrder, and the BAG combo check). The desk needs the
/// same rules to know which order fields survive a text-era round trip.
/// </summary>
public static class OrderWireRules
{
    /// <summary>The secType of a combo (IB "BAG"): only then does placeOrder carry combo legs and smart-combo routing params.</summary>
    public const string ComboSecType = "BAG";

    /// <summary>The exchange for which placeOrder carries minTradeQty (from server 170).</summary>
    public const string IbkrAtsExchange = "IBKRATS";

    /// <summary>competeAgainstBestOffset value meaning "up to mid": placeOrder then also carries the mid offsets.</summary>
    public const double CompeteAgainstBestOffsetUpToMid = double.PositiveInfinity;

    /// <summary>Pegged-to-benchmark orders carry referenceContractId … referenceExchangeId.</summary>
    public static bool IsPegBenchOrder(string? orderType) => orderType is "PEG BENCH" or "PEGBENCH";

    /// <summary>Peg-best orders carry minCompeteSize and competeAgainstBestOffset in placeOrder.</summary>
    public static bool IsPegBestOrder(string? orderType) => orderType is "PEG BEST" or "PEGBEST";

    /// <summary>Peg-mid orders carry midOffsetAtWhole and midOffsetAtHalf in placeOrder.</summary>
    public static bool IsPegMidOrder(string? orderType) => orderType is "PEG MID" or "PEGMID";

    public static bool IsCombo(string? secType) => secType == ComboSecType;
}

/// <summary>OrderCondition.type values with a text form (ibapi/order_condition.py).</summary>
public static class OrderConditionTypes
{
    public const int PriceCondition = 1;
    public const int TimeCondition = 3;
    public const int MarginCondition = 4;
    public const int ExecutionCondition = 5;
    public const int VolumeCondition = 6;
    public const int PercentChangeCondition = 7;
}
