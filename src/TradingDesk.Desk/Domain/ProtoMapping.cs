using System.Globalization;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Domain;

/// <summary>
/// Between the desk's types and the codec's canonical messages. Prices travel as doubles on the wire;
/// they become decimals here, at the edge, with the 15 significant digits a double holds.
/// </summary>
public static class ProtoMapping
{
    public static Tws.Contract ToProto(this ContractSpec c)
    {
        var p = new Tws.Contract { Symbol = c.Symbol, SecType = WireNames.Of(c.SecType), Exchange = c.Exchange, Currency = c.Currency };
        if (c.ConId is { } id) p.ConId = id.Value;
        if (c.PrimaryExchange is not null) p.PrimaryExch = c.PrimaryExchange;
        if (c.LastTradeDateOrContractMonth is not null) p.LastTradeDateOrContractMonth = c.LastTradeDateOrContractMonth;
        if (c.Strike is { } k) p.Strike = (double)k;
        if (c.Right is { } r) p.Right = WireNames.Of(r);
        if (c.Multiplier is not null && double.TryParse(c.Multiplier, NumberStyles.Float, CultureInfo.InvariantCulture, out var m)) p.Multiplier = m;
        if (c.LocalSymbol is not null) p.LocalSymbol = c.LocalSymbol;
        if (c.TradingClass is not null) p.TradingClass = c.TradingClass;
        if (c.SecIdType is not null) p.SecIdType = c.SecIdType;
        if (c.SecId is not null) p.SecId = c.SecId;
        if (c.IncludeExpired) p.IncludeExpired = true;
        return p;
    }

    public static ContractSpec ToSpec(this Tws.Contract p) => new()
    {
        Symbol = p.Symbol,
        SecType = WireNames.ParseSecType(p.SecType),
        Exchange = p.Exchange,
        Currency = p.Currency,
        PrimaryExchange = NullIfEmpty(p.PrimaryExch),
        LastTradeDateOrContractMonth = NullIfEmpty(p.LastTradeDateOrContractMonth),
        Strike = p.HasStrike && p.Strike != 0 ? ToDecimal(p.Strike) : null,
        Right = WireNames.ParseRight(p.Right),
        Multiplier = p.HasMultiplier && p.Multiplier != 0 ? p.Multiplier.ToString("R", CultureInfo.InvariantCulture) : null,
        LocalSymbol = NullIfEmpty(p.LocalSymbol),
        TradingClass = NullIfEmpty(p.TradingClass),
        ConId = p.HasConId && p.ConId != 0 ? new ConId(p.ConId) : null,
        SecIdType = NullIfEmpty(p.SecIdType),
        SecId = NullIfEmpty(p.SecId),
    };

    public static Tws.Order ToProto(this OrderSpec o, OrderId id, int clientId, OrderId? parent = null)
    {
        var p = new Tws.Order
        {
            OrderId = id.Value,
            ClientId = clientId,
            Action = WireNames.Of(o.Action),
            TotalQuantity = o.Quantity.ToString(CultureInfo.InvariantCulture),
            OrderType = WireNames.Of(o.Type),
            Tif = o.Type is OrderType.MarketOnOpen or OrderType.LimitOnOpen ? "OPG" : WireNames.Of(o.TimeInForce),
            OutsideRth = o.OutsideRegularTradingHours,
            Transmit = o.Transmit,
            WhatIf = o.WhatIf,
        };
        if (o.LimitPrice is { } lmt) p.LmtPrice = (double)lmt;
        if (o.AuxPrice is { } aux) p.AuxPrice = (double)aux;
        if (o.TrailingPercent is { } pct) p.TrailingPercent = (double)pct;
        if (o.TrailStopPrice is { } trail) p.TrailStopPrice = (double)trail;
        if (o.GoodTillDate is not null) p.GoodTillDate = o.GoodTillDate;
        if (o.Account is not null) p.Account = o.Account;
        if (o.OrderRef is not null) p.OrderRef = o.OrderRef;
        if (o.OcaGroup is not null) p.OcaGroup = o.OcaGroup;
        if (o.OcaType is { } oca) p.OcaType = oca;
        if (o.FaGroup is not null) p.FaGroup = o.FaGroup; // FA allocation
        if (o.FaMethod is not null) p.FaMethod = o.FaMethod;
        if (o.FaPercentage is { } faPct) p.FaPercentage = faPct.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (o.FaProfile is { } faProfile) TradingDesk.Protocol.Messages.Orders.OrderTextOnlyFields.SetFaProfile(p, faProfile);
        if (parent is { } pid) p.ParentId = pid.Value;
        return p;
    }

    /// <summary>A wire double as a decimal; null for NaN, infinities and IB's unset sentinel.</summary>
    public static decimal? ToDecimal(double value) =>
        double.IsFinite(value) && value != double.MaxValue && Math.Abs(value) < 7.9e27 ? (decimal)value : null;

    /// <summary>A decimal-string quantity ("100", "0.5"); empty means zero.</summary>
    public static decimal ParseQuantity(string? text) =>
        string.IsNullOrEmpty(text) ? 0m : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
