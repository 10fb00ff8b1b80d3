using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using E = TradingDesk.Desk.Messages.OrderEvents;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>Replies to order commands and order events. Ids are scalars, optional where the record's are nullable.</summary>
internal static class OrderEventWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.OrderAccepted, W.OrderAccepted.Parser, (E.OrderAccepted m) => new W.OrderAccepted { OrderId = m.OrderId.Value }, w => new E.OrderAccepted(new OrderId(w.OrderId)));
        t.Add(Manifests.BracketAccepted, W.BracketAccepted.Parser,
            (E.BracketAccepted m) => new W.BracketAccepted { Entry = m.Entry.Value, TakeProfit = m.TakeProfit.Value, StopLoss = m.StopLoss.Value },
            w => new E.BracketAccepted(new OrderId(w.Entry), new OrderId(w.TakeProfit), new OrderId(w.StopLoss)));
        t.Add(Manifests.OcaAccepted, W.OcaAccepted.Parser,
            (E.OcaAccepted m) => new W.OcaAccepted { Group = m.Group, OrderIds = { m.OrderIds.Select(i => i.Value) } },
            w => new E.OcaAccepted(w.Group, Ids(w.OrderIds)));
        t.Add(Manifests.OrderModifySent, W.OrderModifySent.Parser, (E.OrderModifySent m) => new W.OrderModifySent { OrderId = m.OrderId.Value }, w => new E.OrderModifySent(new OrderId(w.OrderId)));
        t.Add(Manifests.CancelSent, W.CancelSent.Parser, (E.CancelSent m) => new W.CancelSent { OrderId = m.OrderId.Value }, w => new E.CancelSent(new OrderId(w.OrderId)));
        t.Add(Manifests.CancelsSent, W.CancelsSent.Parser,
            (E.CancelsSent m) => new W.CancelsSent { Strategy = m.Strategy.Value, OrderIds = { m.OrderIds.Select(i => i.Value) } },
            w => new E.CancelsSent(new StrategyId(w.Strategy), Ids(w.OrderIds)));
        t.Add(Manifests.StrategyRegistered, W.StrategyRegistered.Parser,
            (E.StrategyRegistered m) => new W.StrategyRegistered { Strategy = m.Strategy.Value }, w => new E.StrategyRegistered(new StrategyId(w.Strategy)));
        t.Add(Manifests.StrategyUnregistered, W.StrategyUnregistered.Parser,
            (E.StrategyUnregistered m) => new W.StrategyUnregistered { Strategy = m.Strategy.Value }, w => new E.StrategyUnregistered(new StrategyId(w.Strategy)));
        t.Add(Manifests.StrategyBinding, W.StrategyBinding.Parser, (E.StrategyBinding m) => ToWire(m), FromWire);
        t.Add(Manifests.StrategyBindings, W.StrategyBindings.Parser,
            (E.StrategyBindings m) => new W.StrategyBindings { Bindings = { m.Bindings.Select(ToWire) } },
            w => new E.StrategyBindings(w.Bindings.Select(FromWire).ToList()));
        t.Add(Manifests.RiskLimitsSet, W.RiskLimitsSet.Parser,
            (E.RiskLimitsSet m) => new W.RiskLimitsSet { Strategy = m.Strategy.Value }, w => new E.RiskLimitsSet(new StrategyId(w.Strategy)));
        t.Add(Manifests.KillSwitchActivated, W.KillSwitchActivated.Parser,
            (E.KillSwitchActivated m) => new W.KillSwitchActivated { Reason = m.Reason, CancelledOrders = { m.CancelledOrders.Select(i => i.Value) }, At = Time(m.At) },
            w => new E.KillSwitchActivated(w.Reason, Ids(w.CancelledOrders), Time(w.At, "at")));
        t.Add(Manifests.KillSwitchReleased, W.KillSwitchReleased.Parser,
            (E.KillSwitchReleased m) => new W.KillSwitchReleased { At = Time(m.At) }, w => new E.KillSwitchReleased(Time(w.At, "at")));
        t.Add(Manifests.OpenOrders, W.OpenOrders.Parser,
            (E.OpenOrders m) => new W.OpenOrders { Orders = { m.Orders.Select(DomainEntries.ToWire) } },
            w => new E.OpenOrders(w.Orders.Select(o => DomainEntries.FromWire(o, "orders")).ToList()));
        t.Add(Manifests.CompletedOrders, W.CompletedOrders.Parser,
            (E.CompletedOrders m) => new W.CompletedOrders { Orders = { m.Orders.Select(DomainEntries.ToWire) } },
            w => new E.CompletedOrders(w.Orders.Select(o => DomainEntries.FromWire(o, "orders")).ToList()));
        t.Add(Manifests.Executions, W.Executions.Parser,
            (E.Executions m) => new W.Executions { Fills = { m.Fills.Select(ToWire) } }, w => new E.Executions(w.Fills.Select(FromWire).ToList()));
        t.Add(Manifests.OrderStatusChanged, W.OrderStatusChanged.Parser, (E.OrderStatusChanged m) =>
        {
            var w = new W.OrderStatusChanged
            {
                OrderId = m.OrderId.Value, Status = m.Status.ToWire(), Filled = Dec(m.Filled), Remaining = Dec(m.Remaining),
                GatewayTime = TimeOrNull(m.GatewayTime), LocalTime = Time(m.LocalTime),
            };
            if (m.PermId is { } p) w.PermId = p.Value;
            if (m.Strategy is { } s) w.Strategy = s.Value;
            if (m.AvgFillPrice is { } a) w.AvgFillPrice = Dec(a);
            if (m.LastFillPrice is { } l) w.LastFillPrice = Dec(l);
            if (m.ParentId is { } pid) w.ParentId = pid.Value;
            if (m.WhyHeld is { } why) w.WhyHeld = why;
            return w;
        }, w => new E.OrderStatusChanged(
            new OrderId(w.OrderId), w.HasPermId ? new PermId(w.PermId) : null, w.HasStrategy ? new StrategyId(w.Strategy) : null,
            w.Status.FromWire("status"), Dec(w.Filled, "filled"), Dec(w.Remaining, "remaining"),
            DecOrNull(w.HasAvgFillPrice, w.AvgFillPrice, "avg_fill_price"), DecOrNull(w.HasLastFillPrice, w.LastFillPrice, "last_fill_price"),
            w.HasParentId ? new OrderId(w.ParentId) : null, w.HasWhyHeld ? w.WhyHeld : null,
            TimeOrNull(w.GatewayTime, "gateway_time"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.OpenOrderUpdated, W.OpenOrderUpdated.Parser, (E.OpenOrderUpdated m) =>
        {
            var w = new W.OpenOrderUpdated { Order = DomainEntries.ToWire(m.Order), LocalTime = Time(m.LocalTime) };
            if (m.Strategy is { } s) w.Strategy = s.Value;
            return w;
        }, w => new E.OpenOrderUpdated(DomainEntries.FromWire(w.Order, "order"), w.HasStrategy ? new StrategyId(w.Strategy) : null, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.Filled, W.Filled.Parser, (E.Filled m) => ToWire(m), FromWire);
        t.Add(Manifests.CommissionReported, W.CommissionReported.Parser, (E.CommissionReported m) =>
        {
            var w = new W.CommissionReported { OrderId = m.OrderId.Value, ExecId = m.ExecId.Value, Commission = Dec(m.Commission), Currency = m.Currency, LocalTime = Time(m.LocalTime) };
            if (m.Strategy is { } s) w.Strategy = s.Value;
            if (m.RealizedPnl is { } r) w.RealizedPnl = Dec(r);
            return w;
        }, w => new E.CommissionReported(new OrderId(w.OrderId), new ExecId(w.ExecId), w.HasStrategy ? new StrategyId(w.Strategy) : null,
            Dec(w.Commission, "commission"), w.Currency, DecOrNull(w.HasRealizedPnl, w.RealizedPnl, "realized_pnl"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.OrderRejected, W.OrderRejected.Parser, (E.OrderRejected m) =>
        {
            var w = new W.OrderRejected { OrderId = m.OrderId.Value, Code = m.Code, Reason = m.Reason, GatewayTime = TimeOrNull(m.GatewayTime), LocalTime = Time(m.LocalTime) };
            if (m.AdvancedRejectJson is { } json) w.AdvancedRejectJson = json;
            return w;
        }, w => new E.OrderRejected(new OrderId(w.OrderId), w.Code, w.Reason, w.HasAdvancedRejectJson ? w.AdvancedRejectJson : null,
            TimeOrNull(w.GatewayTime, "gateway_time"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.OrderLost, W.OrderLost.Parser, (E.OrderLost m) =>
        {
            var w = new W.OrderLost { OrderId = m.OrderId.Value, Reason = m.Reason, LocalTime = Time(m.LocalTime) };
            if (m.Strategy is { } s) w.Strategy = s.Value;
            return w;
        }, w => new E.OrderLost(new OrderId(w.OrderId), w.HasStrategy ? new StrategyId(w.Strategy) : null, w.Reason, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.OrderNotice, W.OrderNotice.Parser,
            (E.OrderNotice m) => new W.OrderNotice { OrderId = m.OrderId.Value, Code = m.Code, Message = m.Message, GatewayTime = TimeOrNull(m.GatewayTime), LocalTime = Time(m.LocalTime) },
            w => new E.OrderNotice(new OrderId(w.OrderId), w.Code, w.Message, TimeOrNull(w.GatewayTime, "gateway_time"), Time(w.LocalTime, "local_time")));
    }

    private static List<OrderId> Ids(IEnumerable<int> ids) => ids.Select(i => new OrderId(i)).ToList();

    private static W.StrategyBinding ToWire(E.StrategyBinding m) => new() { Strategy = m.Strategy.Value, ActorPath = m.ActorPath };

    private static E.StrategyBinding FromWire(W.StrategyBinding w) => new(new StrategyId(w.Strategy), w.ActorPath);

    private static W.Filled ToWire(E.Filled m)
    {
        var w = new W.Filled
        {
            OrderId = m.OrderId.Value, ExecId = m.ExecId.Value, Contract = m.Contract.ToWireOrNull(), Side = m.Side, Quantity = Dec(m.Quantity),
            Price = Dec(m.Price), CumulativeQuantity = Dec(m.CumulativeQuantity), AvgPrice = Dec(m.AvgPrice), Account = m.Account,
            Exchange = m.Exchange, GatewayTime = TimeOrNull(m.GatewayTime), LocalTime = Time(m.LocalTime),
        };
        if (m.PermId is { } p) w.PermId = p.Value;
        if (m.Strategy is { } s) w.Strategy = s.Value;
        return w;
    }

    private static E.Filled FromWire(W.Filled w) => new(
        new OrderId(w.OrderId), w.HasPermId ? new PermId(w.PermId) : null, new ExecId(w.ExecId), w.HasStrategy ? new StrategyId(w.Strategy) : null,
        w.Contract.FromWireOrNull("contract"), w.Side, Dec(w.Quantity, "quantity"), Dec(w.Price, "price"),
        Dec(w.CumulativeQuantity, "cumulative_quantity"), Dec(w.AvgPrice, "avg_price"), w.Account, w.Exchange,
        TimeOrNull(w.GatewayTime, "gateway_time"), Time(w.LocalTime, "local_time"));
}
