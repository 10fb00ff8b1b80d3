using System.Globalization;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// From the codec's order messages to the desk's order events (parsing only; routing and de-duplication are the
/// book's). Doubles become decimals here; IB's "unset" sentinels become null.
/// </summary>
public static class OrderWire
{
    public static OrderEvents.OrderStatusChanged ToStatusChanged(Tws.OrderStatus s, StrategyId? strategy, DateTimeOffset local) => new(
        new OrderId(s.OrderId),
        s.HasPermId && s.PermId != 0 ? new PermId(s.PermId) : null,
        strategy,
        WireNames.ParseStatus(s.Status),
        SafeQuantity(s.Filled),
        SafeQuantity(s.Remaining),
        NonZero(s.AvgFillPrice),
        NonZero(s.LastFillPrice),
        s.HasParentId && s.ParentId != 0 ? new OrderId(s.ParentId) : null,
        string.IsNullOrEmpty(s.WhyHeld) ? null : s.WhyHeld,
        null,
        local);

    public static OrderSnapshot ToSnapshot(int orderId, Tws.Contract? contract, Tws.Order? order, Tws.OrderState? state)
    {
        order ??= new Tws.Order();
        return new OrderSnapshot(
            new OrderId(orderId != 0 ? orderId : order.OrderId),
            order.HasPermId && order.PermId != 0 ? new PermId(order.PermId) : null,
            order.ClientId,
            TryContract(contract),
            order.Action,
            SafeQuantity(order.TotalQuantity),
            order.OrderType,
            order.HasLmtPrice ? ProtoMapping.ToDecimal(order.LmtPrice) : null,
            order.HasAuxPrice ? ProtoMapping.ToDecimal(order.AuxPrice) : null,
            WireNames.ParseStatus(state?.Status),
            NullIfEmpty(order.Account),
            order.HasParentId && order.ParentId != 0 ? new OrderId(order.ParentId) : null,
            NullIfEmpty(order.OcaGroup),
            !order.HasTransmit || order.Transmit,
            NullIfEmpty(order.OrderRef),
            NullIfEmpty(state?.RejectReason),
            NullIfEmpty(state?.WarningText),
            SafeQuantity(order.FilledQuantity));
    }

    public static OrderEvents.Filled ToFilled(Tws.ExecutionDetails d, StrategyId? strategy, DateTimeOffset local)
    {
        var x = d.Execution ?? new Tws.Execution();
        return new OrderEvents.Filled(
            new OrderId(x.OrderId),
            x.HasPermId && x.PermId != 0 ? new PermId(x.PermId) : null,
            new ExecId(x.ExecId),
            strategy,
            TryContract(d.Contract),
            x.Side,
            SafeQuantity(x.Shares),
            ProtoMapping.ToDecimal(x.Price) ?? 0m,
            SafeQuantity(x.CumQty),
            ProtoMapping.ToDecimal(x.AvgPrice) ?? 0m,
            x.AcctNumber,
            x.Exchange,
            ParseIbTime(x.Time),
            local);
    }

    public static OrderEvents.CommissionReported ToCommission(Tws.CommissionAndFeesReport c, OrderId orderId, StrategyId? strategy, DateTimeOffset local) => new(
        orderId,
        new ExecId(c.ExecId),
        strategy,
        ProtoMapping.ToDecimal(c.CommissionAndFees) ?? 0m,
        c.Currency,
        // IB sends DBL_MAX for "no realized P&L yet" (opening fills).
        c.HasRealizedPNL ? ProtoMapping.ToDecimal(c.RealizedPNL) : null,
        local);

    /// <summary>The gateway's error time (epoch milliseconds); null when absent.</summary>
    public static DateTimeOffset? ErrorTime(Tws.ErrorMessage e) =>
        e.HasErrorTime && e.ErrorTime > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(e.ErrorTime) : null;

    /// <summary>
    /// IB execution times: "yyyyMMdd-HH:mm:ss" (UTC), "yyyyMMdd HH:mm:ss" (UTC assumed) or "yyyyMMdd HH:mm:ss Zone/Name"
    /// (an IANA zone, as TWS writes when the user set one). Null when unparsable: the local time is always there.
    /// </summary>
    public static DateTimeOffset? ParseIbTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Length < 17) return null;
        var stamp = t[..8] + " " + t[9..17];
        if (!DateTime.TryParseExact(stamp, "yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return null;
        var zone = t.Length > 17 ? t[17..].Trim() : "";
        if (zone is "" or "UTC" or "GMT") return new DateTimeOffset(dt, TimeSpan.Zero);
        try
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
            return new DateTimeOffset(dt, tz.GetUtcOffset(dt));
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static ContractSpec? TryContract(Tws.Contract? c)
    {
        if (c is null || string.IsNullOrEmpty(c.SecType)) return null;
        try
        {
            return c.ToSpec();
        }
        catch (FormatException)
        {
            return null; // an exotic security type: the event still carries ids, prices and quantities
        }
    }

    private static decimal SafeQuantity(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var q) ? q : 0m;

    private static decimal? NonZero(double value) => value == 0 ? null : ProtoMapping.ToDecimal(value);

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
