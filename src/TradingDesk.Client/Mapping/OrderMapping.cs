using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Mapping;

/// <summary>Order events and order, account and reference replies from the wire, through the contract's readers.</summary>
internal static class OrderMapping
{
    public static OrderUpdateItem Update(W.OrderUpdate w) => w.KindCase switch
    {
        W.OrderUpdate.KindOneofCase.Status => Status(w.Status),
        W.OrderUpdate.KindOneofCase.OpenOrder => new OpenOrderUpdate(
            Snapshot(Required(w.OpenOrder.Order, "open_order.order"), "open_order.order"), Time(w.OpenOrder.LocalTime, "open_order.local_time")),
        W.OrderUpdate.KindOneofCase.Fill => Fill(w.Fill, "fill"),
        W.OrderUpdate.KindOneofCase.Commission => new CommissionReport(
            new OrderId(w.Commission.OrderId), new ExecId(w.Commission.ExecId), Dec(w.Commission.Commission, "commission.commission"),
            w.Commission.Currency, DecOrNull(w.Commission.HasRealizedPnl, w.Commission.RealizedPnl, "commission.realized_pnl"),
            Time(w.Commission.LocalTime, "commission.local_time")),
        W.OrderUpdate.KindOneofCase.Rejected => new OrderRejection(
            new OrderId(w.Rejected.OrderId), w.Rejected.Code, w.Rejected.Reason,
            w.Rejected.HasAdvancedRejectJson ? w.Rejected.AdvancedRejectJson : null,
            TimeOrNull(w.Rejected.GatewayTime, "rejected.gateway_time"), Time(w.Rejected.LocalTime, "rejected.local_time")),
        W.OrderUpdate.KindOneofCase.Lost => new OrderLoss(new OrderId(w.Lost.OrderId), w.Lost.Reason, Time(w.Lost.LocalTime, "lost.local_time")),
        W.OrderUpdate.KindOneofCase.Notice => new OrderWarning(
            new OrderId(w.Notice.OrderId), w.Notice.Code, w.Notice.Message,
            TimeOrNull(w.Notice.GatewayTime, "notice.gateway_time"), Time(w.Notice.LocalTime, "notice.local_time")),
        _ => throw StreamMapping.Unknown("kind"),
    };

    private static OrderStatusUpdate Status(W.OrderStatusChanged s) => new(
        new OrderId(s.OrderId), s.HasPermId ? new PermId(s.PermId) : null, s.Status.FromWire("status.status"),
        Dec(s.Filled, "status.filled"), Dec(s.Remaining, "status.remaining"),
        DecOrNull(s.HasAvgFillPrice, s.AvgFillPrice, "status.avg_fill_price"),
        DecOrNull(s.HasLastFillPrice, s.LastFillPrice, "status.last_fill_price"),
        s.HasParentId ? new OrderId(s.ParentId) : null, s.HasWhyHeld ? s.WhyHeld : null,
        // IB's orderStatus carries no time, so the desk sends none: absent is the normal case, not a malformed message.
        TimeOrNull(s.GatewayTime, "status.gateway_time"), Time(s.LocalTime, "status.local_time"));

    public static Fill Fill(W.Filled f, string field) => new(
        new OrderId(f.OrderId), f.HasPermId ? new PermId(f.PermId) : null, new ExecId(f.ExecId), f.Contract.FromWire(field + ".contract"),
        f.Side, Dec(f.Quantity, field + ".quantity"), Dec(f.Price, field + ".price"),
        Dec(f.CumulativeQuantity, field + ".cumulative_quantity"), Dec(f.AvgPrice, field + ".avg_price"),
        new AccountId(f.Account), f.Exchange, TimeOrNull(f.GatewayTime, field + ".gateway_time"), Time(f.LocalTime, field + ".local_time"));

    public static OrderSnapshot Snapshot(W.OrderSnapshot o, string field) => new(
        new OrderId(o.OrderId), o.HasPermId ? new PermId(o.PermId) : null, new ClientId(o.ClientId), o.Contract.FromWire(field + ".contract"),
        o.Action, Dec(o.TotalQuantity, field + ".total_quantity"), o.OrderType,
        DecOrNull(o.HasLimitPrice, o.LimitPrice, field + ".limit_price"), DecOrNull(o.HasAuxPrice, o.AuxPrice, field + ".aux_price"),
        o.Status.FromWire(field + ".status"), o.HasAccount ? new AccountId(o.Account) : null,
        o.HasParentId ? new OrderId(o.ParentId) : null, o.HasOcaGroup ? o.OcaGroup : null, o.Transmit,
        o.HasOrderRef ? o.OrderRef : null, o.HasRejectReason ? o.RejectReason : null, o.HasWarningText ? o.WarningText : null,
        Dec(o.FilledQuantity, field + ".filled_quantity"));

    public static Position Position(W.PositionItem p, string field) => new(
        new AccountId(p.Account), p.Contract.FromWire(field + ".contract"), Dec(p.Quantity, field + ".quantity"),
        DecOrNull(p.HasAverageCost, p.AverageCost, field + ".average_cost"));

    public static AccountValue AccountValue(W.AccountSummaryItem a, string field) => new(
        new AccountId(a.Account), a.Tag, a.Value, DecOrNull(a.HasAmount, a.Amount, field + ".amount"), a.Currency);

    public static ContractDetails Details(W.ContractDetail d, string field) => new(
        d.Contract.FromWire(field + ".contract"), new ConId(d.ConId), d.LongName, DecOrNull(d.HasMinTick, d.MinTick, field + ".min_tick"),
        d.TimeZoneId, d.TradingHours, d.LiquidHours, d.ValidExchanges, d.OrderTypes, d.MarketRuleIds, d.ContractMonth,
        d.HasRealExpirationDate ? d.RealExpirationDate : null, Dec(d.MinSize, field + ".min_size"),
        Dec(d.SizeIncrement, field + ".size_increment"), d.Industry, d.Category);

    public static HistoricalBar Bar(W.Bar b, string field) => new(
        b.Time, DecOrNull(b.HasOpen, b.Open, field + ".open"), DecOrNull(b.HasHigh, b.High, field + ".high"),
        DecOrNull(b.HasLow, b.Low, field + ".low"), DecOrNull(b.HasClose, b.Close, field + ".close"),
        Dec(b.Volume, field + ".volume"), DecOrNull(b.HasWap, b.Wap, field + ".wap"), b.Count);
}
