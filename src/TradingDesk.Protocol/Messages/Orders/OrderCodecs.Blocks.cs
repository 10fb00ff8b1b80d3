using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Field blocks shared by placeOrder, openOrder and completedOrder (IB's OrderDecoder methods and the matching
/// runs of EClient.placeOrder). Each Read has its Write right below it, in the same field order.
/// Bools IB always writes as 0/1 are written with <c>WriteBool</c> (unset goes out as 0, IB's default).
/// </summary>
internal static partial class OrderCodecs
{
    private static int ReadCount(ref TextFieldReader f, string field)
    {
        var start = f.Position;
        var count = f.ReadInt(field);
        if (count is < 0 or >= MaxCount)
            throw f.Error($"count {count} is out of range (0..{MaxCount - 1})", field, start);
        return count;
    }

    // openOrder / completedOrder contract: [conId][symbol][secType][lastTradeDateOrContractMonth][strike][right]
    // [multiplier][exchange][currency][localSymbol][tradingClass]. No primaryExch here. multiplier is a string on the
    // wire and a double in the proto.
    private const ContractFields OrderContract = ContractFields.Multiplier | ContractFields.Exchange | ContractFields.TradingClass;

    private static void ReadOrderContract(ref TextFieldReader f, Contract c) => ContractText.ReadInto(ref f, c, OrderContract);

    private static void WriteOrderContract(ref TextFieldWriter w, Contract c) => ContractText.Write(ref w, c, OrderContract);

    // Volatility block: [volatility][volatilityType][deltaNeutralOrderType][deltaNeutralAuxPrice], then only when
    // deltaNeutralOrderType is non-empty (TWS sends "None" for none, which is non-empty): [dnConId]
    // [dnSettlingFirm][dnClearingAccount][dnClearingIntent][dnOpenClose] (these four not in completedOrder)
    // [dnShortSale][dnShortSaleSlot][dnDesignatedLocation]; then [continuousUpdate][referencePriceType].
    private static void ReadVolParams(ref TextFieldReader f, Order o, bool openOrderAttribs)
    {
        if (f.ReadDoubleOrUnset("volatility") is { } vol) o.Volatility = vol;
        if (f.ReadIntOrUnset("volatilityType") is { } volType) o.VolatilityType = volType;
        if (f.ReadStringOrUnset("deltaNeutralOrderType") is { } dnType) o.DeltaNeutralOrderType = dnType;
        if (f.ReadDoubleOrUnset("deltaNeutralAuxPrice") is { } dnAux) o.DeltaNeutralAuxPrice = dnAux;
        if (o.HasDeltaNeutralOrderType)
        {
            if (f.ReadIntOrUnset("deltaNeutralConId") is { } dnConId) o.DeltaNeutralConId = dnConId;
            if (openOrderAttribs)
            {
                if (f.ReadStringOrUnset("deltaNeutralSettlingFirm") is { } firm) o.DeltaNeutralSettlingFirm = firm;
                if (f.ReadStringOrUnset("deltaNeutralClearingAccount") is { } account) o.DeltaNeutralClearingAccount = account;
                if (f.ReadStringOrUnset("deltaNeutralClearingIntent") is { } intent) o.DeltaNeutralClearingIntent = intent;
                if (f.ReadStringOrUnset("deltaNeutralOpenClose") is { } openClose) o.DeltaNeutralOpenClose = openClose;
            }
            if (f.ReadBoolOrUnset("deltaNeutralShortSale") is { } shortSale) o.DeltaNeutralShortSale = shortSale;
            if (f.ReadIntOrUnset("deltaNeutralShortSaleSlot") is { } slot) o.DeltaNeutralShortSaleSlot = slot;
            if (f.ReadStringOrUnset("deltaNeutralDesignatedLocation") is { } location) o.DeltaNeutralDesignatedLocation = location;
        }
        if (f.ReadBoolOrUnset("continuousUpdate") is { } update) o.ContinuousUpdate = update;
        if (f.ReadIntOrUnset("referencePriceType") is { } refType) o.ReferencePriceType = refType;
    }

    private static void WriteVolParams(ref TextFieldWriter w, Order o, bool openOrderAttribs)
    {
        w.WriteDoubleOrUnset(o.HasVolatility, o.Volatility);
        w.WriteIntOrUnset(o.HasVolatilityType, o.VolatilityType);
        w.WriteString(o.DeltaNeutralOrderType);
        w.WriteDoubleOrUnset(o.HasDeltaNeutralAuxPrice, o.DeltaNeutralAuxPrice);
        if (!string.IsNullOrEmpty(o.DeltaNeutralOrderType))
        {
            w.WriteIntOrUnset(o.HasDeltaNeutralConId, o.DeltaNeutralConId);
            if (openOrderAttribs)
            {
                w.WriteString(o.DeltaNeutralSettlingFirm);
                w.WriteString(o.DeltaNeutralClearingAccount);
                w.WriteString(o.DeltaNeutralClearingIntent);
                w.WriteString(o.DeltaNeutralOpenClose);
            }
            w.WriteBool(o.DeltaNeutralShortSale);
            w.WriteIntOrUnset(o.HasDeltaNeutralShortSaleSlot, o.DeltaNeutralShortSaleSlot);
            w.WriteString(o.DeltaNeutralDesignatedLocation);
        }
        w.WriteBool(o.ContinuousUpdate);
        w.WriteIntOrUnset(o.HasReferencePriceType, o.ReferencePriceType);
    }

    // Scale block: [scaleInitLevelSize][scaleSubsLevelSize][scalePriceIncrement], then only when the increment is set
    // and positive: [scalePriceAdjustValue][scalePriceAdjustInterval][scaleProfitOffset][scaleAutoReset]
    // [scaleInitPosition][scaleInitFillQty][scaleRandomPercent].
    private static void ReadScaleParams(ref TextFieldReader f, Order o)
    {
        if (f.ReadIntOrUnset("scaleInitLevelSize") is { } init) o.ScaleInitLevelSize = init;
        if (f.ReadIntOrUnset("scaleSubsLevelSize") is { } subs) o.ScaleSubsLevelSize = subs;
        if (f.ReadDoubleOrUnset("scalePriceIncrement") is { } increment) o.ScalePriceIncrement = increment;
        if (!HasScaleDetails(o)) return;
        if (f.ReadDoubleOrUnset("scalePriceAdjustValue") is { } adjust) o.ScalePriceAdjustValue = adjust;
        if (f.ReadIntOrUnset("scalePriceAdjustInterval") is { } interval) o.ScalePriceAdjustInterval = interval;
        if (f.ReadDoubleOrUnset("scaleProfitOffset") is { } offset) o.ScaleProfitOffset = offset;
        if (f.ReadBoolOrUnset("scaleAutoReset") is { } reset) o.ScaleAutoReset = reset;
        if (f.ReadIntOrUnset("scaleInitPosition") is { } position) o.ScaleInitPosition = position;
        if (f.ReadIntOrUnset("scaleInitFillQty") is { } fill) o.ScaleInitFillQty = fill;
        if (f.ReadBoolOrUnset("scaleRandomPercent") is { } random) o.ScaleRandomPercent = random;
    }

    private static void WriteScaleParams(ref TextFieldWriter w, Order o)
    {
        w.WriteIntOrUnset(o.HasScaleInitLevelSize, o.ScaleInitLevelSize);
        w.WriteIntOrUnset(o.HasScaleSubsLevelSize, o.ScaleSubsLevelSize);
        w.WriteDoubleOrUnset(o.HasScalePriceIncrement, o.ScalePriceIncrement);
        if (!HasScaleDetails(o)) return;
        w.WriteDoubleOrUnset(o.HasScalePriceAdjustValue, o.ScalePriceAdjustValue);
        w.WriteIntOrUnset(o.HasScalePriceAdjustInterval, o.ScalePriceAdjustInterval);
        w.WriteDoubleOrUnset(o.HasScaleProfitOffset, o.ScaleProfitOffset);
        w.WriteBool(o.ScaleAutoReset);
        w.WriteIntOrUnset(o.HasScaleInitPosition, o.ScaleInitPosition);
        w.WriteIntOrUnset(o.HasScaleInitFillQty, o.ScaleInitFillQty);
        w.WriteBool(o.ScaleRandomPercent);
    }

    internal static bool HasScaleDetails(Order o) => o.HasScalePriceIncrement && o.ScalePriceIncrement > 0.0;

    // Hedge: [hedgeType], then [hedgeParam] only when hedgeType is non-empty.
    private static void ReadHedgeParams(ref TextFieldReader f, Order o)
    {
        if (f.ReadStringOrUnset("hedgeType") is not { } type) return;
        o.HedgeType = type;
        if (f.ReadStringOrUnset("hedgeParam") is { } param) o.HedgeParam = param;
    }

    private static void WriteHedgeParams(ref TextFieldWriter w, Order o)
    {
        w.WriteString(o.HedgeType);
        if (!string.IsNullOrEmpty(o.HedgeType)) w.WriteString(o.HedgeParam);
    }

    // Algo: [algoStrategy], then [count]{[tag][value]} only when the strategy is non-empty.
    private static void ReadAlgoParams(ref TextFieldReader f, Order o)
    {
        if (f.ReadStringOrUnset("algoStrategy") is not { } strategy) return;
        o.AlgoStrategy = strategy;
        ReadTagValues(ref f, o.AlgoParams, "algoParamsCount");
    }

    private static void WriteAlgoParams(ref TextFieldWriter w, Order o)
    {
        w.WriteString(o.AlgoStrategy);
        if (!string.IsNullOrEmpty(o.AlgoStrategy)) WriteTagValues(ref w, o.AlgoParams);
    }

    // Pegged-to-benchmark (≥102, only for PEG BENCH orders): [referenceContractId][isPeggedChangeAmountDecrease]
    // [peggedChangeAmount][referenceChangeAmount][referenceExchangeId].
    private static void ReadPegBenchParams(ref TextFieldReader f, Order o)
    {
        if (!OrderWireRules.IsPegBenchOrder(o.OrderType)) return;
        if (f.ReadIntOrUnset("referenceContractId") is { } conId) o.ReferenceContractId = conId;
        if (f.ReadBoolOrUnset("isPeggedChangeAmountDecrease") is { } decrease) o.IsPeggedChangeAmountDecrease = decrease;
        if (f.ReadDoubleOrUnset("peggedChangeAmount") is { } pegged) o.PeggedChangeAmount = pegged;
        if (f.ReadDoubleOrUnset("referenceChangeAmount") is { } reference) o.ReferenceChangeAmount = reference;
        if (f.ReadStringOrUnset("referenceExchangeId") is { } exchange) o.ReferenceExchangeId = exchange;
    }

    private static void WritePegBenchParams(ref TextFieldWriter w, Order o)
    {
        if (!OrderWireRules.IsPegBenchOrder(o.OrderType)) return;
        w.WriteIntOrUnset(o.HasReferenceContractId, o.ReferenceContractId);
        w.WriteBool(o.IsPeggedChangeAmountDecrease);
        w.WriteDoubleOrUnset(o.HasPeggedChangeAmount, o.PeggedChangeAmount);
        w.WriteDoubleOrUnset(o.HasReferenceChangeAmount, o.ReferenceChangeAmount);
        w.WriteString(o.ReferenceExchangeId);
    }

    // Peg best / peg mid attributes as openOrder and completedOrder carry them (≥170, all five always).
    private static void ReadPegBestPegMid(ref TextFieldReader f, Order o)
    {
        if (f.ReadIntOrUnset("minTradeQty") is { } minTrade) o.MinTradeQty = minTrade;
        if (f.ReadIntOrUnset("minCompeteSize") is { } minCompete) o.MinCompeteSize = minCompete;
        if (f.ReadDoubleOrUnset("competeAgainstBestOffset") is { } offset) o.CompeteAgainstBestOffset = offset;
        if (f.ReadDoubleOrUnset("midOffsetAtWhole") is { } whole) o.MidOffsetAtWhole = whole;
        if (f.ReadDoubleOrUnset("midOffsetAtHalf") is { } half) o.MidOffsetAtHalf = half;
    }

    private static void WritePegBestPegMid(ref TextFieldWriter w, Order o)
    {
        w.WriteIntOrUnset(o.HasMinTradeQty, o.MinTradeQty);
        w.WriteIntOrUnset(o.HasMinCompeteSize, o.MinCompeteSize);
        w.WriteDoubleOrUnset(o.HasCompeteAgainstBestOffset, o.CompeteAgainstBestOffset);
        w.WriteDoubleOrUnset(o.HasMidOffsetAtWhole, o.MidOffsetAtWhole);
        w.WriteDoubleOrUnset(o.HasMidOffsetAtHalf, o.MidOffsetAtHalf);
    }

    // TWS repeats trailStopPrice later in the message (IB's decodeStopPriceAndLmtPriceOffset); IB's decoder keeps
    // the later value, so a set later value wins and an unset one keeps the earlier.
    private static void ReadRepeatedTrailStopPrice(ref TextFieldReader f, Order o)
    {
        if (f.ReadDoubleOrUnset("trailStopPrice") is { } trail) o.TrailStopPrice = trail;
    }

    // bool-on-the-wire fields the proto keeps as int32 (usePriceMgmtAlgo, routeMarketableToBbo): 1/0.
    private static void WriteIntAsBoolOrUnset(ref TextFieldWriter w, bool has, int value)
    {
        if (has) w.WriteBool(value != 0);
        else w.WriteEmpty();
    }
}
