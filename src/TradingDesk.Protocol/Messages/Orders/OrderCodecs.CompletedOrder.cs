using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// completedOrder (in 101, from 150 COMPLETED_ORDERS): IB's decoder.processCompletedOrderMsg, into
/// CompletedOrder{contract, order, orderState}. No version field and no orderId; IB runs the shared order decoder with
/// version = UNSET_INTEGER, so every message-version check passes and only server-version gates apply.
/// Compared with openOrder it lacks clientId, the legacy fields, blockOrder, parentId, basis points,
/// optOutSmartRouting, the what-if block (only the status), the adjusted-order block (only trailStopPrice and
/// lmtPriceOffset, read even below 102) and the soft-dollar tier; it adds autoCancelDate … completedStatus.
/// Protobuf from 204 (the reqCompletedOrders gate; an inference).
/// </summary>
internal static partial class OrderCodecs
{
    private static void RegisterCompletedOrder(CodecRegistry r) =>
        r.Add<CompletedOrder>(IncomingIds.CompletedOrder, ServerToClient, ServerVersions.ProtobufCompletedOrder,
            ReadCompletedOrder, WriteCompletedOrder, minVersion: OrderVersions.CompletedOrders, parse: OrderBodies.ParseCompletedOrder);

    private static CompletedOrder ReadCompletedOrder(ref TextFieldReader f, int v)
    {
        var m = new CompletedOrder { Contract = new Contract(), Order = new Order(), OrderState = new OrderState() };
        Contract c = m.Contract;
        Order o = m.Order;
        ReadOrderContract(ref f, c);
        ReadOrderMain(ref f, o);
        if (f.ReadLongOrUnset("permId") is { } permId) o.PermId = permId;
        if (f.ReadBoolOrUnset("outsideRth") is { } outsideRth) o.OutsideRth = outsideRth;
        if (f.ReadBoolOrUnset("hidden") is { } hidden) o.Hidden = hidden;
        if (f.ReadDoubleOrUnset("discretionaryAmt") is { } discretionary) o.DiscretionaryAmt = discretionary;
        if (f.ReadStringOrUnset("goodAfterTime") is { } goodAfter) o.GoodAfterTime = goodAfter;
        ReadFaParamsToShortSale(ref f, o, v);
        ReadBoxAndPegToStock(ref f, o);
        if (f.ReadIntOrUnset("displaySize") is { } displaySize) o.DisplaySize = displaySize;
        if (f.ReadBoolOrUnset("sweepToFill") is { } sweep) o.SweepToFill = sweep;
        if (f.ReadBoolOrUnset("allOrNone") is { } allOrNone) o.AllOrNone = allOrNone;
        if (f.ReadIntOrUnset("minQty") is { } minQty) o.MinQty = minQty;
        if (f.ReadIntOrUnset("ocaType") is { } ocaType) o.OcaType = ocaType;
        if (f.ReadIntOrUnset("triggerMethod") is { } trigger) o.TriggerMethod = trigger;
        ReadVolParams(ref f, o, openOrderAttribs: false);
        if (f.ReadDoubleOrUnset("trailStopPrice") is { } trail) o.TrailStopPrice = trail;
        if (f.ReadDoubleOrUnset("trailingPercent") is { } trailPct) o.TrailingPercent = trailPct;
        if (f.ReadStringOrUnset("comboLegsDescrip") is { } descrip) c.ComboLegsDescrip = descrip;
        ReadComboLegs(ref f, c);
        ReadOrderComboLegPrices(ref f, c);
        ReadTagValues(ref f, o.SmartComboRoutingParams, "smartComboRoutingParamsCount");
        ReadScaleParams(ref f, o);
        ReadHedgeParams(ref f, o);
        if (f.ReadStringOrUnset("clearingAccount") is { } clearingAccount) o.ClearingAccount = clearingAccount;
        if (f.ReadStringOrUnset("clearingIntent") is { } clearingIntent) o.ClearingIntent = clearingIntent;
        if (f.ReadBoolOrUnset("notHeld") is { } notHeld) o.NotHeld = notHeld;
        ReadDeltaNeutralContract(ref f, c);
        ReadAlgoParams(ref f, o);
        if (f.ReadBoolOrUnset("solicited") is { } solicited) o.Solicited = solicited;
        if (f.ReadStringOrUnset("status") is { } status) m.OrderState.Status = status;
        if (f.ReadBoolOrUnset("randomizeSize") is { } randomSize) o.RandomizeSize = randomSize;
        if (f.ReadBoolOrUnset("randomizePrice") is { } randomPrice) o.RandomizePrice = randomPrice;
        if (v >= OrderVersions.PeggedToBenchmark)
        {
            ReadPegBenchParams(ref f, o);
            ReadConditions(ref f, o);
        }
        ReadRepeatedTrailStopPrice(ref f, o);
        if (f.ReadDoubleOrUnset("lmtPriceOffset") is { } offset) o.LmtPriceOffset = offset;
        ReadCompletedOrderTail(ref f, o, m.OrderState, v);
        return m;
    }

