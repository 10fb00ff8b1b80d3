using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using O = TradingDesk.Desk.Messages.OrderCommands;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>What strategies ask of the order manager.</summary>
internal static class OrderCommandWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.PlaceOrder, W.PlaceOrder.Parser, (O.PlaceOrder m) =>
        {
            var w = new W.PlaceOrder { Contract = m.Contract.ToWire(), Order = m.Order.ToWire(), Strategy = m.Strategy.Value };
            if (m.ReferencePrice is { } p) w.ReferencePrice = Dec(p);
            if (m.TraceParent is { } t) w.TraceParent = t;
            return w;
        }, w => new O.PlaceOrder(w.Contract.FromWire("contract"), w.Order.FromWire("order"), new StrategyId(w.Strategy),
            DecOrNull(w.HasReferencePrice, w.ReferencePrice, "reference_price")) { TraceParent = w.HasTraceParent ? w.TraceParent : null });
        t.Add(Manifests.ModifyOrder, W.ModifyOrder.Parser, (O.ModifyOrder m) =>
        {
            var w = new W.ModifyOrder { OrderId = m.OrderId.Value, Order = m.Order.ToWire() };
            if (m.Strategy is { } s) w.Strategy = s.Value;
            if (m.ReferencePrice is { } p) w.ReferencePrice = Dec(p);
            return w;
        }, w => new O.ModifyOrder(new OrderId(w.OrderId), w.Order.FromWire("order"), w.HasStrategy ? new StrategyId(w.Strategy) : null,
            DecOrNull(w.HasReferencePrice, w.ReferencePrice, "reference_price")));
        t.Add(Manifests.CancelOrder, W.CancelOrder.Parser, (O.CancelOrder m) => new W.CancelOrder { OrderId = m.OrderId.Value }, w => new O.CancelOrder(new OrderId(w.OrderId)));
        t.Add(Manifests.PlaceBracket, W.PlaceBracket.Parser, (O.PlaceBracket m) =>
        {
            var w = new W.PlaceBracket { Contract = m.Contract.ToWire(), Bracket = m.Bracket.ToWire(), Strategy = m.Strategy.Value };
            if (m.ReferencePrice is { } p) w.ReferencePrice = Dec(p);
            if (m.TraceParent is { } t) w.TraceParent = t;
            return w;
        }, w => new O.PlaceBracket(w.Contract.FromWire("contract"), w.Bracket.FromWire("bracket"), new StrategyId(w.Strategy),
            DecOrNull(w.HasReferencePrice, w.ReferencePrice, "reference_price")) { TraceParent = w.HasTraceParent ? w.TraceParent : null });
        t.Add(Manifests.PlaceOca, W.PlaceOca.Parser, (O.PlaceOca m) =>
        {
            var w = new W.PlaceOca { Contract = m.Contract.ToWire(), Orders = { m.Orders.Select(o => o.ToWire()) }, Group = m.Group, Strategy = m.Strategy.Value, OcaType = m.OcaType };
            if (m.ReferencePrice is { } p) w.ReferencePrice = Dec(p);
            if (m.TraceParent is { } t) w.TraceParent = t;
            return w;
        }, w => new O.PlaceOca(w.Contract.FromWire("contract"), w.Orders.Select(o => o.FromWire("orders")).ToList(), w.Group, new StrategyId(w.Strategy),
            w.OcaType, DecOrNull(w.HasReferencePrice, w.ReferencePrice, "reference_price")) { TraceParent = w.HasTraceParent ? w.TraceParent : null });
        t.Add(Manifests.GetOpenOrders, W.GetOpenOrders.Parser, (O.GetOpenOrders _) => new W.GetOpenOrders(), _ => new O.GetOpenOrders());
        t.Add(Manifests.GetCompletedOrders, W.GetCompletedOrders.Parser,
            (O.GetCompletedOrders m) => new W.GetCompletedOrders { ApiOnly = m.ApiOnly }, w => new O.GetCompletedOrders(w.ApiOnly));
        t.Add(Manifests.GetExecutions, W.GetExecutions.Parser,
            (O.GetExecutions m) => new W.GetExecutions { Filter = DomainEntries.ToWire(m.Filter) }, w => new O.GetExecutions(DomainEntries.FromWire(w.Filter)));
        t.Add(Manifests.SubscribeOrderUpdates, W.SubscribeOrderUpdates.Parser, (O.SubscribeOrderUpdates _) => new W.SubscribeOrderUpdates(), _ => new O.SubscribeOrderUpdates());
        t.Add(Manifests.UnsubscribeOrderUpdates, W.UnsubscribeOrderUpdates.Parser,
            (O.UnsubscribeOrderUpdates m) => new W.UnsubscribeOrderUpdates { Id = m.Id.Value }, w => new O.UnsubscribeOrderUpdates(new SubscriptionId(w.Id)));
        t.Add(Manifests.RegisterStrategy, W.RegisterStrategy.Parser,
            (O.RegisterStrategy m) => new W.RegisterStrategy { Strategy = m.Strategy.Value, CancelOrdersOnDisconnect = m.CancelOrdersOnDisconnect },
            w => new O.RegisterStrategy(new StrategyId(w.Strategy), w.CancelOrdersOnDisconnect));
        t.Add(Manifests.UnregisterStrategy, W.UnregisterStrategy.Parser,
            (O.UnregisterStrategy m) => new W.UnregisterStrategy { Strategy = m.Strategy.Value }, w => new O.UnregisterStrategy(new StrategyId(w.Strategy)));
        t.Add(Manifests.AcknowledgeFills, W.AcknowledgeFills.Parser,
            (O.AcknowledgeFills m) => new W.AcknowledgeFills { Strategy = m.Strategy.Value, ExecIds = { m.ExecIds.Select(e => e.Value) } },
            w => new O.AcknowledgeFills(new StrategyId(w.Strategy), [.. w.ExecIds.Select(e => new ExecId(e))]));
        t.Add(Manifests.AcknowledgeEndings, W.AcknowledgeEndings.Parser,
            (O.AcknowledgeEndings m) => new W.AcknowledgeEndings { Strategy = m.Strategy.Value, OrderIds = { m.OrderIds.Select(o => o.Value) } },
            w => new O.AcknowledgeEndings(new StrategyId(w.Strategy), [.. w.OrderIds.Select(o => new OrderId(o))]));
        t.Add(Manifests.GetStrategyBindings, W.GetStrategyBindings.Parser, (O.GetStrategyBindings _) => new W.GetStrategyBindings(), _ => new O.GetStrategyBindings());
        t.Add(Manifests.CancelStrategyOrders, W.CancelStrategyOrders.Parser,
            (O.CancelStrategyOrders m) => new W.CancelStrategyOrders { Strategy = m.Strategy.Value }, w => new O.CancelStrategyOrders(new StrategyId(w.Strategy)));
        t.Add(Manifests.ActivateKillSwitch, W.ActivateKillSwitch.Parser,
            (O.ActivateKillSwitch m) => new W.ActivateKillSwitch { Reason = m.Reason }, w => new O.ActivateKillSwitch(w.Reason));
        t.Add(Manifests.ReleaseKillSwitch, W.ReleaseKillSwitch.Parser, (O.ReleaseKillSwitch _) => new W.ReleaseKillSwitch(), _ => new O.ReleaseKillSwitch());
        t.Add(Manifests.SetRiskLimits, W.SetRiskLimits.Parser,
            (O.SetRiskLimits m) => new W.SetRiskLimits { Strategy = m.Strategy.Value, Limits = m.Limits.ToWire() },
            w => new O.SetRiskLimits(new StrategyId(w.Strategy), w.Limits.FromWire("limits")));
    }
}
