using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// placeOrder (out 3) text encoder: IB's EClient.placeOrder field order and gates, mirrored by <see cref="ReadPlaceOrder"/>.
/// Bools IB always sends go out as 0/1; an unset one takes IB's Order default (ibapi/order.py): transmit defaults to
/// true (an unset transmit must not silently hold the order), every other bool to false. Ints IB sends with make_field whose default is
/// UNSET_INTEGER (duration, postToAts, manualOrderIndicator) go out as the literal 2147483647, as IB's client does.
/// </summary>
internal static partial class OrderCodecs
{
    private static void WritePlaceOrder(PlaceOrderRequest m, ref TextFieldWriter w, int v)
    {
        var c = m.Contract ?? new Contract();
        var o = m.Order ?? new Order();
        if (v < ServerVersions.OrderContainer) w.WriteInt(OrderVersions.PlaceOrderMessageVersion);
        w.WriteIntOrUnset(m.HasOrderId, m.OrderId);
        WritePlaceOrderContract(ref w, c);
        w.WriteString(o.Action);
        w.WriteString(o.TotalQuantity);
        w.WriteString(o.OrderType);
        w.WriteDoubleOrUnset(o.HasLmtPrice, o.LmtPrice);
        w.WriteDoubleOrUnset(o.HasAuxPrice, o.AuxPrice);
        w.WriteString(o.Tif);
        w.WriteString(o.OcaGroup);
        w.WriteString(o.Account);
        w.WriteString(o.OpenClose);
        w.WriteIntOrUnset(o.HasOrigin, o.Origin);
        w.WriteString(o.OrderRef);
        w.WriteBool(!o.HasTransmit || o.Transmit);
        w.WriteIntOrUnset(o.HasParentId, o.ParentId);
        w.WriteBool(o.BlockOrder);
        w.WriteBool(o.SweepToFill);
        w.WriteIntOrUnset(o.HasDisplaySize, o.DisplaySize);
        w.WriteIntOrUnset(o.HasTriggerMethod, o.TriggerMethod);
        w.WriteBool(o.OutsideRth);
        w.WriteBool(o.Hidden);
        if (OrderWireRules.IsCombo(c.SecType))
        {
            WriteComboLegs(ref w, c);
            WriteOrderComboLegPrices(ref w, c);
            WriteTagValues(ref w, o.SmartComboRoutingParams);
        }
        w.WriteEmpty(); // sharesAllocation (deprecated)
        w.WriteDoubleOrUnset(o.HasDiscretionaryAmt, o.DiscretionaryAmt);
        w.WriteString(o.GoodAfterTime);
        w.WriteString(o.GoodTillDate);
        w.WriteString(o.FaGroup);
        w.WriteString(o.FaMethod);
        w.WriteString(o.FaPercentage);
        // faProfile: below 177 only (IB folded profiles into groups there; the desk refuses a profile from 177).
        if (v < OrderVersions.FaProfileDesupport) w.WriteString(OrderTextOnlyFields.FaProfile(o) ?? "");
        if (v >= OrderVersions.ModelsSupport) w.WriteString(o.ModelCode);
        WritePlaceOrderMiddle(ref w, o);
        WritePlaceOrderScaleToMisc(ref w, c, o);
        if (v >= OrderVersions.PeggedToBenchmark)
        {
            WritePegBenchParams(ref w, o);
            WriteConditions(ref w, o);
            w.WriteString(o.AdjustedOrderType);
            w.WriteDoubleOrUnset(o.HasTriggerPrice, o.TriggerPrice);
            w.WriteDoubleOrUnset(o.HasLmtPriceOffset, o.LmtPriceOffset);
            w.WriteDoubleOrUnset(o.HasAdjustedStopPrice, o.AdjustedStopPrice);
            w.WriteDoubleOrUnset(o.HasAdjustedStopLimitPrice, o.AdjustedStopLimitPrice);
            w.WriteDoubleOrUnset(o.HasAdjustedTrailingAmount, o.AdjustedTrailingAmount);
            w.WriteIntOrUnset(o.HasAdjustableTrailingUnit, o.AdjustableTrailingUnit);
        }
        WritePlaceOrderTail(ref w, c, o, v);
    }

    private static void WritePlaceOrderContract(ref TextFieldWriter w, Contract c)
    {
        w.WriteIntOrUnset(c.HasConId, c.ConId);
        w.WriteString(c.Symbol);
        w.WriteString(c.SecType);
        w.WriteString(c.LastTradeDateOrContractMonth);
        w.WriteDoubleOrUnset(c.HasStrike, c.Strike);
        w.WriteString(c.Right);
        w.WriteDoubleOrUnset(c.HasMultiplier, c.Multiplier);
        w.WriteString(c.Exchange);
        w.WriteString(c.PrimaryExch);
        w.WriteString(c.Currency);
        w.WriteString(c.LocalSymbol);
        w.WriteString(c.TradingClass);
        w.WriteString(c.SecIdType);
        w.WriteString(c.SecId);
    }