    private static void ReadCompletedOrderTail(ref TextFieldReader f, Order o, OrderState s, int v)
    {
        if (v >= OrderVersions.CashQty && f.ReadDoubleOrUnset("cashQty") is { } cashQty) o.CashQty = cashQty;
        if (v >= OrderVersions.AutoPriceForHedge && f.ReadBoolOrUnset("dontUseAutoPriceForHedge") is { } noAutoPrice) o.DontUseAutoPriceForHedge = noAutoPrice;
        if (v >= ServerVersions.OrderContainer && f.ReadBoolOrUnset("isOmsContainer") is { } oms) o.IsOmsContainer = oms;
        if (f.ReadStringOrUnset("autoCancelDate") is { } cancelDate) o.AutoCancelDate = cancelDate;
        if (f.ReadStringOrUnset("filledQuantity") is { } filled) o.FilledQuantity = filled;
        if (f.ReadIntOrUnset("refFuturesConId") is { } refFutures) o.RefFuturesConId = refFutures;
        if (f.ReadBoolOrUnset("autoCancelParent") is { } autoCancel) o.AutoCancelParent = autoCancel;
        if (f.ReadStringOrUnset("shareholder") is { } shareholder) o.Shareholder = shareholder;
        if (f.ReadBoolOrUnset("imbalanceOnly") is { } imbalance) o.ImbalanceOnly = imbalance;
        if (f.ReadBoolOrUnset("routeMarketableToBbo") is { } bbo) o.RouteMarketableToBbo = bbo ? 1 : 0;
        if (f.ReadLongOrUnset("parentPermId") is { } parentPermId) o.ParentPermId = parentPermId;
        if (f.ReadStringOrUnset("completedTime") is { } time) s.CompletedTime = time;
        if (f.ReadStringOrUnset("completedStatus") is { } completedStatus) s.CompletedStatus = completedStatus;
        if (v >= OrderVersions.PegBestPegMidOffsets) ReadPegBestPegMid(ref f, o);
        if (v >= OrderVersions.CustomerAccount && f.ReadStringOrUnset("customerAccount") is { } customer) o.CustomerAccount = customer;
        if (v >= OrderVersions.ProfessionalCustomer && f.ReadBoolOrUnset("professionalCustomer") is { } professional) o.ProfessionalCustomer = professional;
        if (v >= ServerVersions.Submitter && f.ReadStringOrUnset("submitter") is { } submitter) o.Submitter = submitter;
    }

