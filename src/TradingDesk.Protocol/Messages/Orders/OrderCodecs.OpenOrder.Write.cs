using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// openOrder (in 5) text encoder, the mirror of <see cref="ReadOpenOrder"/> (a simulator speaks it). Dropped legacy
/// fields go out empty (bools as 0); trailStopPrice is written at both of its places.
/// </summary>
internal static partial class OrderCodecs
{
    private static void WriteOpenOrder(OpenOrder m, ref TextFieldWriter w, int v)
    {
        if (v < ServerVersions.OrderContainer) w.WriteInt(OrderVersions.OpenOrderMessageVersion);
        var c = m.Contract ?? new Contract();
        var o = m.Order ?? new Order();
        if (m.HasOrderId) w.WriteInt(m.OrderId);
        else w.WriteIntOrUnset(o.HasOrderId, o.OrderId);
        WriteOrderContract(ref w, c);
        WriteOpenOrderHead(ref w, o, v);
        w.WriteIntOrUnset(o.HasParentId, o.ParentId);
        w.WriteIntOrUnset(o.HasTriggerMethod, o.TriggerMethod);
        WriteVolParams(ref w, o, openOrderAttribs: true);
        w.WriteDoubleOrUnset(o.HasTrailStopPrice, o.TrailStopPrice);
        w.WriteDoubleOrUnset(o.HasTrailingPercent, o.TrailingPercent);
        w.WriteEmpty(); // basisPoints
        w.WriteEmpty(); // basisPointsType
        w.WriteString(c.ComboLegsDescrip);
        WriteComboLegs(ref w, c);
        WriteOrderComboLegPrices(ref w, c);
        WriteTagValues(ref w, o.SmartComboRoutingParams);
        WriteScaleParams(ref w, o);
        WriteHedgeParams(ref w, o);
        w.WriteBool(o.OptOutSmartRouting);
        w.WriteString(o.ClearingAccount);
        w.WriteString(o.ClearingIntent);
        w.WriteBool(o.NotHeld);
        WriteDeltaNeutralContract(ref w, c);
        WriteAlgoParams(ref w, o);
        w.WriteBool(o.Solicited);
        WriteWhatIfAndOrderState(ref w, o, m.OrderState ?? new OrderState(), v);
        w.WriteBool(o.RandomizeSize);
        w.WriteBool(o.RandomizePrice);
        if (v >= OrderVersions.PeggedToBenchmark)
        {
            WritePegBenchParams(ref w, o);
            WriteConditions(ref w, o);
            WriteAdjustedOrderParams(ref w, o);
        }
        WriteOpenOrderTail(ref w, o, v);
    }

    private static void WriteOpenOrderHead(ref TextFieldWriter w, Order o, int v)
    {
        WriteOrderMain(ref w, o);
        w.WriteIntOrUnset(o.HasClientId, o.ClientId);
        w.WriteLongOrUnset(o.HasPermId, o.PermId);
        w.WriteBool(o.OutsideRth);
        w.WriteBool(o.Hidden);
        w.WriteDoubleOrUnset(o.HasDiscretionaryAmt, o.DiscretionaryAmt);
        w.WriteString(o.GoodAfterTime);
        w.WriteEmpty(); // sharesAllocation
        WriteFaParamsToShortSale(ref w, o, v);
        w.WriteInt(0); // auctionStrategy (AUCTION_UNSET)
        WriteBoxAndPegToStock(ref w, o);
        w.WriteIntOrUnset(o.HasDisplaySize, o.DisplaySize);
        w.WriteBool(o.BlockOrder);
        w.WriteBool(o.SweepToFill);
        w.WriteBool(o.AllOrNone);
        w.WriteIntOrUnset(o.HasMinQty, o.MinQty);
        w.WriteIntOrUnset(o.HasOcaType, o.OcaType);
        w.WriteBool(false); // eTradeOnly
        w.WriteBool(false); // firmQuoteOnly
        w.WriteEmpty();     // nbboPriceCap
    }

    private static void WriteAdjustedOrderParams(ref TextFieldWriter w, Order o)
    {
        w.WriteString(o.AdjustedOrderType);
        w.WriteDoubleOrUnset(o.HasTriggerPrice, o.TriggerPrice);
        w.WriteDoubleOrUnset(o.HasTrailStopPrice, o.TrailStopPrice);
        w.WriteDoubleOrUnset(o.HasLmtPriceOffset, o.LmtPriceOffset);
        w.WriteDoubleOrUnset(o.HasAdjustedStopPrice, o.AdjustedStopPrice);
        w.WriteDoubleOrUnset(o.HasAdjustedStopLimitPrice, o.AdjustedStopLimitPrice);
        w.WriteDoubleOrUnset(o.HasAdjustedTrailingAmount, o.AdjustedTrailingAmount);
        w.WriteIntOrUnset(o.HasAdjustableTrailingUnit, o.AdjustableTrailingUnit);
    }

    private static void WriteOpenOrderTail(ref TextFieldWriter w, Order o, int v)
    {
        if (v >= OrderVersions.SoftDollarTier) WriteSoftDollarTier(ref w, o, withDisplayName: true);
        if (v >= OrderVersions.CashQty) w.WriteDoubleOrUnset(o.HasCashQty, o.CashQty);
        if (v >= OrderVersions.AutoPriceForHedge) w.WriteBool(o.DontUseAutoPriceForHedge);
        if (v >= ServerVersions.OrderContainer) w.WriteBool(o.IsOmsContainer);
        if (v >= OrderVersions.DPegOrders) w.WriteBool(o.DiscretionaryUpToLimitPrice);
        if (v >= OrderVersions.PriceMgmtAlgo) WriteIntAsBoolOrUnset(ref w, o.HasUsePriceMgmtAlgo, o.UsePriceMgmtAlgo);
        if (v >= OrderVersions.Duration) w.WriteIntOrUnset(o.HasDuration, o.Duration);
        if (v >= OrderVersions.PostToAts) w.WriteIntOrUnset(o.HasPostToAts, o.PostToAts);
        if (v >= OrderVersions.AutoCancelParent) w.WriteBool(o.AutoCancelParent);
        if (v >= OrderVersions.PegBestPegMidOffsets) WritePegBestPegMid(ref w, o);
        if (v >= OrderVersions.CustomerAccount) w.WriteString(o.CustomerAccount);
        if (v >= OrderVersions.ProfessionalCustomer) w.WriteBool(o.ProfessionalCustomer);
        if (v >= OrderVersions.BondAccruedInterest) w.WriteString(o.BondAccruedInterest);
        if (v >= OrderVersions.IncludeOvernight) w.WriteBool(o.IncludeOvernight);
        if (v >= OrderVersions.CmeTaggingFieldsInOpenOrder)
        {
            w.WriteString(o.ExtOperator);
            w.WriteIntOrUnset(o.HasManualOrderIndicator, o.ManualOrderIndicator);
        }
        if (v >= ServerVersions.Submitter) w.WriteString(o.Submitter);
        if (v >= OrderVersions.ImbalanceOnly) w.WriteBool(o.ImbalanceOnly);
    }
}
