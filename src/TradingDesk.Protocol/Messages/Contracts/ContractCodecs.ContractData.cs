using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Contracts.ContractVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class ContractCodecs
{
    /// <summary>The version field TWS wrote before SIZE_RULES (164) dropped it; 8 carries every versioned field.</summary>
    private const int ContractDataVersion = 8;

    // contractDetails (in 10), IBPY decoder.processContractDataMsg. The layout below is 164..181's.
    // Before 164 a version field follows the id and older versions drop fields (reqId < 3, underConId < 4,
    // longName/primaryExchange < 5, the descriptive block < 6, secIdList < 7, evRule/evMultiplier < 8).
    // lastTradeDateOrContractMonth is kept verbatim ("20250620 08:30 US/Central"): IB's own protobuf path also
    // carries the whole string in Contract.lastTradeDateOrContractMonth and splits it client-side.
    // Bonds arrive as bondContractDetails (18) instead; both share the ContractData proto, told apart by secType.
    private static void RegisterContractData(CodecRegistry r) =>
        r.Add<ContractData>(IncomingIds.ContractData, ServerToClient, ServerVersions.ProtobufContractData,
            ReadContractData, WriteContractData, accepts: m => m.Contract?.SecType != "BOND");

    private static ContractData ReadContractData(ref TextFieldReader f, int v)
    {
        var version = v < ServerVersions.SizeRules ? f.ReadInt("version") : ContractDataVersion;
        var c = new Contract();
        var d = new ContractDetails();
        var m = new ContractData { Contract = c, ContractDetails = d };
        if (version >= 3 && f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        if (f.ReadStringOrUnset("symbol") is { } symbol) c.Symbol = symbol;
        if (f.ReadStringOrUnset("secType") is { } secType) c.SecType = secType;
        if (f.ReadStringOrUnset("lastTradeDateOrContractMonth") is { } ltd) c.LastTradeDateOrContractMonth = ltd;
        if (v >= ServerVersions.LastTradeDate && f.ReadStringOrUnset("lastTradeDate") is { } lastTradeDate) c.LastTradeDate = lastTradeDate;
        if (f.ReadDoubleOrUnset("strike") is { } strike) c.Strike = strike;
        if (f.ReadStringOrUnset("right") is { } right) c.Right = right;
        if (f.ReadStringOrUnset("exchange") is { } exchange) c.Exchange = exchange;
        if (f.ReadStringOrUnset("currency") is { } currency) c.Currency = currency;
        if (f.ReadStringOrUnset("localSymbol") is { } localSymbol) c.LocalSymbol = localSymbol;
        if (f.ReadStringOrUnset("marketName") is { } marketName) d.MarketName = marketName;
        if (f.ReadStringOrUnset("tradingClass") is { } tradingClass) c.TradingClass = tradingClass;
        if (f.ReadIntOrUnset("conId") is { } conId) c.ConId = conId;
        if (f.ReadStringOrUnset("minTick") is { } minTick) d.MinTick = minTick; // a string in the proto: kept verbatim
        if (v is >= V.MdSizeMultiplier and < ServerVersions.SizeRules) f.Skip("mdSizeMultiplier");
        if (f.ReadDoubleOrUnset("multiplier") is { } multiplier) c.Multiplier = multiplier;
        if (f.ReadStringOrUnset("orderTypes") is { } orderTypes) d.OrderTypes = orderTypes;
        if (f.ReadStringOrUnset("validExchanges") is { } validExchanges) d.ValidExchanges = validExchanges;
        if (f.ReadIntOrUnset("priceMagnifier") is { } magnifier) d.PriceMagnifier = magnifier;
        if (version >= 4 && f.ReadIntOrUnset("underConId") is { } underConId) d.UnderConId = underConId;
        if (version >= 5)
        {
            // From 153 (ENCODE_MSG_ASCII7) the long name carries \uXXXX escapes for non-ASCII characters.
            if (f.ReadStringOrUnset("longName") is { } longName)
                d.LongName = v >= ServerVersions.EncodeMsgAscii7 ? Ascii7.Unescape(longName) : longName;
            if (f.ReadStringOrUnset("primaryExchange") is { } primary) c.PrimaryExch = primary;
        }
        if (version >= 6) ReadDescriptiveBlock(ref f, d);
        if (version >= 8) ReadEvBlock(ref f, d);
        if (version >= 7) ReadSecIdList(ref f, d);
        if (v >= V.AggGroup && f.ReadIntOrUnset("aggGroup") is { } aggGroup) d.AggGroup = aggGroup;
        if (v >= V.UnderlyingInfo)
        {
            if (f.ReadStringOrUnset("underSymbol") is { } underSymbol) d.UnderSymbol = underSymbol;
            if (f.ReadStringOrUnset("underSecType") is { } underSecType) d.UnderSecType = underSecType;
        }
        if (v >= V.MarketRules && f.ReadStringOrUnset("marketRuleIds") is { } rules) d.MarketRuleIds = rules;
        if (v >= V.RealExpirationDate && f.ReadStringOrUnset("realExpirationDate") is { } realExpiry) d.RealExpirationDate = realExpiry;
        if (v >= V.StockType && f.ReadStringOrUnset("stockType") is { } stockType) d.StockType = stockType;
        if (v is >= V.FractionalSizeSupport and < ServerVersions.SizeRules) f.Skip("sizeMinTick");
        if (v >= ServerVersions.SizeRules) ReadSizeRules(ref f, d);
        if (v >= ServerVersions.FundDataFields && c.SecType == "FUND") ReadFundFields(ref f, d);
        if (v >= ServerVersions.IneligibilityReasons) ReadIneligibilityReasons(ref f, d);
        return m;
    }

    private static void WriteContractData(ContractData m, ref TextFieldWriter w, int v)
    {
        var c = m.Contract ?? new Contract();
        var d = m.ContractDetails ?? new ContractDetails();
        if (v < ServerVersions.SizeRules) w.WriteInt(ContractDataVersion);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteString(c.Symbol);
        w.WriteString(c.SecType);
        w.WriteString(c.LastTradeDateOrContractMonth);
        if (v >= ServerVersions.LastTradeDate) w.WriteString(c.LastTradeDate);
        w.WriteDoubleOrUnset(c.HasStrike, c.Strike);
        w.WriteString(c.Right);
        w.WriteString(c.Exchange);
        w.WriteString(c.Currency);
        w.WriteString(c.LocalSymbol);
        w.WriteString(d.MarketName);
        w.WriteString(c.TradingClass);
        w.WriteIntOrUnset(c.HasConId, c.ConId);
        w.WriteString(d.MinTick);
        if (v is >= V.MdSizeMultiplier and < ServerVersions.SizeRules) w.WriteEmpty(); // mdSizeMultiplier: not in the proto
        w.WriteDoubleOrUnset(c.HasMultiplier, c.Multiplier);
        w.WriteString(d.OrderTypes);
        w.WriteString(d.ValidExchanges);
        w.WriteIntOrUnset(d.HasPriceMagnifier, d.PriceMagnifier);
        w.WriteIntOrUnset(d.HasUnderConId, d.UnderConId);
        w.WriteString(v >= ServerVersions.EncodeMsgAscii7 ? Ascii7.Escape(d.LongName) : d.LongName);
        w.WriteString(c.PrimaryExch);
        WriteDescriptiveBlock(ref w, d);
        WriteEvBlock(ref w, d);
        WriteSecIdList(ref w, d);
        if (v >= V.AggGroup) w.WriteIntOrUnset(d.HasAggGroup, d.AggGroup);
        if (v >= V.UnderlyingInfo)
        {
            w.WriteString(d.UnderSymbol);
            w.WriteString(d.UnderSecType);
        }
        if (v >= V.MarketRules) w.WriteString(d.MarketRuleIds);
        if (v >= V.RealExpirationDate) w.WriteString(d.RealExpirationDate);
        if (v >= V.StockType) w.WriteString(d.StockType);
        if (v is >= V.FractionalSizeSupport and < ServerVersions.SizeRules) w.WriteEmpty(); // sizeMinTick: not in the proto
        if (v >= ServerVersions.SizeRules) WriteSizeRules(ref w, d);
        if (v >= ServerVersions.FundDataFields && c.SecType == "FUND") WriteFundFields(ref w, d);
        if (v >= ServerVersions.IneligibilityReasons) WriteIneligibilityReasons(ref w, d);
    }
}
