using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Orders;
using static TradingDesk.Protocol.Tests.Orders.OrderLayout;

namespace TradingDesk.Protocol.Tests.Orders;

public static partial class OrderBuilders
{
    // The version-gated tail fields, per layout (gates below 164 are not modelled: tests run at 164 and above).
    private static void Tail(OrderSample r, Order o, OrderLayout layout, int v)
    {
        bool place = layout == Place, open = layout == Open, completed = layout == Completed;
        if (place || (open && v >= OrderVersions.CmeTaggingFieldsInOpenOrder)) r.Set(r.S(), x => o.ExtOperator = x);
        if (!completed) SoftDollarTier(r, o, withDisplayName: open);
        if (place)
        {
            r.Set(r.S(), x => o.Mifid2DecisionMaker = x);
            r.Set(r.S(), x => o.Mifid2DecisionAlgo = x);
            r.Set(r.S(), x => o.Mifid2ExecutionTrader = x);
            r.Set(r.S(), x => o.Mifid2ExecutionAlgo = x);
            if (v >= ServerVersions.AdvancedOrderReject) r.Set(r.S(), x => o.AdvancedErrorOverride = x);
            if (v >= ServerVersions.ManualOrderTime) r.Set(r.S(), x => o.ManualOrderTime = x);
        }
        o.DontUseAutoPriceForHedge = r.B();
        o.IsOmsContainer = r.B();
        o.AutoCancelParent = r.B();
        if (v >= OrderVersions.CustomerAccount) r.Set(r.S(), x => o.CustomerAccount = x);
        if (v >= OrderVersions.ProfessionalCustomer) o.ProfessionalCustomer = r.B();
        if (!completed)
        {
            o.DiscretionaryUpToLimitPrice = r.B();
            if (r.B()) o.UsePriceMgmtAlgo = r.Pick(2);
            r.Set(r.I(), x => o.Duration = x);
            r.Set(r.I(), x => o.PostToAts = x);
            if (v >= OrderVersions.IncludeOvernight) o.IncludeOvernight = r.B();
        }
        if (place && v >= ServerVersions.CmeTaggingFields || open && v >= OrderVersions.CmeTaggingFieldsInOpenOrder)
            r.Set(r.I(), x => o.ManualOrderIndicator = x);
        if (open && v >= OrderVersions.BondAccruedInterest) r.Set(r.S(), x => o.BondAccruedInterest = x);
        if (!place && v >= ServerVersions.Submitter) r.Set(r.S(), x => o.Submitter = x);
        if (completed || v >= OrderVersions.ImbalanceOnly) o.ImbalanceOnly = r.B();
        if (!completed) return;
        r.Set(r.S(), x => o.AutoCancelDate = x);
        r.Set(r.Dec(), x => o.FilledQuantity = x);
        r.Set(r.I(), x => o.RefFuturesConId = x);
        r.Set(r.S(), x => o.Shareholder = x);
        if (r.B()) o.RouteMarketableToBbo = r.Pick(2);
        r.Set(r.L(), x => o.ParentPermId = x);
    }

    private static void SoftDollarTier(OrderSample r, Order o, bool withDisplayName)
    {
        var tier = new SoftDollarTier();
        r.Set(r.S(), x => tier.Name = x);
        r.Set(r.S(), x => tier.Value = x);
        if (withDisplayName) r.Set(r.S(), x => tier.DisplayName = x);
        if (tier.HasName || tier.HasValue || tier.HasDisplayName) o.SoftDollarTier = tier;
    }

    public static PlaceOrderRequest PlaceOrder(OrderSample r, int v)
    {
        var c = Contract(r, Place, r.Pick("STK", "BAG", "OPT"), r.Pick("SMART", "IBKRATS", "CME"));
        var m = new PlaceOrderRequest { Contract = c, Order = Order(r, Place, v, c) };
        r.Set(r.I(), x => m.OrderId = x);
        return m;
    }

    public static OpenOrder OpenOrder(OrderSample r, int v)
    {
        var c = Contract(r, Open, r.Pick("STK", "BAG", "FUT"), r.Pick("SMART", "IBKRATS", "CME"));
        var m = new OpenOrder { Contract = c, Order = Order(r, Open, v, c), OrderState = OpenOrderState(r, v) };
        r.Set(r.I(), x => m.OrderId = m.Order.OrderId = x);
        return m;
    }

    public static CompletedOrder CompletedOrder(OrderSample r, int v)
    {
        var c = Contract(r, Completed, r.Pick("STK", "BAG", "OPT"), r.Pick("SMART", "IBKRATS", "CME"));
        var s = new OrderState();
        r.Set(r.S(), x => s.Status = x);
        r.Set(r.S(), x => s.CompletedTime = x);
        r.Set(r.S(), x => s.CompletedStatus = x);
        return new CompletedOrder { Contract = c, Order = Order(r, Completed, v, c), OrderState = s };
    }
}
