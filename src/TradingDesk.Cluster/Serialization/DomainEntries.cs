using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Risk;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>The domain values bound on their own (inside messages they travel as fields).</summary>
internal static class DomainEntries
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.ContractSpec, W.ContractSpec.Parser, (ContractSpec m) => m.ToWire(), w => w.FromWire("contract"));
        t.Add(Manifests.OrderSpec, W.OrderSpec.Parser, (OrderSpec m) => m.ToWire(), w => w.FromWire("order"));
        t.Add(Manifests.Bracket, W.Bracket.Parser, (Bracket m) => m.ToWire(), w => w.FromWire("bracket"));
        t.Add(Manifests.RiskLimits, W.RiskLimits.Parser, (RiskLimits m) => m.ToWire(), w => w.FromWire("limits"));
        t.Add(Manifests.OrderId, W.OrderIdValue.Parser, (OrderId m) => new W.OrderIdValue { Value = m.Value }, w => new OrderId(w.Value));
        t.Add(Manifests.PermId, W.PermIdValue.Parser, (PermId m) => new W.PermIdValue { Value = m.Value }, w => new PermId(w.Value));
        t.Add(Manifests.ConId, W.ConIdValue.Parser, (ConId m) => new W.ConIdValue { Value = m.Value }, w => new ConId(w.Value));
        t.Add(Manifests.ExecId, W.ExecIdValue.Parser, (ExecId m) => new W.ExecIdValue { Value = m.Value }, w => new ExecId(w.Value));
        t.Add(Manifests.AccountId, W.AccountIdValue.Parser, (AccountId m) => new W.AccountIdValue { Value = m.Value }, w => new AccountId(w.Value));
        t.Add(Manifests.StrategyId, W.StrategyIdValue.Parser, (StrategyId m) => new W.StrategyIdValue { Value = m.Value }, w => new StrategyId(w.Value));
        t.Add(Manifests.SubscriptionId, W.SubscriptionIdValue.Parser, (SubscriptionId m) => new W.SubscriptionIdValue { Value = m.Value }, w => new SubscriptionId(w.Value));
        t.Add(Manifests.ExecutionQuery, W.ExecutionQuery.Parser, (ExecutionQuery m) => ToWire(m), w => FromWire(w));
        t.Add(Manifests.OrderSnapshot, W.OrderSnapshot.Parser, (OrderSnapshot m) => ToWire(m), w => FromWire(w, "order"));
    }

    public static W.ExecutionQuery ToWire(ExecutionQuery q)
    {
        var w = new W.ExecutionQuery();
        if (q.ClientId is { } c) w.ClientId = c;
        if (q.Account is { } a) w.Account = a;
        if (q.Since is { } s) w.Since = s;
        if (q.Symbol is { } y) w.Symbol = y;
        if (q.SecType is { } t) w.SecType = t.ToWire();
        if (q.Exchange is { } e) w.Exchange = e;
        if (q.Side is { } d) w.Side = d;
        return w;
    }

    public static ExecutionQuery FromWire(W.ExecutionQuery? w)
    {
        w = Required(w, "filter");
        return new ExecutionQuery
        {
            ClientId = w.HasClientId ? w.ClientId : null,
            Account = w.HasAccount ? w.Account : null,
            Since = w.HasSince ? w.Since : null,
            Symbol = w.HasSymbol ? w.Symbol : null,
            SecType = w.HasSecType ? w.SecType.FromWire("filter.sec_type") : null,
            Exchange = w.HasExchange ? w.Exchange : null,
            Side = w.HasSide ? w.Side : null,
        };
    }

    public static W.OrderSnapshot ToWire(OrderSnapshot o)
    {
        var w = new W.OrderSnapshot
        {
            OrderId = o.OrderId.Value, ClientId = o.ClientId, Action = o.Action, TotalQuantity = Dec(o.TotalQuantity),
            OrderType = o.OrderType, Status = o.Status.ToWire(), Transmit = o.Transmit, FilledQuantity = Dec(o.FilledQuantity),
            Contract = o.Contract.ToWireOrNull(),
        };
        if (o.PermId is { } p) w.PermId = p.Value;
        if (o.LimitPrice is { } lp) w.LimitPrice = Dec(lp);
        if (o.AuxPrice is { } ap) w.AuxPrice = Dec(ap);
        if (o.Account is { } a) w.Account = a;
        if (o.ParentId is { } pid) w.ParentId = pid.Value;
        if (o.OcaGroup is { } g) w.OcaGroup = g;
        if (o.OrderRef is { } r) w.OrderRef = r;
        if (o.RejectReason is { } rr) w.RejectReason = rr;
        if (o.WarningText is { } wt) w.WarningText = wt;
        return w;
    }

    public static OrderSnapshot FromWire(W.OrderSnapshot? w, string field)
    {
        w = Required(w, field);
        return new OrderSnapshot(
            new OrderId(w.OrderId), w.HasPermId ? new PermId(w.PermId) : null, w.ClientId, w.Contract.FromWireOrNull(field + ".contract"),
            w.Action, Dec(w.TotalQuantity, field + ".total_quantity"), w.OrderType,
            DecOrNull(w.HasLimitPrice, w.LimitPrice, field + ".limit_price"), DecOrNull(w.HasAuxPrice, w.AuxPrice, field + ".aux_price"),
            w.Status.FromWire(field + ".status"), w.HasAccount ? w.Account : null, w.HasParentId ? new OrderId(w.ParentId) : null,
            w.HasOcaGroup ? w.OcaGroup : null, w.Transmit, w.HasOrderRef ? w.OrderRef : null,
            w.HasRejectReason ? w.RejectReason : null, w.HasWarningText ? w.WarningText : null,
            Dec(w.FilledQuantity, field + ".filled_quantity"));
    }
}