    private static void WritePlaceOrderMiddle(ref TextFieldWriter w, Order o)
    {
        w.WriteIntOrUnset(o.HasShortSaleSlot, o.ShortSaleSlot);
        w.WriteString(o.DesignatedLocation);
        w.WriteIntOrUnset(o.HasExemptCode, o.ExemptCode);
        w.WriteIntOrUnset(o.HasOcaType, o.OcaType);
        w.WriteString(o.Rule80A);
        w.WriteString(o.SettlingFirm);
        w.WriteBool(o.AllOrNone);
        w.WriteIntOrUnset(o.HasMinQty, o.MinQty);
        w.WriteDoubleOrUnset(o.HasPercentOffset, o.PercentOffset);
        w.WriteBool(false); // eTradeOnly (deprecated)
        w.WriteBool(false); // firmQuoteOnly (deprecated)
        w.WriteEmpty();     // nbboPriceCap (deprecated)
        w.WriteInt(0);      // auctionStrategy: AUCTION_UNSET, the proto has no such field
        WriteBoxAndPegToStock(ref w, o);
        w.WriteBool(o.OverridePercentageConstraints);
        WriteVolParams(ref w, o, openOrderAttribs: true);
        w.WriteDoubleOrUnset(o.HasTrailStopPrice, o.TrailStopPrice);
        w.WriteDoubleOrUnset(o.HasTrailingPercent, o.TrailingPercent);
    }

    private static void WritePlaceOrderScaleToMisc(ref TextFieldWriter w, Contract c, Order o)
    {
        WriteScaleParams(ref w, o);
        w.WriteString(o.ScaleTable);
        w.WriteString(o.ActiveStartTime);
        w.WriteString(o.ActiveStopTime);
        WriteHedgeParams(ref w, o);
        w.WriteBool(o.OptOutSmartRouting);
        w.WriteString(o.ClearingAccount);
        w.WriteString(o.ClearingIntent);
        w.WriteBool(o.NotHeld);
        WriteDeltaNeutralContract(ref w, c);
        WriteAlgoParams(ref w, o);
        w.WriteString(o.AlgoId);
        w.WriteBool(o.WhatIf);
        w.WriteString(FormatMiscOptions(o));
        w.WriteBool(o.Solicited);
        w.WriteBool(o.RandomizeSize);
        w.WriteBool(o.RandomizePrice);
    }

    private static void WritePlaceOrderTail(ref TextFieldWriter w, Contract c, Order o, int v)
    {
        if (v >= OrderVersions.ExtOperator) w.WriteString(o.ExtOperator);
        if (v >= OrderVersions.SoftDollarTier) WriteSoftDollarTier(ref w, o, withDisplayName: false);
        if (v >= OrderVersions.CashQty) w.WriteDoubleOrUnset(o.HasCashQty, o.CashQty);
        if (v >= OrderVersions.DecisionMaker)
        {
            w.WriteString(o.Mifid2DecisionMaker);
            w.WriteString(o.Mifid2DecisionAlgo);
        }
        if (v >= OrderVersions.MifidExecution)
        {
            w.WriteString(o.Mifid2ExecutionTrader);
            w.WriteString(o.Mifid2ExecutionAlgo);
        }
        if (v >= OrderVersions.AutoPriceForHedge) w.WriteBool(o.DontUseAutoPriceForHedge);
        if (v >= ServerVersions.OrderContainer) w.WriteBool(o.IsOmsContainer);
        if (v >= OrderVersions.DPegOrders) w.WriteBool(o.DiscretionaryUpToLimitPrice);
        if (v >= OrderVersions.PriceMgmtAlgo) w.WriteIntOrUnset(o.HasUsePriceMgmtAlgo, o.UsePriceMgmtAlgo);
        if (v >= OrderVersions.Duration) w.WriteInt(o.HasDuration ? o.Duration : int.MaxValue);
        if (v >= OrderVersions.PostToAts) w.WriteInt(o.HasPostToAts ? o.PostToAts : int.MaxValue);
        if (v >= OrderVersions.AutoCancelParent) w.WriteBool(o.AutoCancelParent);
        if (v >= ServerVersions.AdvancedOrderReject) w.WriteString(o.AdvancedErrorOverride);
        if (v >= ServerVersions.ManualOrderTime) w.WriteString(o.ManualOrderTime);
        if (v >= OrderVersions.PegBestPegMidOffsets) WritePlacePegBestPegMid(ref w, c, o);
        if (v >= OrderVersions.CustomerAccount) w.WriteString(o.CustomerAccount);
        if (v >= OrderVersions.ProfessionalCustomer) w.WriteBool(o.ProfessionalCustomer);
        if (v is >= ServerVersions.RfqFields and < OrderVersions.UndoRfqFields)
        {
            w.WriteEmpty();
            w.WriteInt(int.MaxValue); // IB writes make_field(UNSET_INTEGER) literally
        }
        if (v >= OrderVersions.IncludeOvernight) w.WriteBool(o.IncludeOvernight);
        if (v >= ServerVersions.CmeTaggingFields) w.WriteInt(o.HasManualOrderIndicator ? o.ManualOrderIndicator : int.MaxValue);
        if (v >= OrderVersions.ImbalanceOnly) w.WriteBool(o.ImbalanceOnly);
    }
}
