using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// placeOrder (out 3) as IB's EClient.placeOrder writes it (ibapi/client.py), into PlaceOrderRequest{orderId,
/// contract, order}; attachedOrders has no text form. Protobuf from 203 (PROTOBUF_PLACE_ORDER).
/// The text carries a few fields the proto lacks; the decoder reads and drops them: the message version (&lt;145),
/// sharesAllocation, eTradeOnly, firmQuoteOnly, nbboPriceCap, auctionStrategy and the two dead
/// RFQ fields (187..189). faProfile (&lt;177) has no proto field either: it rides as <see cref="OrderTextOnlyFields"/>. Combo legs, order-combo-leg prices and smart-combo params travel only for BAG contracts;
/// the order-combo-leg prices map to Contract.comboLegs[i].perLegPrice.
/// </summary>
internal static partial class OrderCodecs
{
    private static void RegisterPlaceOrder(CodecRegistry r) =>
        r.Add<PlaceOrderRequest>(OutgoingIds.PlaceOrder, ClientToServer, ServerVersions.ProtobufPlaceOrder, ReadPlaceOrder, WritePlaceOrder);

    private static PlaceOrderRequest ReadPlaceOrder(ref TextFieldReader f, int v)
    {
        if (v < ServerVersions.OrderContainer) f.Skip("version");
        var m = new PlaceOrderRequest { Contract = new Contract(), Order = new Order() };
        Contract c = m.Contract;
        Order o = m.Order;
        if (f.ReadIntOrUnset("orderId") is { } orderId) m.OrderId = orderId;
        ReadPlaceOrderContract(ref f, c);
        if (f.ReadStringOrUnset("action") is { } action) o.Action = action;
        // Decimal from 101 (FRACTIONAL_POSITIONS), an integer before; either way the proto keeps the text.
        if (f.ReadStringOrUnset("totalQuantity") is { } quantity) o.TotalQuantity = quantity;
        if (f.ReadStringOrUnset("orderType") is { } orderType) o.OrderType = orderType;
        if (f.ReadDoubleOrUnset("lmtPrice") is { } lmtPrice) o.LmtPrice = lmtPrice;
        if (f.ReadDoubleOrUnset("auxPrice") is { } auxPrice) o.AuxPrice = auxPrice;
        if (f.ReadStringOrUnset("tif") is { } tif) o.Tif = tif;
        if (f.ReadStringOrUnset("ocaGroup") is { } ocaGroup) o.OcaGroup = ocaGroup;
        if (f.ReadStringOrUnset("account") is { } account) o.Account = account;
        if (f.ReadStringOrUnset("openClose") is { } openClose) o.OpenClose = openClose;
        if (f.ReadIntOrUnset("origin") is { } origin) o.Origin = origin;
        if (f.ReadStringOrUnset("orderRef") is { } orderRef) o.OrderRef = orderRef;
        if (f.ReadBoolOrUnset("transmit") is { } transmit) o.Transmit = transmit;
        if (f.ReadIntOrUnset("parentId") is { } parentId) o.ParentId = parentId;
        if (f.ReadBoolOrUnset("blockOrder") is { } block) o.BlockOrder = block;
        if (f.ReadBoolOrUnset("sweepToFill") is { } sweep) o.SweepToFill = sweep;
        if (f.ReadIntOrUnset("displaySize") is { } displaySize) o.DisplaySize = displaySize;
        if (f.ReadIntOrUnset("triggerMethod") is { } trigger) o.TriggerMethod = trigger;
        if (f.ReadBoolOrUnset("outsideRth") is { } outsideRth) o.OutsideRth = outsideRth;
        if (f.ReadBoolOrUnset("hidden") is { } hidden) o.Hidden = hidden;
        if (OrderWireRules.IsCombo(c.SecType))
        {
            ReadComboLegs(ref f, c);
            ReadOrderComboLegPrices(ref f, c);
            ReadTagValues(ref f, o.SmartComboRoutingParams, "smartComboRoutingParamsCount");
        }
        f.Skip("sharesAllocation");
        if (f.ReadDoubleOrUnset("discretionaryAmt") is { } discretionary) o.DiscretionaryAmt = discretionary;
        if (f.ReadStringOrUnset("goodAfterTime") is { } goodAfter) o.GoodAfterTime = goodAfter;
        if (f.ReadStringOrUnset("goodTillDate") is { } goodTill) o.GoodTillDate = goodTill;
        if (f.ReadStringOrUnset("faGroup") is { } faGroup) o.FaGroup = faGroup;
        if (f.ReadStringOrUnset("faMethod") is { } faMethod) o.FaMethod = faMethod;
        if (f.ReadStringOrUnset("faPercentage") is { } faPercentage) o.FaPercentage = faPercentage;
        if (v < OrderVersions.FaProfileDesupport && f.ReadStringOrUnset("faProfile") is { Length: > 0 } faProfile)
            OrderTextOnlyFields.SetFaProfile(o, faProfile);
        if (v >= OrderVersions.ModelsSupport && f.ReadStringOrUnset("modelCode") is { } modelCode) o.ModelCode = modelCode;
        ReadPlaceOrderMiddle(ref f, o);
        ReadPlaceOrderScaleToMisc(ref f, c, o);
        if (v >= OrderVersions.PeggedToBenchmark)
        {
            ReadPegBenchParams(ref f, o);
            ReadConditions(ref f, o);
            if (f.ReadStringOrUnset("adjustedOrderType") is { } adjustedType) o.AdjustedOrderType = adjustedType;
            if (f.ReadDoubleOrUnset("triggerPrice") is { } triggerPrice) o.TriggerPrice = triggerPrice;
            if (f.ReadDoubleOrUnset("lmtPriceOffset") is { } offset) o.LmtPriceOffset = offset;
            if (f.ReadDoubleOrUnset("adjustedStopPrice") is { } stop) o.AdjustedStopPrice = stop;
            if (f.ReadDoubleOrUnset("adjustedStopLimitPrice") is { } stopLimit) o.AdjustedStopLimitPrice = stopLimit;
            if (f.ReadDoubleOrUnset("adjustedTrailingAmount") is { } trailing) o.AdjustedTrailingAmount = trailing;
            if (f.ReadIntOrUnset("adjustableTrailingUnit") is { } unit) o.AdjustableTrailingUnit = unit;
        }
        ReadPlaceOrderTail(ref f, c, o, v);
        return m;
    }

