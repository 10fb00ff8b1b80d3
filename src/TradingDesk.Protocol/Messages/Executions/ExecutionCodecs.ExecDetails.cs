using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class ExecutionCodecs
{
    /// <summary>The version field TWS wrote before LAST_LIQUIDITY (136) dropped it; 10 carries every versioned field.</summary>
    private const int ExecDetailsVersion = 10;

    // execDetails (in 11), IBPY decoder.processExecutionDataMsg. From 136 (LAST_LIQUIDITY) there is no version field
    // and IBPY uses the server version in its place, so every versioned field is present:
    // [11][reqId][orderId][conId][symbol][secType][lastTradeDateOrContractMonth][strike][right][multiplier][exchange]
    // [currency][localSymbol][tradingClass][execId][time][acctNumber][exchange][side][shares][price][permId][clientId]
    // [liquidation][cumQty][avgPrice][orderRef][evRule][evMultiplier][modelCode (≥103)][lastLiquidity (≥136)]
    // [pendingPriceRevision (≥178)][submitter (≥198)]. reqId is −1 for fills nobody asked for.
    // Before 136: a version field, and reqId (v≥7), multiplier (v≥9), tradingClass (v≥10), cumQty/avgPrice (v≥6),
    // orderRef (v≥8), evRule/evMultiplier (v≥9). The text liquidation int maps to the proto bool isLiquidation.
    // optExerciseOrLapseType has no text form in IBPY 10.46: it stays unset on text.
    private static void RegisterExecDetails(CodecRegistry r) =>
        r.Add<ExecutionDetails>(IncomingIds.ExecutionData, ServerToClient, ServerVersions.Protobuf, ReadExecDetails, WriteExecDetails);

    private static ContractFields ExecContractBlock(int version) =>
        ContractFields.Exchange
        | (version >= 9 ? ContractFields.Multiplier : ContractFields.None)
        | (version >= 10 ? ContractFields.TradingClass : ContractFields.None);

    private static ExecutionDetails ReadExecDetails(ref TextFieldReader f, int v)
    {
        var version = v < ServerVersions.LastLiquidity ? f.ReadInt("version") : v;
        var m = new ExecutionDetails();
        var e = new Execution();
        if (version >= 7 && f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        if (f.ReadIntOrUnset("orderId") is { } orderId) e.OrderId = orderId;
        m.Contract = ContractText.Read(ref f, ExecContractBlock(version));
        if (f.ReadStringOrUnset("execId") is { } execId) e.ExecId = execId;
        if (f.ReadStringOrUnset("time") is { } time) e.Time = time;
        if (f.ReadStringOrUnset("acctNumber") is { } account) e.AcctNumber = account;
        if (f.ReadStringOrUnset("exchange") is { } exchange) e.Exchange = exchange;
        if (f.ReadStringOrUnset("side") is { } side) e.Side = side;
        if (f.ReadStringOrUnset("shares") is { } shares) e.Shares = shares;
        if (f.ReadDoubleOrUnset("price") is { } price) e.Price = price;
        if (f.ReadLongOrUnset("permId") is { } permId) e.PermId = permId;
        if (f.ReadIntOrUnset("clientId") is { } clientId) e.ClientId = clientId;
        if (f.ReadBoolOrUnset("liquidation") is { } liquidation) e.IsLiquidation = liquidation;
        if (version >= 6)
        {
            if (f.ReadStringOrUnset("cumQty") is { } cumQty) e.CumQty = cumQty;
            if (f.ReadDoubleOrUnset("avgPrice") is { } avgPrice) e.AvgPrice = avgPrice;
        }
        if (version >= 8 && f.ReadStringOrUnset("orderRef") is { } orderRef) e.OrderRef = orderRef;
        if (version >= 9)
        {
            if (f.ReadStringOrUnset("evRule") is { } evRule) e.EvRule = evRule;
            if (f.ReadDoubleOrUnset("evMultiplier") is { } evMultiplier) e.EvMultiplier = evMultiplier;
        }
        if (v >= ContractVersions.ModelsSupport && f.ReadStringOrUnset("modelCode") is { } modelCode) e.ModelCode = modelCode;
        if (v >= ServerVersions.LastLiquidity && f.ReadIntOrUnset("lastLiquidity") is { } liquidity) e.LastLiquidity = liquidity;
        if (v >= ServerVersions.PendingPriceRevision && f.ReadBoolOrUnset("pendingPriceRevision") is { } pending) e.IsPriceRevisionPending = pending;
        if (v >= ServerVersions.Submitter && f.ReadStringOrUnset("submitter") is { } submitter) e.Submitter = submitter;
        m.Execution = e;
        return m;
    }

    private static void WriteExecDetails(ExecutionDetails m, ref TextFieldWriter w, int v)
    {
        var e = m.Execution ?? new Execution();
        if (v < ServerVersions.LastLiquidity) w.WriteInt(ExecDetailsVersion);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteIntOrUnset(e.HasOrderId, e.OrderId);
        ContractText.Write(ref w, m.Contract, ExecContractBlock(ExecDetailsVersion));
        w.WriteString(e.ExecId);
        w.WriteString(e.Time);
        w.WriteString(e.AcctNumber);
        w.WriteString(e.Exchange);
        w.WriteString(e.Side);
        w.WriteString(e.Shares);
        w.WriteDoubleOrUnset(e.HasPrice, e.Price);
        w.WriteLongOrUnset(e.HasPermId, e.PermId);
        w.WriteIntOrUnset(e.HasClientId, e.ClientId);
        w.WriteBoolOrUnset(e.HasIsLiquidation, e.IsLiquidation);
        w.WriteString(e.CumQty);
        w.WriteDoubleOrUnset(e.HasAvgPrice, e.AvgPrice);
        w.WriteString(e.OrderRef);
        w.WriteString(e.EvRule);
        w.WriteDoubleOrUnset(e.HasEvMultiplier, e.EvMultiplier);
        if (v >= ContractVersions.ModelsSupport) w.WriteString(e.ModelCode);
        if (v >= ServerVersions.LastLiquidity) w.WriteIntOrUnset(e.HasLastLiquidity, e.LastLiquidity);
        if (v >= ServerVersions.PendingPriceRevision) w.WriteBoolOrUnset(e.HasIsPriceRevisionPending, e.IsPriceRevisionPending);
        if (v >= ServerVersions.Submitter) w.WriteString(e.Submitter);
    }
}
