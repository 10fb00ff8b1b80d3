using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Contracts.ContractVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class ContractCodecs
{
    /// <summary>The version field TWS wrote before SIZE_RULES (164) dropped it; 6 carries every versioned field.</summary>
    private const int BondContractDataVersion = 6;

    // bondContractDetails (in 18), IBPY decoder.processBondContractDataMsg:
    // [18]([v] < 164)[reqId (v≥3)][symbol][secType][cusip][coupon][maturity][issueDate][ratings][bondType][couponType]
    // [convertible][callable][putable][descAppend][exchange][currency][marketName][tradingClass][conId][minTick]
    // ([mdSizeMultiplier] 110..163)[orderTypes][validExchanges][nextOptionDate][nextOptionType][nextOptionPartial][notes]
    // [longName (v≥4)]([timeZoneId][tradingHours][liquidHours] ≥ 188)([evRule][evMultiplier] v≥6)
    // ([secIdListCount]{[tag][value]} v≥5)[aggGroup ≥121][marketRuleIds ≥126]([minSize][sizeIncrement][suggestedSizeIncrement] ≥164).
    // The proto has no maturity field: the maturity text ("date [time [zone]]") travels in
    // Contract.lastTradeDateOrContractMonth, as IB's protobuf decoder (setLastTradeDate, isBond) expects. Unlike
    // contractDetails, IBPY does not unescape the bond long name, so neither do we.
    private static void RegisterBondContractData(CodecRegistry r) =>
        r.Add<ContractData>(IncomingIds.BondContractData, ServerToClient, ServerVersions.ProtobufContractData,
            ReadBondContractData, WriteBondContractData, accepts: m => m.Contract?.SecType == "BOND");

    private static ContractData ReadBondContractData(ref TextFieldReader f, int v)
    {
        var version = v < ServerVersions.SizeRules ? f.ReadInt("version") : BondContractDataVersion;
        var c = new Contract();
        var d = new ContractDetails();
        var m = new ContractData { Contract = c, ContractDetails = d };
        if (version >= 3 && f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        if (f.ReadStringOrUnset("symbol") is { } symbol) c.Symbol = symbol;
        if (f.ReadStringOrUnset("secType") is { } secType) c.SecType = secType;
        if (f.ReadStringOrUnset("cusip") is { } cusip) d.Cusip = cusip;
        if (f.ReadDoubleOrUnset("coupon") is { } coupon) d.Coupon = coupon;
        if (f.ReadStringOrUnset("maturity") is { } maturity) c.LastTradeDateOrContractMonth = maturity;
        if (f.ReadStringOrUnset("issueDate") is { } issueDate) d.IssueDate = issueDate;
        if (f.ReadStringOrUnset("ratings") is { } ratings) d.Ratings = ratings;
        if (f.ReadStringOrUnset("bondType") is { } bondType) d.BondType = bondType;
        if (f.ReadStringOrUnset("couponType") is { } couponType) d.CouponType = couponType;
        if (f.ReadBoolOrUnset("convertible") is { } convertible) d.Convertible = convertible;
        if (f.ReadBoolOrUnset("callable") is { } callable) d.Callable = callable;
        if (f.ReadBoolOrUnset("putable") is { } puttable) d.Puttable = puttable;
        if (f.ReadStringOrUnset("descAppend") is { } descAppend) d.DescAppend = descAppend;
        if (f.ReadStringOrUnset("exchange") is { } exchange) c.Exchange = exchange;
        if (f.ReadStringOrUnset("currency") is { } currency) c.Currency = currency;
        if (f.ReadStringOrUnset("marketName") is { } marketName) d.MarketName = marketName;
        if (f.ReadStringOrUnset("tradingClass") is { } tradingClass) c.TradingClass = tradingClass;
        if (f.ReadIntOrUnset("conId") is { } conId) c.ConId = conId;
        if (f.ReadStringOrUnset("minTick") is { } minTick) d.MinTick = minTick;
        if (v is >= V.MdSizeMultiplier and < ServerVersions.SizeRules) f.Skip("mdSizeMultiplier");
        if (f.ReadStringOrUnset("orderTypes") is { } orderTypes) d.OrderTypes = orderTypes;
        if (f.ReadStringOrUnset("validExchanges") is { } validExchanges) d.ValidExchanges = validExchanges;
        if (f.ReadStringOrUnset("nextOptionDate") is { } nextDate) d.NextOptionDate = nextDate;
        if (f.ReadStringOrUnset("nextOptionType") is { } nextType) d.NextOptionType = nextType;
        if (f.ReadBoolOrUnset("nextOptionPartial") is { } partial) d.NextOptionPartial = partial;
        if (f.ReadStringOrUnset("notes") is { } notes) d.BondNotes = notes;
        if (version >= 4 && f.ReadStringOrUnset("longName") is { } longName) d.LongName = longName;
        if (v >= V.BondTradingHours) ReadTradingHours(ref f, d);
        if (version >= 6) ReadEvBlock(ref f, d);
        if (version >= 5) ReadSecIdList(ref f, d);
        if (v >= V.AggGroup && f.ReadIntOrUnset("aggGroup") is { } aggGroup) d.AggGroup = aggGroup;
        if (v >= V.MarketRules && f.ReadStringOrUnset("marketRuleIds") is { } rules) d.MarketRuleIds = rules;
        if (v >= ServerVersions.SizeRules) ReadSizeRules(ref f, d);
        return m;
    }

    private static void WriteBondContractData(ContractData m, ref TextFieldWriter w, int v)
    {
        var c = m.Contract ?? new Contract();
        var d = m.ContractDetails ?? new ContractDetails();
        if (v < ServerVersions.SizeRules) w.WriteInt(BondContractDataVersion);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteString(c.Symbol);
        w.WriteString(c.SecType);
        w.WriteString(d.Cusip);
        w.WriteDoubleOrUnset(d.HasCoupon, d.Coupon);
        w.WriteString(c.LastTradeDateOrContractMonth);
        w.WriteString(d.IssueDate);
        w.WriteString(d.Ratings);
        w.WriteString(d.BondType);
        w.WriteString(d.CouponType);
        w.WriteBoolOrUnset(d.HasConvertible, d.Convertible);
        w.WriteBoolOrUnset(d.HasCallable, d.Callable);
        w.WriteBoolOrUnset(d.HasPuttable, d.Puttable);
        w.WriteString(d.DescAppend);
        w.WriteString(c.Exchange);
        w.WriteString(c.Currency);
        w.WriteString(d.MarketName);
        w.WriteString(c.TradingClass);
        w.WriteIntOrUnset(c.HasConId, c.ConId);
        w.WriteString(d.MinTick);
        if (v is >= V.MdSizeMultiplier and < ServerVersions.SizeRules) w.WriteEmpty(); // mdSizeMultiplier: not in the proto
        w.WriteString(d.OrderTypes);
        w.WriteString(d.ValidExchanges);
        w.WriteString(d.NextOptionDate);
        w.WriteString(d.NextOptionType);
        w.WriteBoolOrUnset(d.HasNextOptionPartial, d.NextOptionPartial);
        w.WriteString(d.BondNotes);
        w.WriteString(d.LongName);
        if (v >= V.BondTradingHours) WriteTradingHours(ref w, d);
        WriteEvBlock(ref w, d);
        WriteSecIdList(ref w, d);
        if (v >= V.AggGroup) w.WriteIntOrUnset(d.HasAggGroup, d.AggGroup);
        if (v >= V.MarketRules) w.WriteString(d.MarketRuleIds);
        if (v >= ServerVersions.SizeRules) WriteSizeRules(ref w, d);
    }
}
