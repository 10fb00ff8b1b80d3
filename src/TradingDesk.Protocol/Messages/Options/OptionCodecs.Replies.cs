using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using TradingDesk.Protocol.TextOnly;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Options.OptionVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class OptionCodecs
{
    private static void RegisterChain(CodecRegistry r)
    {
        // securityDefinitionOptionParameter (in 75), IBPY decoder.processSecurityDefinitionOptionParameterMsg, no
        // version field: [75][reqId][exchange][underlyingConId][tradingClass][multiplier]
        // [expCount]{[expiration]}[strikeCount]{[strike]}. Multiplier is a string on both wires here. Both counts are
        // bounded before anything is allocated. IBPY collects both lists into sets; the codec keeps TWS's order.
        r.Add<SecDefOptParameter>(IncomingIds.SecurityDefinitionOptionParameter, ServerToClient, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new SecDefOptParameter();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("exchange") is { } exchange) m.Exchange = exchange;
                if (f.ReadIntOrUnset("underlyingConId") is { } conId) m.UnderlyingConId = conId;
                if (f.ReadStringOrUnset("tradingClass") is { } tradingClass) m.TradingClass = tradingClass;
                if (f.ReadStringOrUnset("multiplier") is { } multiplier) m.Multiplier = multiplier;
                var expirations = ContractText.ReadCount(ref f, "expCount");
                for (var i = 0; i < expirations; i++) m.Expirations.Add(f.ReadString("expiration"));
                var strikes = ContractText.ReadCount(ref f, "strikeCount");
                for (var i = 0; i < strikes; i++) m.Strikes.Add(f.ReadDouble("strike"));
                return m;
            },
            (SecDefOptParameter m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Exchange);
                w.WriteIntOrUnset(m.HasUnderlyingConId, m.UnderlyingConId);
                w.WriteString(m.TradingClass);
                w.WriteString(m.Multiplier);
                w.WriteInt(m.Expirations.Count);
                foreach (var expiration in m.Expirations) w.WriteString(expiration);
                w.WriteInt(m.Strikes.Count);
                foreach (var strike in m.Strikes) w.WriteDouble(strike);
            },
            minVersion: V.SecDefOptParamsReq);

        // securityDefinitionOptionParameterEnd (in 76): [76][reqId], no version field.
        r.AddReqId<SecDefOptParameterEnd>(IncomingIds.SecurityDefinitionOptionParameterEnd, ServerToClient, ServerVersions.ProtobufRestMessages2,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, V.SecDefOptParamsReq);
    }

    private static void RegisterTicks(CodecRegistry r)
    {
        r.Add<TickOptionComputation>(IncomingIds.TickOptionComputation, ServerToClient, ServerVersions.ProtobufMarketData,
            DecodeOptionComputation, EncodeOptionComputation);

        // tickEFP (in 47), IBPY EWrapper.tickEFP (decoded by its signature) and IBCS TickEFPEvent:
        // [47][v=1][reqId][tickType][basisPoints][formattedBasisPoints][impliedFuturesPrice][holdDays]
        // [futureLastTradeDate][dividendImpact][dividendsToLastTradeDate]. Text only (no IB protobuf type). Here and
        // in deltaNeutralValidation IB's decoders skip the version; the 1 written is UNCONFIRMED.
        r.Add<TickEFP>(IncomingIds.TickEfp, ServerToClient, int.MaxValue,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new TickEFP();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("tickType") is { } type) m.TickType = type;
                if (f.ReadDoubleOrUnset("basisPoints") is { } basis) m.BasisPoints = basis;
                if (f.ReadStringOrUnset("formattedBasisPoints") is { } formatted) m.FormattedBasisPoints = formatted;
                if (f.ReadDoubleOrUnset("impliedFuturesPrice") is { } implied) m.ImpliedFuturesPrice = implied;
                if (f.ReadIntOrUnset("holdDays") is { } days) m.HoldDays = days;
                if (f.ReadStringOrUnset("futureLastTradeDate") is { } date) m.FutureLastTradeDate = date;
                if (f.ReadDoubleOrUnset("dividendImpact") is { } impact) m.DividendImpact = impact;
                if (f.ReadDoubleOrUnset("dividendsToLastTradeDate") is { } dividends) m.DividendsToLastTradeDate = dividends;
                return m;
            },
            (TickEFP m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasTickType, m.TickType);
                w.WriteDoubleOrUnset(m.HasBasisPoints, m.BasisPoints);
                w.WriteString(m.FormattedBasisPoints);
                w.WriteDoubleOrUnset(m.HasImpliedFuturesPrice, m.ImpliedFuturesPrice);
                w.WriteIntOrUnset(m.HasHoldDays, m.HoldDays);
                w.WriteString(m.FutureLastTradeDate);
                w.WriteDoubleOrUnset(m.HasDividendImpact, m.DividendImpact);
                w.WriteDoubleOrUnset(m.HasDividendsToLastTradeDate, m.DividendsToLastTradeDate);
            });

        // deltaNeutralValidation (in 56), IBPY decoder.processDeltaNeutralValidationMsg:
        // [56][v=1][reqId][conId][delta][price]. Text only (no IB protobuf type).
        r.Add<DeltaNeutralValidation>(IncomingIds.DeltaNeutralValidation, ServerToClient, int.MaxValue,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new DeltaNeutralValidation();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("conId") is { } conId) m.ConId = conId;
                if (f.ReadDoubleOrUnset("delta") is { } delta) m.Delta = delta;
                if (f.ReadDoubleOrUnset("price") is { } price) m.Price = price;
                return m;
            },
            (DeltaNeutralValidation m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasConId, m.ConId);
                w.WriteDoubleOrUnset(m.HasDelta, m.Delta);
                w.WriteDoubleOrUnset(m.HasPrice, m.Price);
            });
    }
}
