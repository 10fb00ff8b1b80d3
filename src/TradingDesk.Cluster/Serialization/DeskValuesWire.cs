using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Risk;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>The desk's own values the messages carry beside the contract's domain types: notice kinds, depth operations and sides, risk limits.</summary>
internal static class DeskValuesWire
{
    public static W.NoticeKind ToWire(this NoticeKind v) => (W.NoticeKind)((int)v + 1);
    public static NoticeKind FromWire(this W.NoticeKind v, string field) => Enum<NoticeKind>((int)v, 1, field);
    public static W.DepthOperation ToWire(this MarketDataMessages.DepthOperation v) => (W.DepthOperation)((int)v + 1);
    public static MarketDataMessages.DepthOperation FromWire(this W.DepthOperation v, string field) => Enum<MarketDataMessages.DepthOperation>((int)v, 1, field);
    public static W.DepthSide ToWire(this MarketDataMessages.DepthSide v) => (W.DepthSide)((int)v + 1);
    public static MarketDataMessages.DepthSide FromWire(this W.DepthSide v, string field) => Enum<MarketDataMessages.DepthSide>((int)v, 1, field);

    public static W.RiskLimits ToWire(this RiskLimits l)
    {
        var w = new W.RiskLimits();
        if (l.MaxOrderQuantity is { } q) w.MaxOrderQuantity = Dec(q);
        if (l.MaxNotional is { } n) w.MaxNotional = Dec(n);
        if (l.MaxOpenOrders is { } o) w.MaxOpenOrders = o;
        if (l.AllowedSymbols is { } symbols) w.AllowedSymbols = new W.StringSet { Values = { symbols.Order(StringComparer.Ordinal) } };
        return w;
    }

    public static RiskLimits FromWire(this W.RiskLimits? w, string field)
    {
        w = Required(w, field);
        return new RiskLimits
        {
            MaxOrderQuantity = DecOrNull(w.HasMaxOrderQuantity, w.MaxOrderQuantity, field + ".max_order_quantity"),
            MaxNotional = DecOrNull(w.HasMaxNotional, w.MaxNotional, field + ".max_notional"),
            MaxOpenOrders = w.HasMaxOpenOrders ? w.MaxOpenOrders : null,
            // The risk gate compares symbols case-insensitively, as the settings build the set.
            AllowedSymbols = w.AllowedSymbols?.Values.ToHashSet(StringComparer.OrdinalIgnoreCase),
        };
    }
}
