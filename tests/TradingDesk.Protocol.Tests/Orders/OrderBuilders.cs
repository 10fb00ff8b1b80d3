using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Orders;
using static TradingDesk.Protocol.Messages.Orders.OrderConditionTypes;

namespace TradingDesk.Protocol.Tests.Orders;

/// <summary>Which text layout an order must fit: placeOrder, openOrder or completedOrder carry different fields.</summary>
public enum OrderLayout { Place, Open, Completed }

/// <summary>
/// Builds random contracts, orders and order states that set only the fields the text layout carries at a version,
/// mirroring IB's gates (ibapi/client.py placeOrder, decoder.py processOpenOrder / processCompletedOrderMsg).
/// Bools the text always carries are always set.
/// </summary>
public static partial class OrderBuilders
{
    public static Contract Contract(OrderSample r, OrderLayout layout, string secType, string exchange)
    {
        var c = new Contract { SecType = secType, Exchange = exchange };
        r.Set(r.I(), x => c.ConId = x);
        r.Set(r.S(), x => c.Symbol = x);
        r.Set(r.S(), x => c.LastTradeDateOrContractMonth = x);
        r.Set(r.D(), x => c.Strike = x);
        r.Set(r.S(), x => c.Right = x);
        r.Set(r.D(), x => c.Multiplier = x);
        r.Set(r.S(), x => c.Currency = x);
        r.Set(r.S(), x => c.LocalSymbol = x);
        r.Set(r.S(), x => c.TradingClass = x);
        if (layout == OrderLayout.Place)
        {
            r.Set(r.S(), x => c.PrimaryExch = x);
            r.Set(r.S(), x => c.SecIdType = x);
            r.Set(r.S(), x => c.SecId = x);
        }
        else r.Set(r.S(), x => c.ComboLegsDescrip = x);
        if (OrderWireRules.IsCombo(secType)) AddComboLegs(r, c);
        if (r.B())
        {
            c.DeltaNeutralContract = new DeltaNeutralContract();
            r.Set(r.I(), x => c.DeltaNeutralContract.ConId = x);
            r.Set(r.D(), x => c.DeltaNeutralContract.Delta = x);
            r.Set(r.D(), x => c.DeltaNeutralContract.Price = x);
        }
        return c;
    }

    private static void AddComboLegs(OrderSample r, Contract c)
    {
        var count = r.Pick(4);
        var priced = r.B();
        for (var i = 0; i < count; i++)
        {
            var leg = new ComboLeg();
            r.Set(r.I(), x => leg.ConId = x);
            r.Set(r.I(), x => leg.Ratio = x);
            r.Set(r.S(), x => leg.Action = x);
            r.Set(r.S(), x => leg.Exchange = x);
            r.Set(r.I(), x => leg.OpenClose = x);
            r.Set(r.I(), x => leg.ShortSalesSlot = x);
            r.Set(r.S(), x => leg.DesignatedLocation = x);
            r.Set(r.I(), x => leg.ExemptCode = x);
            if (priced) r.Set(r.D(), x => leg.PerLegPrice = x);
            c.ComboLegs.Add(leg);
        }
    }

    public static void AddTagValues(OrderSample r, Google.Protobuf.Collections.MapField<string, string> map, int max)
    {
        var count = r.Pick(max + 1);
        for (var i = 0; i < count; i++) map[r.Token()] = r.Token();
    }

    public static OrderCondition Condition(OrderSample r)
    {
        var type = r.Pick(PriceCondition, TimeCondition, MarginCondition, ExecutionCondition, VolumeCondition, PercentChangeCondition);
        var c = new OrderCondition { Type = type, IsConjunctionConnection = r.B() };
        if (type == ExecutionCondition)
        {
            r.Set(r.S(), x => c.SecType = x);
            r.Set(r.S(), x => c.Exchange = x);
            r.Set(r.S(), x => c.Symbol = x);
            return c;
        }
        c.IsMore = r.B();
        switch (type)
        {
            case TimeCondition: r.Set(r.S(), x => c.Time = x); break;
            case MarginCondition: r.Set(r.I(), x => c.Percent = x); break;
            case PriceCondition: r.Set(r.D(), x => c.Price = x); break;
            case VolumeCondition: r.Set(r.I(), x => c.Volume = x); break;
            case PercentChangeCondition: r.Set(r.D(), x => c.ChangePercent = x); break;
        }
        if (type is PriceCondition or VolumeCondition or PercentChangeCondition)
        {
            r.Set(r.I(), x => c.ConId = x);
            r.Set(r.S(), x => c.Exchange = x);
        }
        if (type == PriceCondition) r.Set(r.I(), x => c.TriggerMethod = x);
        return c;
    }

    public static OrderState OpenOrderState(OrderSample r, int version)
    {
        var s = new OrderState();
        r.Set(r.S(), x => s.Status = x);
        Action<double>[] margins =
        [
            x => s.InitMarginBefore = x, x => s.MaintMarginBefore = x, x => s.EquityWithLoanBefore = x,
            x => s.InitMarginChange = x, x => s.MaintMarginChange = x, x => s.EquityWithLoanChange = x,
            x => s.InitMarginAfter = x, x => s.MaintMarginAfter = x, x => s.EquityWithLoanAfter = x,
            x => s.CommissionAndFees = x, x => s.MinCommissionAndFees = x, x => s.MaxCommissionAndFees = x,
        ];
        foreach (var set in margins) r.Set(r.D(), set);
        r.Set(r.S(), x => s.CommissionAndFeesCurrency = x);
        r.Set(r.S(), x => s.WarningText = x);
        if (version < OrderVersions.FullOrderPreviewFields) return s;
        r.Set(r.S(), x => s.MarginCurrency = x);
        Action<double>[] outsideRth =
        [
            x => s.InitMarginBeforeOutsideRTH = x, x => s.MaintMarginBeforeOutsideRTH = x, x => s.EquityWithLoanBeforeOutsideRTH = x,
            x => s.InitMarginChangeOutsideRTH = x, x => s.MaintMarginChangeOutsideRTH = x, x => s.EquityWithLoanChangeOutsideRTH = x,
            x => s.InitMarginAfterOutsideRTH = x, x => s.MaintMarginAfterOutsideRTH = x, x => s.EquityWithLoanAfterOutsideRTH = x,
        ];
        foreach (var set in outsideRth) r.Set(r.D(), set);
        r.Set(r.Dec(), x => s.SuggestedSize = x);
        r.Set(r.S(), x => s.RejectReason = x);
        var allocations = r.Pick(3);
        for (var i = 0; i < allocations; i++)
        {
            var a = new OrderAllocation { IsMonetary = r.B() };
            r.Set(r.S(), x => a.Account = x);
            r.Set(r.Dec(), x => a.Position = x);
            r.Set(r.Dec(), x => a.PositionDesired = x);
            r.Set(r.Dec(), x => a.PositionAfter = x);
            r.Set(r.Dec(), x => a.DesiredAllocQty = x);
            r.Set(r.Dec(), x => a.AllowedAllocQty = x);
            s.OrderAllocations.Add(a);
        }
        return s;
    }
}