    // [conId][symbol][secType][lastTradeDateOrContractMonth][strike][right][multiplier][exchange][primaryExchange]
    // [currency][localSymbol][tradingClass][secIdType][secId]
    private static void ReadPlaceOrderContract(ref TextFieldReader f, Contract c)
    {
        if (f.ReadIntOrUnset("conId") is { } conId) c.ConId = conId;
        if (f.ReadStringOrUnset("symbol") is { } symbol) c.Symbol = symbol;
        if (f.ReadStringOrUnset("secType") is { } secType) c.SecType = secType;
        if (f.ReadStringOrUnset("lastTradeDateOrContractMonth") is { } last) c.LastTradeDateOrContractMonth = last;
        if (f.ReadDoubleOrUnset("strike") is { } strike) c.Strike = strike;
        if (f.ReadStringOrUnset("right") is { } right) c.Right = right;
        if (f.ReadDoubleOrUnset("multiplier") is { } multiplier) c.Multiplier = multiplier;
        if (f.ReadStringOrUnset("exchange") is { } exchange) c.Exchange = exchange;
        if (f.ReadStringOrUnset("primaryExchange") is { } primary) c.PrimaryExch = primary;
        if (f.ReadStringOrUnset("currency") is { } currency) c.Currency = currency;
        if (f.ReadStringOrUnset("localSymbol") is { } local) c.LocalSymbol = local;
        if (f.ReadStringOrUnset("tradingClass") is { } tradingClass) c.TradingClass = tradingClass;
        if (f.ReadStringOrUnset("secIdType") is { } secIdType) c.SecIdType = secIdType;
        if (f.ReadStringOrUnset("secId") is { } secId) c.SecId = secId;
    }

