using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// openOrder (in 5), the ~150-field text layout of IB's decoder.processOpenOrder / orderdecoder.py, into
/// OpenOrder{orderId, contract, order, orderState}. Protobuf from 203 (AUD203).
/// Text fields the proto lacks are read and dropped: sharesAllocation, faProfile (&lt;177), auctionStrategy,
/// eTradeOnly, firmQuoteOnly, nbboPriceCap, basisPoints, basisPointsType; orderComboLegs prices go to
/// Contract.comboLegs[i].perLegPrice. The orderId is set both on OpenOrder and on its Order (IB's Order has it).
/// </summary>
internal static partial class OrderCodecs
{
    private static void RegisterOpenOrder(CodecRegistry r) =>
        r.Add<OpenOrder>(IncomingIds.OpenOrder, ServerToClient, ServerVersions.ProtobufPlaceOrder, ReadOpenOrder, WriteOpenOrder,
            parse: OrderBodies.ParseOpenOrder);

    private static OpenOrder ReadOpenOrder(ref TextFieldReader f, int v)
    {
        if (v < ServerVersions.OrderContainer) f.Skip("version"); // see OrderVersions.OpenOrderMessageVersion
        var m = new OpenOrder { Contract = new Contract(), Order = new Order(), OrderState = new OrderState() };
        Contract c = m.Contract;
        Order o = m.Order;
        if (f.ReadIntOrUnset("orderId") is { } orderId) m.OrderId = o.OrderId = orderId;
        ReadOrderContract(ref f, c);
        ReadOpenOrderHead(ref f, o, v);
        // [parentId][triggerMethod], the volatility, trail and (dropped) basis-points blocks, then the combo.
        if (f.ReadIntOrUnset("parentId") is { } parentId) o.ParentId = parentId;
        if (f.ReadIntOrUnset("triggerMethod") is { } trigger) o.TriggerMethod = trigger;
        ReadVolParams(ref f, o, openOrderAttribs: true);
        if (f.ReadDoubleOrUnset("trailStopPrice") is { } trail) o.TrailStopPrice = trail;
        if (f.ReadDoubleOrUnset("trailingPercent") is { } trailPct) o.TrailingPercent = trailPct;
        f.Skip("basisPoints");
        f.Skip("basisPointsType");
        if (f.ReadStringOrUnset("comboLegsDescrip") is { } descrip) c.ComboLegsDescrip = descrip;
        ReadComboLegs(ref f, c);
        ReadOrderComboLegPrices(ref f, c);
        ReadTagValues(ref f, o.SmartComboRoutingParams, "smartComboRoutingParamsCount");
        ReadScaleParams(ref f, o);
        ReadHedgeParams(ref f, o);
        if (f.ReadBoolOrUnset("optOutSmartRouting") is { } optOut) o.OptOutSmartRouting = optOut;
        if (f.ReadStringOrUnset("clearingAccount") is { } clearingAccount) o.ClearingAccount = clearingAccount;
        if (f.ReadStringOrUnset("clearingIntent") is { } clearingIntent) o.ClearingIntent = clearingIntent;
        if (f.ReadBoolOrUnset("notHeld") is { } notHeld) o.NotHeld = notHeld;
        ReadDeltaNeutralContract(ref f, c);
        ReadAlgoParams(ref f, o);
        if (f.ReadBoolOrUnset("solicited") is { } solicited) o.Solicited = solicited;
        ReadWhatIfAndOrderState(ref f, o, m.OrderState, v);
        if (f.ReadBoolOrUnset("randomizeSize") is { } randomSize) o.RandomizeSize = randomSize;
        if (f.ReadBoolOrUnset("randomizePrice") is { } randomPrice) o.RandomizePrice = randomPrice;
        if (v >= OrderVersions.PeggedToBenchmark)
        {
            ReadPegBenchParams(ref f, o);
            ReadConditions(ref f, o);
            ReadAdjustedOrderParams(ref f, o);
        }
        ReadOpenOrderTail(ref f, o, v);
        return m;
    }

    // From action to ocaType, with the legacy fields between them.
    private static void ReadOpenOrderHead(ref TextFieldReader f, Order o, int v)
    {
        ReadOrderMain(ref f, o);
        if (f.ReadIntOrUnset("clientId") is { } clientId) o.ClientId = clientId;
        if (f.ReadLongOrUnset("permId") is { } permId) o.PermId = permId;
        if (f.ReadBoolOrUnset("outsideRth") is { } outsideRth) o.OutsideRth = outsideRth;
        if (f.ReadBoolOrUnset("hidden") is { } hidden) o.Hidden = hidden;
        if (f.ReadDoubleOrUnset("discretionaryAmt") is { } discretionary) o.DiscretionaryAmt = discretionary;
        if (f.ReadStringOrUnset("goodAfterTime") is { } goodAfter) o.GoodAfterTime = goodAfter;
        f.Skip("sharesAllocation");
        ReadFaParamsToShortSale(ref f, o, v);
        f.Skip("auctionStrategy");
        ReadBoxAndPegToStock(ref f, o);
        if (f.ReadIntOrUnset("displaySize") is { } displaySize) o.DisplaySize = displaySize;
        if (f.ReadBoolOrUnset("blockOrder") is { } block) o.BlockOrder = block;
        if (f.ReadBoolOrUnset("sweepToFill") is { } sweep) o.SweepToFill = sweep;
        if (f.ReadBoolOrUnset("allOrNone") is { } allOrNone) o.AllOrNone = allOrNone;
        if (f.ReadIntOrUnset("minQty") is { } minQty) o.MinQty = minQty;
        if (f.ReadIntOrUnset("ocaType") is { } ocaType) o.OcaType = ocaType;
        f.Skip("eTradeOnly");
        f.Skip("firmQuoteOnly");
        f.Skip("nbboPriceCap");
    }

