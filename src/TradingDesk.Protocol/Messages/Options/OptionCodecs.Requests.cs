using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Options.OptionVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class OptionCodecs
{
    private const int CalculatorVersion = 3;
    private const int ExerciseOptionsVersion = 2;

    /// <summary>exerciseOptions' contract: C12 without primaryExchange (IBPY client.exerciseOptions).</summary>
    private const ContractFields ExerciseContract = ContractFields.Multiplier | ContractFields.Exchange | ContractFields.TradingClass;

    private static void RegisterRequests(CodecRegistry r)
    {
        // calculateImpliedVolatility (out 54), IBPY client.calculateImpliedVolatility:
        // [54][v=3][reqId][C12][optionPrice][underPrice][implVolOptions]. The floor (100) is above TRADING_CLASS (68)
        // and LINKING (70), so tradingClass and the option list are always there. IBPY refuses a non-empty option
        // list; the Java client writes it as "tag=value;" (ContractBlock.WriteOptions).
        r.Add<CalculateImpliedVolatilityRequest>(OutgoingIds.ReqCalcImpliedVolatility, ClientToServer, ServerVersions.ProtobufRestMessages1,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new CalculateImpliedVolatilityRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                m.Contract = ContractBlock.Read(ref f);
                if (f.ReadDoubleOrUnset("optionPrice") is { } price) m.OptionPrice = price;
                if (f.ReadDoubleOrUnset("underPrice") is { } under) m.UnderPrice = under;
                ContractBlock.ReadOptions(ref f, "implVolOptions", m.ImpliedVolatilityOptions);
                return m;
            },
            (CalculateImpliedVolatilityRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(CalculatorVersion);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                ContractBlock.Write(m.Contract, ref w);
                w.WriteDoubleOrUnset(m.HasOptionPrice, m.OptionPrice);
                w.WriteDoubleOrUnset(m.HasUnderPrice, m.UnderPrice);
                ContractBlock.WriteOptions(m.ImpliedVolatilityOptions, ref w, "implVolOptions");
            });

        // calculateOptionPrice (out 55), IBPY client.calculateOptionPrice: the same layout with volatility in
        // place of optionPrice: [55][v=3][reqId][C12][volatility][underPrice][optPrcOptions].
        r.Add<CalculateOptionPriceRequest>(OutgoingIds.ReqCalcOptionPrice, ClientToServer, ServerVersions.ProtobufRestMessages1,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new CalculateOptionPriceRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                m.Contract = ContractBlock.Read(ref f);
                if (f.ReadDoubleOrUnset("volatility") is { } volatility) m.Volatility = volatility;
                if (f.ReadDoubleOrUnset("underPrice") is { } under) m.UnderPrice = under;
                ContractBlock.ReadOptions(ref f, "optPrcOptions", m.OptionPriceOptions);
                return m;
            },
            (CalculateOptionPriceRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(CalculatorVersion);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                ContractBlock.Write(m.Contract, ref w);
                w.WriteDoubleOrUnset(m.HasVolatility, m.Volatility);
                w.WriteDoubleOrUnset(m.HasUnderPrice, m.UnderPrice);
                ContractBlock.WriteOptions(m.OptionPriceOptions, ref w, "optPrcOptions");
            });

        // cancelCalculateImpliedVolatility (out 56) / cancelCalculateOptionPrice (out 57): [id][v=1][reqId].
        r.AddVersionedReqId<CancelCalculateImpliedVolatility>(OutgoingIds.CancelCalcImpliedVolatility, ClientToServer,
            ServerVersions.ProtobufRestMessages1, version: 1, m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);
        r.AddVersionedReqId<CancelCalculateOptionPrice>(OutgoingIds.CancelCalcOptionPrice, ClientToServer,
            ServerVersions.ProtobufRestMessages1, version: 1, m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        RegisterExerciseOptions(r);

        // reqSecDefOptParams (out 78), IBPY client.reqSecDefOptParams, no version field, from 104:
        // [78][reqId][underlyingSymbol][futFopExchange][underlyingSecType][underlyingConId].
        r.Add<SecDefOptParamsRequest>(OutgoingIds.ReqSecDefOptParams, ClientToServer, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new SecDefOptParamsRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("underlyingSymbol") is { } symbol) m.UnderlyingSymbol = symbol;
                if (f.ReadStringOrUnset("futFopExchange") is { } exchange) m.FutFopExchange = exchange;
                if (f.ReadStringOrUnset("underlyingSecType") is { } secType) m.UnderlyingSecType = secType;
                if (f.ReadIntOrUnset("underlyingConId") is { } conId) m.UnderlyingConId = conId;
                return m;
            },
            (SecDefOptParamsRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.UnderlyingSymbol);
                w.WriteString(m.FutFopExchange);
                w.WriteString(m.UnderlyingSecType);
                w.WriteIntOrUnset(m.HasUnderlyingConId, m.UnderlyingConId);
            },
            minVersion: V.SecDefOptParamsReq);
    }

    // exerciseOptions (out 21), IBPY client.exerciseOptions:
    // [21][v=2][orderId][conId][symbol][secType][lastTradeDateOrContractMonth][strike][right][multiplier][exchange]
    // [currency][localSymbol][tradingClass][exerciseAction][exerciseQuantity][account][override],
    // then [manualOrderTime] from 180, [customerAccount] from 183, [professionalCustomer] from 184. The contract has
    // no primaryExchange. IBPY refuses to send a set manualOrderTime / customerAccount / professionalCustomer to a
    // server below its gate (UPDATE_TWS) rather than drop it; so does this encoder, before writing anything.
    private static void RegisterExerciseOptions(CodecRegistry r) =>
        r.Add<ExerciseOptionsRequest>(OutgoingIds.ExerciseOptions, ClientToServer, ServerVersions.ProtobufRestMessages1,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new ExerciseOptionsRequest();
                if (f.ReadIntOrUnset("orderId") is { } id) m.OrderId = id;
                m.Contract = ContractText.Read(ref f, ExerciseContract);
                if (f.ReadIntOrUnset("exerciseAction") is { } action) m.ExerciseAction = action;
                if (f.ReadIntOrUnset("exerciseQuantity") is { } quantity) m.ExerciseQuantity = quantity;
                if (f.ReadStringOrUnset("account") is { } account) m.Account = account;
                if (f.ReadBoolOrUnset("override") is { } overrides) m.Override = overrides;
                if (v >= V.ManualOrderTimeExerciseOptions && f.ReadStringOrUnset("manualOrderTime") is { } time) m.ManualOrderTime = time;
                if (v >= V.CustomerAccount && f.ReadStringOrUnset("customerAccount") is { } customer) m.CustomerAccount = customer;
                if (v >= V.ProfessionalCustomer && f.ReadBoolOrUnset("professionalCustomer") is { } professional) m.ProfessionalCustomer = professional;
                return m;
            },
            (ExerciseOptionsRequest m, ref TextFieldWriter w, int v) =>
            {
                if (v < V.ManualOrderTimeExerciseOptions && m.HasManualOrderTime && m.ManualOrderTime.Length > 0)
                    throw new ProtocolException($"server {v} does not support manualOrderTime in exerciseOptions", OutgoingIds.ExerciseOptions);
                if (v < V.CustomerAccount && m.HasCustomerAccount && m.CustomerAccount.Length > 0)
                    throw new ProtocolException($"server {v} does not support customerAccount in exerciseOptions", OutgoingIds.ExerciseOptions);
                if (v < V.ProfessionalCustomer && m.ProfessionalCustomer)
                    throw new ProtocolException($"server {v} does not support professionalCustomer in exerciseOptions", OutgoingIds.ExerciseOptions);
                w.WriteInt(ExerciseOptionsVersion);
                w.WriteIntOrUnset(m.HasOrderId, m.OrderId);
                ContractText.Write(ref w, m.Contract, ExerciseContract);
                w.WriteIntOrUnset(m.HasExerciseAction, m.ExerciseAction);
                w.WriteIntOrUnset(m.HasExerciseQuantity, m.ExerciseQuantity);
                w.WriteString(m.Account);
                w.WriteBoolOrUnset(m.HasOverride, m.Override);
                if (v >= V.ManualOrderTimeExerciseOptions) w.WriteString(m.ManualOrderTime);
                if (v >= V.CustomerAccount) w.WriteString(m.CustomerAccount);
                if (v >= V.ProfessionalCustomer) w.WriteBoolOrUnset(m.HasProfessionalCustomer, m.ProfessionalCustomer);
            });
}
