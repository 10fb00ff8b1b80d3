using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class ScannerCodecs
{
    /// <summary>The version TWS writes in scannerData: 3, the first with conId in each row (IBPY "ver 3 field").</summary>
    private const int ScannerDataVersion = 3;

    /// <summary>A scanner row's contract: the short block with exchange only, and tradingClass after marketName.</summary>
    private const ContractFields RowContract = ContractFields.Exchange;

    private static void RegisterReplies(CodecRegistry r)
    {
        // scannerParameters (in 19): [19][v=1][xml] (IBPY EWrapper.scannerParameters, decoded by its signature).
        // The XML passes through verbatim: IB's dedicated decoders do not unescape it.
        r.Add<ScannerParameters>(IncomingIds.ScannerParameters, ServerToClient, ServerVersions.ProtobufScanData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new ScannerParameters();
                if (f.ReadStringOrUnset("xml") is { } xml) m.Xml = xml;
                return m;
            },
            (ScannerParameters m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteString(m.Xml);
            });

        // scannerData (in 20), IBPY decoder.processScannerDataMsg: [20][v=3][reqId][count], then per row
        // [rank][conId][symbol][secType][lastTradeDateOrContractMonth][strike][right][exchange][currency]
        // [localSymbol][marketName][tradingClass][distance][benchmark][projection][legsStr]. One message is the whole
        // result set: IB's decoders call scannerDataEnd after the rows in both encodings, and TWS sends a fresh set
        // each time the scan refreshes. legsStr is the protobuf comboKey. The row count is bounded before allocating.
        // A row whose contract fields are all empty decodes without a contract, so a row sent without one round-trips.
        r.Add<ScannerData>(IncomingIds.ScannerData, ServerToClient, ServerVersions.ProtobufScanData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new ScannerData();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var count = ContractText.ReadCount(ref f, "numberOfElements");
                for (var i = 0; i < count; i++) m.ScannerDataElement.Add(ReadRow(ref f));
                return m;
            },
            (ScannerData m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(ScannerDataVersion);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteInt(m.ScannerDataElement.Count);
                foreach (var row in m.ScannerDataElement) WriteRow(row, ref w);
            });
    }

    private static ScannerDataElement ReadRow(ref TextFieldReader f)
    {
        var e = new ScannerDataElement();
        if (f.ReadIntOrUnset("rank") is { } rank) e.Rank = rank;
        var c = ContractText.Read(ref f, RowContract);
        if (f.ReadStringOrUnset("marketName") is { } marketName) e.MarketName = marketName;
        if (f.ReadStringOrUnset("tradingClass") is { } tradingClass) c.TradingClass = tradingClass;
        if (c.CalculateSize() > 0) e.Contract = c;
        if (f.ReadStringOrUnset("distance") is { } distance) e.Distance = distance;
        if (f.ReadStringOrUnset("benchmark") is { } benchmark) e.Benchmark = benchmark;
        if (f.ReadStringOrUnset("projection") is { } projection) e.Projection = projection;
        if (f.ReadStringOrUnset("legsStr") is { } legs) e.ComboKey = legs;
        return e;
    }

    private static void WriteRow(ScannerDataElement e, ref TextFieldWriter w)
    {
        w.WriteIntOrUnset(e.HasRank, e.Rank);
        ContractText.Write(ref w, e.Contract, RowContract);
        w.WriteString(e.MarketName);
        w.WriteString(e.Contract?.TradingClass);
        w.WriteString(e.Distance);
        w.WriteString(e.Benchmark);
        w.WriteString(e.Projection);
        w.WriteString(e.ComboKey);
    }
}