    // (≥102) [adjustedOrderType][triggerPrice][trailStopPrice (again)][lmtPriceOffset][adjustedStopPrice]
    // [adjustedStopLimitPrice][adjustedTrailingAmount][adjustableTrailingUnit]
    private static void ReadAdjustedOrderParams(ref TextFieldReader f, Order o)
    {
        if (f.ReadStringOrUnset("adjustedOrderType") is { } adjustedType) o.AdjustedOrderType = adjustedType;
        if (f.ReadDoubleOrUnset("triggerPrice") is { } triggerPrice) o.TriggerPrice = triggerPrice;
        ReadRepeatedTrailStopPrice(ref f, o);
        if (f.ReadDoubleOrUnset("lmtPriceOffset") is { } offset) o.LmtPriceOffset = offset;
        if (f.ReadDoubleOrUnset("adjustedStopPrice") is { } stop) o.AdjustedStopPrice = stop;
        if (f.ReadDoubleOrUnset("adjustedStopLimitPrice") is { } stopLimit) o.AdjustedStopLimitPrice = stopLimit;
        if (f.ReadDoubleOrUnset("adjustedTrailingAmount") is { } trailing) o.AdjustedTrailingAmount = trailing;
        if (f.ReadIntOrUnset("adjustableTrailingUnit") is { } unit) o.AdjustableTrailingUnit = unit;
    }

    // Everything after the adjusted-order block, each gated by the version that added it.
    private static void ReadOpenOrderTail(ref TextFieldReader f, Order o, int v)
    {
        if (v >= OrderVersions.SoftDollarTier) ReadSoftDollarTier(ref f, o, withDisplayName: true);
        if (v >= OrderVersions.CashQty && f.ReadDoubleOrUnset("cashQty") is { } cashQty) o.CashQty = cashQty;
        if (v >= OrderVersions.AutoPriceForHedge && f.ReadBoolOrUnset("dontUseAutoPriceForHedge") is { } noAutoPrice) o.DontUseAutoPriceForHedge = noAutoPrice;
        if (v >= ServerVersions.OrderContainer && f.ReadBoolOrUnset("isOmsContainer") is { } oms) o.IsOmsContainer = oms;
        if (v >= OrderVersions.DPegOrders && f.ReadBoolOrUnset("discretionaryUpToLimitPrice") is { } upToLimit) o.DiscretionaryUpToLimitPrice = upToLimit;
        if (v >= OrderVersions.PriceMgmtAlgo && f.ReadBoolOrUnset("usePriceMgmtAlgo") is { } priceMgmt) o.UsePriceMgmtAlgo = priceMgmt ? 1 : 0;
        if (v >= OrderVersions.Duration && f.ReadIntOrUnset("duration") is { } duration) o.Duration = duration;
        if (v >= OrderVersions.PostToAts && f.ReadIntOrUnset("postToAts") is { } postToAts) o.PostToAts = postToAts;
        if (v >= OrderVersions.AutoCancelParent && f.ReadBoolOrUnset("autoCancelParent") is { } autoCancel) o.AutoCancelParent = autoCancel;
        if (v >= OrderVersions.PegBestPegMidOffsets) ReadPegBestPegMid(ref f, o);
        if (v >= OrderVersions.CustomerAccount && f.ReadStringOrUnset("customerAccount") is { } customer) o.CustomerAccount = customer;
        if (v >= OrderVersions.ProfessionalCustomer && f.ReadBoolOrUnset("professionalCustomer") is { } professional) o.ProfessionalCustomer = professional;
        if (v >= OrderVersions.BondAccruedInterest && f.ReadStringOrUnset("bondAccruedInterest") is { } accrued) o.BondAccruedInterest = accrued;
        if (v >= OrderVersions.IncludeOvernight && f.ReadBoolOrUnset("includeOvernight") is { } overnight) o.IncludeOvernight = overnight;
        if (v >= OrderVersions.CmeTaggingFieldsInOpenOrder)
        {
            if (f.ReadStringOrUnset("extOperator") is { } extOperator) o.ExtOperator = extOperator;
            if (f.ReadIntOrUnset("manualOrderIndicator") is { } indicator) o.ManualOrderIndicator = indicator;
        }
        if (v >= ServerVersions.Submitter && f.ReadStringOrUnset("submitter") is { } submitter) o.Submitter = submitter;
        if (v >= OrderVersions.ImbalanceOnly && f.ReadBoolOrUnset("imbalanceOnly") is { } imbalance) o.ImbalanceOnly = imbalance;
    }
}
