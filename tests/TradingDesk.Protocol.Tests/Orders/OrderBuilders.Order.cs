using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Orders;
using static TradingDesk.Protocol.Tests.Orders.OrderLayout;

namespace TradingDesk.Protocol.Tests.Orders;

public static partial class OrderBuilders
{
    public static readonly string[] OrderTypes = ["LMT", "MKT", "STP", "REL", "PEG BENCH", "PEG BEST", "PEG MID", "TRAIL"];

    /// <summary>An order with every field <paramref name="layout"/> carries at <paramref name="v"/> randomly set or unset.</summary>
    public static Order Order(OrderSample r, OrderLayout layout, int v, Contract c)
    {
        var o = new Order { OrderType = r.Pick(OrderTypes) };
        bool place = layout == Place, open = layout == Open, completed = layout == Completed;
        r.Set(r.S(), x => o.Action = x);
        r.Set(r.Dec(), x => o.TotalQuantity = x);
        r.Set(r.D(), x => o.LmtPrice = x);
        r.Set(r.D(), x => o.AuxPrice = x);
        r.Set(r.S(), x => o.Tif = x);
        r.Set(r.S(), x => o.OcaGroup = x);
        r.Set(r.S(), x => o.Account = x);
        r.Set(r.S(), x => o.OpenClose = x);
        r.Set(r.I(), x => o.Origin = x);
        r.Set(r.S(), x => o.OrderRef = x);
        if (place) o.Transmit = r.B();
        if (open) r.Set(r.I(), x => o.ClientId = x);
        if (!place) r.Set(r.L(), x => o.PermId = x);
        if (!completed)
        {
            r.Set(r.I(), x => o.ParentId = x);
            o.BlockOrder = r.B();
        }
        o.SweepToFill = r.B();
        o.OutsideRth = r.B();
        o.Hidden = r.B();
        o.AllOrNone = r.B();
        r.Set(r.I(), x => o.DisplaySize = x);
        r.Set(r.I(), x => o.TriggerMethod = x);
        if (!place || OrderWireRules.IsCombo(c.SecType)) AddTagValues(r, o.SmartComboRoutingParams, 2);
        r.Set(r.D(), x => o.DiscretionaryAmt = x);
        foreach (var set in new Action<string>[]
                 {
                     x => o.GoodAfterTime = x, x => o.GoodTillDate = x, x => o.FaGroup = x, x => o.FaMethod = x,
                     x => o.FaPercentage = x, x => o.ModelCode = x, x => o.DesignatedLocation = x, x => o.Rule80A = x,
                     x => o.SettlingFirm = x, x => o.ClearingAccount = x, x => o.ClearingIntent = x,
                 })
            r.Set(r.S(), set);
        foreach (var set in new Action<int>[] { x => o.ShortSaleSlot = x, x => o.ExemptCode = x, x => o.OcaType = x, x => o.MinQty = x, x => o.VolatilityType = x, x => o.ReferencePriceType = x })
            r.Set(r.I(), set);
        foreach (var set in new Action<double>[]
                 {
                     x => o.PercentOffset = x, x => o.StartingPrice = x, x => o.StockRefPrice = x, x => o.Delta = x,
                     x => o.StockRangeLower = x, x => o.StockRangeUpper = x, x => o.Volatility = x, x => o.DeltaNeutralAuxPrice = x,
                     x => o.TrailStopPrice = x, x => o.TrailingPercent = x, x => o.LmtPriceOffset = x, x => o.CashQty = x,
                 })
            r.Set(r.D(), set);
        if (place) o.OverridePercentageConstraints = r.B();
        DeltaNeutralOrder(r, o, layout);
        o.ContinuousUpdate = r.B();
        Scale(r, o, layout);
        r.Set(r.S(), x => o.HedgeType = x);
        if (o.HasHedgeType) r.Set(r.S(), x => o.HedgeParam = x);
        if (!completed) o.OptOutSmartRouting = r.B();
        o.NotHeld = r.B();
        r.Set(r.S(), x => o.AlgoStrategy = x);
        if (o.HasAlgoStrategy) AddTagValues(r, o.AlgoParams, 3);
        if (!completed) o.WhatIf = r.B();
        o.Solicited = r.B();
        o.RandomizeSize = r.B();
        o.RandomizePrice = r.B();
        PegAndConditions(r, o, layout, c, v);
        Tail(r, o, layout, v);
        return o;
    }

