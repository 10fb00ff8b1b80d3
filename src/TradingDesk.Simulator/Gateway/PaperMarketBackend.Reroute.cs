using IBApi.protobuf;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// rerouteMktDataReq (91) / rerouteMktDepthReq (92): IB has no data of its own for a CFD and points the client at the
// underlying instead, for level 1 and level 2 alike. The simulator lists no CFDs, so a CFD on a listed stock is
// answered that way and opens no line; a CFD on anything else is an unknown contract (200).
public sealed partial class PaperMarketBackend
{
    /// <summary>
    /// True when <paramref name="wire"/> is a CFD: it has been answered (rerouted, or refused) and opens no line. A
    /// rerouted id stays the client's until it cancels it, so the cancel is not answered as an unknown id.
    /// </summary>
    private bool RerouteCfd(ClientLines client, int reqId, Contract? wire, bool depth)
    {
        var session = client.Session;
        if (!string.Equals(wire?.SecType, "CFD", StringComparison.OrdinalIgnoreCase)) return false;
        var underlying = wire!.Clone();
        underlying.SecType = "STK";
        underlying.ConId = 0;
        underlying.LocalSymbol = "";
        if (Resolve(session, reqId, underlying) is not { } stock) return true;
        client.Live[reqId] = new ReroutedRequest(reqId, depth);
        // Level 1 comes from SMART; level 2 from the stock's listing exchange (UNCONFIRMED: the exchange IB names).
        session.Send(depth
            ? new RerouteMarketDepthRequest { ReqId = reqId, ConId = stock.ConId.Value, Exchange = stock.PrimaryExchange.Length > 0 ? stock.PrimaryExchange : stock.Exchange }
            : new RerouteMarketDataRequest { ReqId = reqId, ConId = stock.ConId.Value, Exchange = stock.Exchange });
        return true;
    }

    /// <summary>A CFD request answered with a reroute: nothing streams on it.</summary>
    internal sealed class ReroutedRequest(int reqId, bool depth) : LiveRequest(reqId)
    {
        public bool Depth { get; } = depth;
    }
}