    // From shortSaleSlot to the volatility and trail blocks.
    private static void ReadPlaceOrderMiddle(ref TextFieldReader f, Order o)
    {
        if (f.ReadIntOrUnset("shortSaleSlot") is { } slot) o.ShortSaleSlot = slot;
        if (f.ReadStringOrUnset("designatedLocation") is { } location) o.DesignatedLocation = location;
        if (f.ReadIntOrUnset("exemptCode") is { } exempt) o.ExemptCode = exempt;
        if (f.ReadIntOrUnset("ocaType") is { } ocaType) o.OcaType = ocaType;
        if (f.ReadStringOrUnset("rule80A") is { } rule80A) o.Rule80A = rule80A;
        if (f.ReadStringOrUnset("settlingFirm") is { } settlingFirm) o.SettlingFirm = settlingFirm;
        if (f.ReadBoolOrUnset("allOrNone") is { } allOrNone) o.AllOrNone = allOrNone;
        if (f.ReadIntOrUnset("minQty") is { } minQty) o.MinQty = minQty;
        if (f.ReadDoubleOrUnset("percentOffset") is { } percentOffset) o.PercentOffset = percentOffset;
        f.Skip("eTradeOnly");
        f.Skip("firmQuoteOnly");
        f.Skip("nbboPriceCap");
        f.Skip("auctionStrategy");
        ReadBoxAndPegToStock(ref f, o);
        if (f.ReadBoolOrUnset("overridePercentageConstraints") is { } overrideConstraints) o.OverridePercentageConstraints = overrideConstraints;
        ReadVolParams(ref f, o, openOrderAttribs: true);
        if (f.ReadDoubleOrUnset("trailStopPrice") is { } trail) o.TrailStopPrice = trail;
        if (f.ReadDoubleOrUnset("trailingPercent") is { } trailPct) o.TrailingPercent = trailPct;
    }

    // From the scale block to randomizePrice.
    private static void ReadPlaceOrderScaleToMisc(ref TextFieldReader f, Contract c, Order o)
    {
        ReadScaleParams(ref f, o);
        if (f.ReadStringOrUnset("scaleTable") is { } scaleTable) o.ScaleTable = scaleTable;
        if (f.ReadStringOrUnset("activeStartTime") is { } start) o.ActiveStartTime = start;
        if (f.ReadStringOrUnset("activeStopTime") is { } stop) o.ActiveStopTime = stop;
        ReadHedgeParams(ref f, o);
        if (f.ReadBoolOrUnset("optOutSmartRouting") is { } optOut) o.OptOutSmartRouting = optOut;
        if (f.ReadStringOrUnset("clearingAccount") is { } clearingAccount) o.ClearingAccount = clearingAccount;
        if (f.ReadStringOrUnset("clearingIntent") is { } clearingIntent) o.ClearingIntent = clearingIntent;
        if (f.ReadBoolOrUnset("notHeld") is { } notHeld) o.NotHeld = notHeld;
        ReadDeltaNeutralContract(ref f, c);
        ReadAlgoParams(ref f, o);
        if (f.ReadStringOrUnset("algoId") is { } algoId) o.AlgoId = algoId;
        if (f.ReadBoolOrUnset("whatIf") is { } whatIf) o.WhatIf = whatIf;
        if (f.ReadStringOrUnset("orderMiscOptions") is { } misc) ParseMiscOptions(misc, o);
        if (f.ReadBoolOrUnset("solicited") is { } solicited) o.Solicited = solicited;
        if (f.ReadBoolOrUnset("randomizeSize") is { } randomSize) o.RandomizeSize = randomSize;
        if (f.ReadBoolOrUnset("randomizePrice") is { } randomPrice) o.RandomizePrice = randomPrice;
    }
}
