using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class ScannerCodecs
{
    /// <summary>The version TWS writes in scannerData: 3, the first with conId in each row (IBPY "ver 3 field").</summary>
    private const int ScannerDataVersion = 3;

    /// <summary>The first scannerData version with legsStr in each row (IBCS ScannerDataEvent).</summary>
    private const int LegsVersion = 2;

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
        // [localSymbol][marketName][tradingClass][distance][benchmark][projection][legsStr]. IBCS ScannerDataEvent
        // reads conId only from message version 3 and legsStr from 2; IBPY reads both always (TWS writes 3). The
        // decoder follows IBCS, so an older frame still parses; the encoder writes 3. One message is the whole
        // result set: IB's decoders call scannerDataEnd after the rows in both encodings, and TWS sends a fresh set
        // each time the scan refreshes. legsStr is the protobuf comboKey. The row count is bounded before allocating.
        // A row whose contract fields are all empty decodes without a contract, so a row sent without one round-trips.
        r.Add<ScannerData>(IncomingIds.ScannerData, ServerToClient, ServerVersions.ProtobufScanData,
            (ref TextFieldReader f, int v) =>
            {
                var version = f.ReadInt("version");
                var m = new ScannerData();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var count = ContractText.ReadCount(ref f, "numberOfElements");
                for (var i = 0; i < count; i++) m.ScannerDataElement.Add(ReadRow(ref f, version));
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

    private static ScannerDataElement ReadRow(ref TextFieldReader f, int version)
    {
        var e = new ScannerDataElement();
        if (f.ReadIntOrUnset("rank") is { } rank) e.Rank = rank;
        var c = new Contract();
        if (version >= ScannerDataVersion && f.ReadIntOrUnset("conId") is { } conId) c.ConId = conId;
        if (f.ReadStringOrUnset("symbol") is { } symbol) c.Symbol = symbol;
        if (f.ReadStringOrUnset("secType") is { } secType) c.SecType = secType;
        if (f.ReadStringOrUnset("lastTradeDateOrContractMonth") is { } ltd) c.LastTradeDateOrContractMonth = ltd;
        if (f.ReadDoubleOrUnset("strike") is { } strike) c.Strike = strike;
        if (f.ReadStringOrUnset("right") is { } right) c.Right = right;
        if (f.ReadStringOrUnset("exchange") is { } exchange) c.Exchange = exchange;
        if (f.ReadStringOrUnset("currency") is { } currency) c.Currency = currency;
        if (f.ReadStringOrUnset("localSymbol") is { } localSymbol) c.LocalSymbol = localSymbol;
        if (f.ReadStringOrUnset("marketName") is { } marketName) e.MarketName = marketName;
        if (f.ReadStringOrUnset("tradingClass") is { } tradingClass) c.TradingClass = tradingClass;
        if (c.CalculateSize() > 0) e.Contract = c;
        if (f.ReadStringOrUnset("distance") is { } distance) e.Distance = distance;
        if (f.ReadStringOrUnset("benchmark") is { } benchmark) e.Benchmark = benchmark;
        if (f.ReadStringOrUnset("projection") is { } projection) e.Projection = projection;
        if (version >= LegsVersion && f.ReadStringOrUnset("legsStr") is { } legs) e.ComboKey = legs;
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
