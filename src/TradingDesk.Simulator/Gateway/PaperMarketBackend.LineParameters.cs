using System.Globalization;
using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// What a gateway tells each market data line besides prices: tickReqParams once, LAST_TIMESTAMP with each trade.
public sealed partial class PaperMarketBackend
{
    /// <summary>
    /// The BBO exchange code of SMART-routed stocks: the key a client passes to reqSmartComponents for the venues
    /// behind the line's best bid and offer (UNCONFIRMED: IB's codes are opaque per-region ids; this one is the
    /// simulator's, and it has one component map, <see cref="VenueDirectory.SmartComponents"/>).
    /// </summary>
    internal const string SmartBboExchange = "9c0001";

    // IB's snapshot permission bits (UNCONFIRMED: the meaning of each bit is not published); a paper account may take
    // snapshots of every line here.
    private const int SnapshotPermissions = 3;

    /// <summary>tickReqParams (81), sent right after a reqMktData's marketDataType: the contract's minimum tick and,
    /// for a SMART line, the BBO exchange.</summary>
    private static TickReqParams LineParameters(int reqId, ContractDefinition contract) => new()
    {
        ReqId = reqId,
        MinTick = contract.MinTick.ToString(CultureInfo.InvariantCulture),
        BboExchange = contract.Exchange == "SMART" ? SmartBboExchange : "",
        SnapshotPermissions = SnapshotPermissions,
    };

    /// <summary>LAST_TIMESTAMP (45; 88 delayed) as tickString: the last trade's time in epoch seconds, after its tickPrice.</summary>
    private static void SendLastTimestamp(GatewaySession session, MarketDataLine line, Quote q) =>
        session.Send(new TickString
        {
            ReqId = line.ReqId, TickType = line.Delayed ? 88 : 45,
            Value = q.Time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        });
}
