using System.Text;
using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>placeOrder's version-gated tail (105 EXT_OPERATOR onwards) and the orderMiscOptions string.</summary>
internal static partial class OrderCodecs
{
    private static void ReadPlaceOrderTail(ref TextFieldReader f, Contract c, Order o, int v)
    {
        if (v >= OrderVersions.ExtOperator && f.ReadStringOrUnset("extOperator") is { } extOperator) o.ExtOperator = extOperator;
        if (v >= OrderVersions.SoftDollarTier) ReadSoftDollarTier(ref f, o, withDisplayName: false);
        if (v >= OrderVersions.CashQty && f.ReadDoubleOrUnset("cashQty") is { } cashQty) o.CashQty = cashQty;
        if (v >= OrderVersions.DecisionMaker)
        {
            if (f.ReadStringOrUnset("mifid2DecisionMaker") is { } maker) o.Mifid2DecisionMaker = maker;
            if (f.ReadStringOrUnset("mifid2DecisionAlgo") is { } algo) o.Mifid2DecisionAlgo = algo;
        }
        if (v >= OrderVersions.MifidExecution)
        {
            if (f.ReadStringOrUnset("mifid2ExecutionTrader") is { } trader) o.Mifid2ExecutionTrader = trader;
            if (f.ReadStringOrUnset("mifid2ExecutionAlgo") is { } algo) o.Mifid2ExecutionAlgo = algo;
        }
        if (v >= OrderVersions.AutoPriceForHedge && f.ReadBoolOrUnset("dontUseAutoPriceForHedge") is { } noAutoPrice) o.DontUseAutoPriceForHedge = noAutoPrice;
        if (v >= ServerVersions.OrderContainer && f.ReadBoolOrUnset("isOmsContainer") is { } oms) o.IsOmsContainer = oms;
        if (v >= OrderVersions.DPegOrders && f.ReadBoolOrUnset("discretionaryUpToLimitPrice") is { } upToLimit) o.DiscretionaryUpToLimitPrice = upToLimit;
        if (v >= OrderVersions.PriceMgmtAlgo && f.ReadIntOrUnset("usePriceMgmtAlgo") is { } priceMgmt) o.UsePriceMgmtAlgo = priceMgmt;
        if (v >= OrderVersions.Duration && f.ReadIntOrUnset("duration") is { } duration) o.Duration = duration;
        if (v >= OrderVersions.PostToAts && f.ReadIntOrUnset("postToAts") is { } postToAts) o.PostToAts = postToAts;
        if (v >= OrderVersions.AutoCancelParent && f.ReadBoolOrUnset("autoCancelParent") is { } autoCancel) o.AutoCancelParent = autoCancel;
        if (v >= ServerVersions.AdvancedOrderReject && f.ReadStringOrUnset("advancedErrorOverride") is { } advanced) o.AdvancedErrorOverride = advanced;
        if (v >= ServerVersions.ManualOrderTime && f.ReadStringOrUnset("manualOrderTime") is { } manualTime) o.ManualOrderTime = manualTime;
        if (v >= OrderVersions.PegBestPegMidOffsets) ReadPlacePegBestPegMid(ref f, c, o);
        if (v >= OrderVersions.CustomerAccount && f.ReadStringOrUnset("customerAccount") is { } customer) o.CustomerAccount = customer;
        if (v >= OrderVersions.ProfessionalCustomer && f.ReadBoolOrUnset("professionalCustomer") is { } professional) o.ProfessionalCustomer = professional;
        if (v is >= ServerVersions.RfqFields and < OrderVersions.UndoRfqFields)
        {
            f.Skip("(rfq) empty");
            f.Skip("(rfq) unset");
        }
        if (v >= OrderVersions.IncludeOvernight && f.ReadBoolOrUnset("includeOvernight") is { } overnight) o.IncludeOvernight = overnight;
        if (v >= ServerVersions.CmeTaggingFields && f.ReadIntOrUnset("manualOrderIndicator") is { } indicator) o.ManualOrderIndicator = indicator;
        if (v >= OrderVersions.ImbalanceOnly && f.ReadBoolOrUnset("imbalanceOnly") is { } imbalance) o.ImbalanceOnly = imbalance;
    }

    // placeOrder (≥170) sends only what the order uses: [minTradeQty] for IBKRATS; [minCompeteSize]
    // [competeAgainstBestOffset] for PEG BEST, then the mid offsets when that offset is "up to mid" (+∞);
    // [midOffsetAtWhole][midOffsetAtHalf] for PEG MID.
    private static void ReadPlacePegBestPegMid(ref TextFieldReader f, Contract c, Order o)
    {
        if (c.Exchange == OrderWireRules.IbkrAtsExchange && f.ReadIntOrUnset("minTradeQty") is { } minTrade) o.MinTradeQty = minTrade;
        if (!SendsMidOffsets(ref f, o)) return;
        if (f.ReadDoubleOrUnset("midOffsetAtWhole") is { } whole) o.MidOffsetAtWhole = whole;
        if (f.ReadDoubleOrUnset("midOffsetAtHalf") is { } half) o.MidOffsetAtHalf = half;
    }

    private static bool SendsMidOffsets(ref TextFieldReader f, Order o)
    {
        if (OrderWireRules.IsPegBestOrder(o.OrderType))
        {
            if (f.ReadIntOrUnset("minCompeteSize") is { } minCompete) o.MinCompeteSize = minCompete;
            if (f.ReadDoubleOrUnset("competeAgainstBestOffset") is { } offset) o.CompeteAgainstBestOffset = offset;
            return IsUpToMid(o);
        }
        return OrderWireRules.IsPegMidOrder(o.OrderType);
    }

    private static bool IsUpToMid(Order o) =>
        o.HasCompeteAgainstBestOffset && o.CompeteAgainstBestOffset == OrderWireRules.CompeteAgainstBestOffsetUpToMid;

    private static void WritePlacePegBestPegMid(ref TextFieldWriter w, Contract c, Order o)
    {
        if (c.Exchange == OrderWireRules.IbkrAtsExchange) w.WriteIntOrUnset(o.HasMinTradeQty, o.MinTradeQty);
        var sendMid = OrderWireRules.IsPegMidOrder(o.OrderType);
        if (OrderWireRules.IsPegBestOrder(o.OrderType))
        {
            w.WriteIntOrUnset(o.HasMinCompeteSize, o.MinCompeteSize);
            w.WriteDoubleOrUnset(o.HasCompeteAgainstBestOffset, o.CompeteAgainstBestOffset);
            sendMid = IsUpToMid(o);
        }
        if (!sendMid) return;
        w.WriteDoubleOrUnset(o.HasMidOffsetAtWhole, o.MidOffsetAtWhole);
        w.WriteDoubleOrUnset(o.HasMidOffsetAtHalf, o.MidOffsetAtHalf);
    }

    // orderMiscOptions travel as one field, IB's str(TagValue) concatenated: "tag=value;tag=value;".
    private static void ParseMiscOptions(string text, Order o)
    {
        foreach (var item in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = item.IndexOf('=');
            if (eq < 0) o.OrderMiscOptions[item] = "";
            else o.OrderMiscOptions[item[..eq]] = item[(eq + 1)..];
        }
    }

    private static string FormatMiscOptions(Order o)
    {
        if (o.OrderMiscOptions.Count == 0) return "";
        var text = new StringBuilder();
        foreach (var pair in o.OrderMiscOptions) text.Append(pair.Key).Append('=').Append(pair.Value).Append(';');
        return text.ToString();
    }
}