    private static void DeltaNeutralOrder(OrderSample r, Order o, OrderLayout layout)
    {
        r.Set(r.S(), x => o.DeltaNeutralOrderType = x);
        if (!o.HasDeltaNeutralOrderType) return;
        r.Set(r.I(), x => o.DeltaNeutralConId = x);
        if (layout != Completed)
        {
            r.Set(r.S(), x => o.DeltaNeutralSettlingFirm = x);
            r.Set(r.S(), x => o.DeltaNeutralClearingAccount = x);
            r.Set(r.S(), x => o.DeltaNeutralClearingIntent = x);
            r.Set(r.S(), x => o.DeltaNeutralOpenClose = x);
        }
        o.DeltaNeutralShortSale = r.B();
        r.Set(r.I(), x => o.DeltaNeutralShortSaleSlot = x);
        r.Set(r.S(), x => o.DeltaNeutralDesignatedLocation = x);
    }

    private static void Scale(OrderSample r, Order o, OrderLayout layout)
    {
        r.Set(r.I(), x => o.ScaleInitLevelSize = x);
        r.Set(r.I(), x => o.ScaleSubsLevelSize = x);
        r.Set(r.D(), x => o.ScalePriceIncrement = x);
        if (o.HasScalePriceIncrement && o.ScalePriceIncrement > 0)
        {
            r.Set(r.D(), x => o.ScalePriceAdjustValue = x);
            r.Set(r.I(), x => o.ScalePriceAdjustInterval = x);
            r.Set(r.D(), x => o.ScaleProfitOffset = x);
            o.ScaleAutoReset = r.B();
            r.Set(r.I(), x => o.ScaleInitPosition = x);
            r.Set(r.I(), x => o.ScaleInitFillQty = x);
            o.ScaleRandomPercent = r.B();
        }
        if (layout != Place) return;
        r.Set(r.S(), x => o.ScaleTable = x);
        r.Set(r.S(), x => o.ActiveStartTime = x);
        r.Set(r.S(), x => o.ActiveStopTime = x);
        r.Set(r.S(), x => o.AlgoId = x);
        AddTagValues(r, o.OrderMiscOptions, 3);
    }

    private static void PegAndConditions(OrderSample r, Order o, OrderLayout layout, Contract c, int v)
    {
        if (OrderWireRules.IsPegBenchOrder(o.OrderType))
        {
            r.Set(r.I(), x => o.ReferenceContractId = x);
            o.IsPeggedChangeAmountDecrease = r.B();
            r.Set(r.D(), x => o.PeggedChangeAmount = x);
            r.Set(r.D(), x => o.ReferenceChangeAmount = x);
            r.Set(r.S(), x => o.ReferenceExchangeId = x);
        }
        var conditions = r.Pick(5);
        for (var i = 0; i < conditions; i++) o.Conditions.Add(Condition(r));
        if (conditions > 0)
        {
            o.ConditionsIgnoreRth = r.B();
            o.ConditionsCancelOrder = r.B();
        }
        if (layout != Completed)
        {
            r.Set(r.S(), x => o.AdjustedOrderType = x);
            r.Set(r.D(), x => o.TriggerPrice = x);
            r.Set(r.D(), x => o.AdjustedStopPrice = x);
            r.Set(r.D(), x => o.AdjustedStopLimitPrice = x);
            r.Set(r.D(), x => o.AdjustedTrailingAmount = x);
            r.Set(r.I(), x => o.AdjustableTrailingUnit = x);
        }
        // Peg best / mid (≥170): openOrder and completedOrder carry all five; placeOrder only what the order uses.
        if (v < OrderVersions.PegBestPegMidOffsets) return;
        var place = layout == Place;
        if (!place || c.Exchange == OrderWireRules.IbkrAtsExchange) r.Set(r.I(), x => o.MinTradeQty = x);
        var best = OrderWireRules.IsPegBestOrder(o.OrderType);
        if (!place || best)
        {
            r.Set(r.I(), x => o.MinCompeteSize = x);
            if (r.B()) o.CompeteAgainstBestOffset = OrderWireRules.CompeteAgainstBestOffsetUpToMid;
            else r.Set(r.D(), x => o.CompeteAgainstBestOffset = x);
        }
        var upToMid = o.HasCompeteAgainstBestOffset && double.IsPositiveInfinity(o.CompeteAgainstBestOffset);
        if (!place || OrderWireRules.IsPegMidOrder(o.OrderType) || (best && upToMid))
        {
            r.Set(r.D(), x => o.MidOffsetAtWhole = x);
            r.Set(r.D(), x => o.MidOffsetAtHalf = x);
        }
    }
}
