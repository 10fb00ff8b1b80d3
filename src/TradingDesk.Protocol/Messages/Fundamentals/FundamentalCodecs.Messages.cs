using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class FundamentalCodecs
{
    private const int RequestVersion = 2;

    private static void RegisterAll(CodecRegistry r)
    {
        r.Add<FundamentalsDataRequest>(OutgoingIds.ReqFundamentalData, ClientToServer, ServerVersions.ProtobufScanData,
            DecodeRequest, EncodeRequest);

        // cancelFundamentalData (out 53): [53][v=1][reqId].
        r.AddVersionedReqId<CancelFundamentalsData>(OutgoingIds.CancelFundamentalData, ClientToServer,
            ServerVersions.ProtobufScanData, version: 1, m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // fundamentalData (in 51): [51][v=1][reqId][data] (IBPY EWrapper.fundamentalData, decoded by its signature).
        // The XML report passes through verbatim.
        r.Add<FundamentalsData>(IncomingIds.FundamentalData, ServerToClient, ServerVersions.ProtobufScanData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new FundamentalsData();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("data") is { } data) m.Data = data;
                return m;
            },
            (FundamentalsData m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Data);
            });
    }

    // reqFundamentalData (out 52), IBPY client.reqFundamentalData:
    // [52][v=2][reqId][conId][symbol][secType][exchange][primaryExchange][currency][localSymbol][reportType]
    // [tagValuesCount][fundamentalDataOptions "tag=value;"]. Its own short contract block: no expiry, strike, right,
    // multiplier or tradingClass. conId (TRADING_CLASS 68) and the option list (LINKING 70) are below the floor.
    // IB writes the count and then the whole list as one string; a count that disagrees with the list is rejected.
    private static FundamentalsDataRequest DecodeRequest(ref TextFieldReader f, int v)
    {
        f.Skip("version");
        var m = new FundamentalsDataRequest();
        if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        var c = new Contract();
        if (f.ReadIntOrUnset("conId") is { } conId) c.ConId = conId;
        if (f.ReadStringOrUnset("symbol") is { } symbol) c.Symbol = symbol;
        if (f.ReadStringOrUnset("secType") is { } secType) c.SecType = secType;
        if (f.ReadStringOrUnset("exchange") is { } exchange) c.Exchange = exchange;
        if (f.ReadStringOrUnset("primaryExchange") is { } primary) c.PrimaryExch = primary;
        if (f.ReadStringOrUnset("currency") is { } currency) c.Currency = currency;
        if (f.ReadStringOrUnset("localSymbol") is { } localSymbol) c.LocalSymbol = localSymbol;
        m.Contract = c;
        if (f.ReadStringOrUnset("reportType") is { } report) m.ReportType = report;
        var countAt = f.Position;
        var count = ContractText.ReadCount(ref f, "tagValuesCount");
        ContractBlock.ReadOptions(ref f, "fundamentalDataOptions", m.FundamentalsDataOptions);
        if (count != m.FundamentalsDataOptions.Count)
            throw f.Error($"tagValuesCount {count} does not match {m.FundamentalsDataOptions.Count} options", "tagValuesCount", countAt);
        return m;
    }

    private static void EncodeRequest(FundamentalsDataRequest m, ref TextFieldWriter w, int v)
    {
        var c = m.Contract ?? new Contract();
        w.WriteInt(RequestVersion);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteIntOrUnset(c.HasConId, c.ConId);
        w.WriteString(c.Symbol);
        w.WriteString(c.SecType);
        w.WriteString(c.Exchange);
        w.WriteString(c.PrimaryExch);
        w.WriteString(c.Currency);
        w.WriteString(c.LocalSymbol);
        w.WriteString(m.ReportType);
        w.WriteInt(m.FundamentalsDataOptions.Count);
        ContractBlock.WriteOptions(m.FundamentalsDataOptions, ref w, "fundamentalDataOptions");
    }
}
