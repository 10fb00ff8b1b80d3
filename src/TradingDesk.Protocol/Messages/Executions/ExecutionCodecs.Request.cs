using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class ExecutionCodecs
{
    private const int ReqExecutionsVersion = 3;

    // reqExecutions (out 7), IBPY 10.46 client.reqExecutions:
    // [7][v=3][reqId][clientId][acctCode][time][symbol][secType][exchange][side], and from 200
    // (PARAMETRIZED_DAYS_OF_EXECUTIONS) [lastNDays][specificDatesCount]{[date]}×n.
    // UNCONFIRMED: IB's protocol notes say the version field is dropped from 200, but IBPY 10.46 writes it
    // unconditionally; we follow the client code. Only server 200 is affected: from 201 the request is protobuf.
    // IBPY writes an unset lastNDays as the literal 2147483647 (make_field, not make_field_handle_empty); so do we.
    private static void RegisterRequest(CodecRegistry r) =>
        r.Add<ExecutionRequest>(OutgoingIds.ReqExecutions, ClientToServer, ServerVersions.Protobuf,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new ExecutionRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var filter = new ExecutionFilter();
                if (f.ReadIntOrUnset("clientId") is { } clientId) filter.ClientId = clientId;
                if (f.ReadStringOrUnset("acctCode") is { } account) filter.AcctCode = account;
                if (f.ReadStringOrUnset("time") is { } time) filter.Time = time;
                if (f.ReadStringOrUnset("symbol") is { } symbol) filter.Symbol = symbol;
                if (f.ReadStringOrUnset("secType") is { } secType) filter.SecType = secType;
                if (f.ReadStringOrUnset("exchange") is { } exchange) filter.Exchange = exchange;
                if (f.ReadStringOrUnset("side") is { } side) filter.Side = side;
                if (v >= ServerVersions.ParametrizedDaysOfExecutions)
                {
                    if (f.ReadIntOrUnset("lastNDays") is { } days) filter.LastNDays = days;
                    var count = ContractText.ReadCount(ref f, "specificDatesCount");
                    for (var i = 0; i < count; i++) filter.SpecificDates.Add(f.ReadInt("specificDate"));
                }
                m.ExecutionFilter = filter;
                return m;
            },
            (ExecutionRequest m, ref TextFieldWriter w, int v) =>
            {
                var filter = m.ExecutionFilter ?? new ExecutionFilter();
                w.WriteInt(ReqExecutionsVersion);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(filter.HasClientId, filter.ClientId);
                w.WriteString(filter.AcctCode);
                w.WriteString(filter.Time);
                w.WriteString(filter.Symbol);
                w.WriteString(filter.SecType);
                w.WriteString(filter.Exchange);
                w.WriteString(filter.Side);
                if (v >= ServerVersions.ParametrizedDaysOfExecutions)
                {
                    w.WriteInt(filter.HasLastNDays ? filter.LastNDays : int.MaxValue);
                    w.WriteInt(filter.SpecificDates.Count);
                    foreach (var date in filter.SpecificDates) w.WriteInt(date);
                }
            });
}