    private static void WriteCompletedOrder(CompletedOrder m, ref TextFieldWriter w, int v)
    {
        var c = m.Contract ?? new Contract();
        var o = m.Order ?? new Order();
        var s = m.OrderState ?? new OrderState();
        WriteOrderContract(ref w, c);
        WriteOrderMain(ref w, o);
        w.WriteLongOrUnset(o.HasPermId, o.PermId);
        w.WriteBool(o.OutsideRth);
        w.WriteBool(o.Hidden);
        w.WriteDoubleOrUnset(o.HasDiscretionaryAmt, o.DiscretionaryAmt);
        w.WriteString(o.GoodAfterTime);
        WriteFaParamsToShortSale(ref w, o, v);
        WriteBoxAndPegToStock(ref w, o);
        w.WriteIntOrUnset(o.HasDisplaySize, o.DisplaySize);
        w.WriteBool(o.SweepToFill);
        w.WriteBool(o.AllOrNone);
        w.WriteIntOrUnset(o.HasMinQty, o.MinQty);
        w.WriteIntOrUnset(o.HasOcaType, o.OcaType);
        w.WriteIntOrUnset(o.HasTriggerMethod, o.TriggerMethod);
        WriteVolParams(ref w, o, openOrderAttribs: false);
        w.WriteDoubleOrUnset(o.HasTrailStopPrice, o.TrailStopPrice);
        w.WriteDoubleOrUnset(o.HasTrailingPercent, o.TrailingPercent);
        w.WriteString(c.ComboLegsDescrip);
        WriteComboLegs(ref w, c);
        WriteOrderComboLegPrices(ref w, c);
        WriteTagValues(ref w, o.SmartComboRoutingParams);
        WriteScaleParams(ref w, o);
        WriteHedgeParams(ref w, o);
        w.WriteString(o.ClearingAccount);
        w.WriteString(o.ClearingIntent);
        w.WriteBool(o.NotHeld);
        WriteDeltaNeutralContract(ref w, c);
        WriteAlgoParams(ref w, o);
        w.WriteBool(o.Solicited);
        w.WriteString(s.Status);
        w.WriteBool(o.RandomizeSize);
        w.WriteBool(o.RandomizePrice);
        if (v >= OrderVersions.PeggedToBenchmark)
        {
            WritePegBenchParams(ref w, o);
            WriteConditions(ref w, o);
        }
        w.WriteDoubleOrUnset(o.HasTrailStopPrice, o.TrailStopPrice);
        w.WriteDoubleOrUnset(o.HasLmtPriceOffset, o.LmtPriceOffset);
        WriteCompletedOrderTail(ref w, o, s, v);
    }

    private static void WriteCompletedOrderTail(ref TextFieldWriter w, Order o, OrderState s, int v)
    {
        if (v >= OrderVersions.CashQty) w.WriteDoubleOrUnset(o.HasCashQty, o.CashQty);
        if (v >= OrderVersions.AutoPriceForHedge) w.WriteBool(o.DontUseAutoPriceForHedge);
        if (v >= ServerVersions.OrderContainer) w.WriteBool(o.IsOmsContainer);
        w.WriteString(o.AutoCancelDate);
        w.WriteString(o.FilledQuantity);
        w.WriteIntOrUnset(o.HasRefFuturesConId, o.RefFuturesConId);
        w.WriteBool(o.AutoCancelParent);
        w.WriteString(o.Shareholder);
        w.WriteBool(o.ImbalanceOnly);
        WriteIntAsBoolOrUnset(ref w, o.HasRouteMarketableToBbo, o.RouteMarketableToBbo);
        w.WriteLongOrUnset(o.HasParentPermId, o.ParentPermId);
        w.WriteString(s.CompletedTime);
        w.WriteString(s.CompletedStatus);
        if (v >= OrderVersions.PegBestPegMidOffsets) WritePegBestPegMid(ref w, o);
        if (v >= OrderVersions.CustomerAccount) w.WriteString(o.CustomerAccount);
        if (v >= OrderVersions.ProfessionalCustomer) w.WriteBool(o.ProfessionalCustomer);
        if (v >= ServerVersions.Submitter) w.WriteString(o.Submitter);
    }
}
