using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqMktData (streaming and snapshot), reqMarketDataType, cancelMktData. Depth and tick-by-tick are in
// PaperMarketBackend.Depth.cs.
public sealed partial class PaperMarketBackend
{
    // IB tick types: live, then the delayed equivalent (66–76).
    private const int BidSize = 0, Bid = 1, Ask = 2, AskSize = 3, Last = 4, LastSize = 5, High = 6, Low = 7, Volume = 8, Close = 9, Open = 14;

    private static int DelayedType(int tick) => tick switch
    {
        Bid => 66, Ask => 67, Last => 68, BidSize => 69, AskSize => 70, LastSize => 71,
        High => 72, Low => 73, Volume => 74, Close => 75, Open => 76, _ => tick,
    };

    private bool OnMarketDataRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case MarketDataRequest r:
                if (IsDuplicate(client, r.ReqId) || RerouteCfd(client, r.ReqId, r.Contract, depth: false)) return true;
                if (IsBroadTape(r.Contract)) { SubscribeBroadTape(client, r); return true; }
                if (Resolve(session, r.ReqId, r.Contract) is not { } contract) return true;
                var line = new MarketDataLine(r.ReqId, contract, client.MarketDataType) { GenericTicks = r.GenericTickList ?? "" };
                // TWS tells each request which kind of data it gets (marketDataType, 58) before its ticks.
                session.Send(new MarketDataType { ReqId = r.ReqId, MarketDataType_ = line.DataType });
                session.Send(LineParameters(r.ReqId, contract));
                if (r.Snapshot || r.RegulatorySnapshot)
                {
                    SendQuoteChanges(session, line);
                    session.Send(new TickSnapshotEnd { ReqId = r.ReqId });
                    return true;
                }
                client.Live[r.ReqId] = line;
                SendQuoteChanges(session, line);
                return true;
            case CancelMarketData c:
                if (client.Live.TryGetValue(c.ReqId, out var live) && live is MarketDataLine or BroadTapeLine or ReroutedRequest { Depth: false }) client.Live.Remove(c.ReqId);
                else session.Send(GatewayErrors.CannotFindTicker(c.ReqId, Now));
                return true;
            case MarketDataTypeRequest t:
                if (t.MarketDataType is < 1 or > 4)
                    session.Send(GatewayErrors.ValidationFailed(GatewayErrors.NoValidId, $"market data type {t.MarketDataType} is not 1..4", Now));
                else client.MarketDataType = t.MarketDataType;
                return true;
            default:
                return OnDepthRequest(client, request);
        }
    }

    /// <summary>Sends every L1 value that differs from what this line last sent (everything, the first time).</summary>
    private void SendQuoteChanges(GatewaySession session, MarketDataLine line)
    {
        // Delayed data is the same path, seen DelayedBy earlier. Frozen types report the requested type and
        // otherwise behave like their live counterparts (UNCONFIRMED: TWS switches to frozen only when closed).
        if (line.GenericTicks.Contains("mdoff", StringComparison.OrdinalIgnoreCase)) { SendNewsTicks(session, line); return; } // "mdoff": news without market data (IB)
        var at = line.Delayed ? Now - _options.DelayedBy : Now;
        var conId = line.Contract.ConId;
        var q = Market.Prices.GetQuote(conId, at);
        var day = Market.Prices.GetDayStats(conId, at);
        PriceWithSize(session, line, Bid, q.Bid, BidSize, q.BidSize);
        PriceWithSize(session, line, Ask, q.Ask, AskSize, q.AskSize);
        if (PriceWithSize(session, line, Last, q.Last, LastSize, q.LastSize)) SendLastTimestamp(session, line, q);
        SizeOnly(session, line, Volume, day.Volume);
        PriceOnly(session, line, High, day.High);
        PriceOnly(session, line, Low, day.Low);
        PriceOnly(session, line, Close, day.PreviousClose);
        PriceOnly(session, line, Open, day.Open);
        SendOptionTicks(session, line, at);
        SendNewsTicks(session, line);
    }

    // tickPrice carries the size for bid/ask/last (clients raise tickSize from it); a size change alone is a tickSize.
    // Returns whether either changed (a new trade, for LAST).
    private static bool PriceWithSize(GatewaySession session, MarketDataLine line, int priceTick, decimal price, int sizeTick, decimal size)
    {
        var priceChanged = Changed(line, priceTick, price);
        var sizeChanged = Changed(line, sizeTick, size);
        if (priceChanged)
            session.Send(new TickPrice { ReqId = line.ReqId, TickType = Type(line, priceTick), Price = (double)price, Size = WireFormat.Qty(size), AttrMask = 0 });
        else if (sizeChanged)
            session.Send(new TickSize { ReqId = line.ReqId, TickType = Type(line, sizeTick), Size = WireFormat.Qty(size) });
        return priceChanged || sizeChanged;
    }

    private static void PriceOnly(GatewaySession session, MarketDataLine line, int tick, decimal price)
    {
        if (Changed(line, tick, price))
            session.Send(new TickPrice { ReqId = line.ReqId, TickType = Type(line, tick), Price = (double)price, Size = "0", AttrMask = 0 });
    }

    private static void SizeOnly(GatewaySession session, MarketDataLine line, int tick, decimal size)
    {
        if (Changed(line, tick, size))
            session.Send(new TickSize { ReqId = line.ReqId, TickType = Type(line, tick), Size = WireFormat.Qty(size) });
    }

    private static bool Changed(MarketDataLine line, int tick, decimal value)
    {
        if (line.Sent.TryGetValue(tick, out var sent) && sent == value) return false;
        line.Sent[tick] = value;
        return true;
    }

    private static int Type(MarketDataLine line, int tick) => line.Delayed ? DelayedType(tick) : tick;

    /// <summary>
    /// Benchmark hook: queues <paramref name="count"/> bid/ask tickPrice messages for a live market-data line of
    /// <paramref name="clientId"/> at once, so a benchmark measures the wire, not the 250 ms cadence.
    /// Returns how many were queued (0 when the client or line is unknown).
    /// </summary>
    internal int StreamTicksNow(int clientId, int reqId, int count)
    {
        var client = _clients.Values.FirstOrDefault(c => c.ClientId == clientId);
        if (client is null || !client.Live.ContainsKey(reqId)) return 0;
        var bid = new TickPrice { ReqId = reqId, TickType = Bid, Price = 100.25, Size = "300", AttrMask = 0 };
        var ask = new TickPrice { ReqId = reqId, TickType = Ask, Price = 100.26, Size = "200", AttrMask = 0 };
        for (var i = 0; i < count; i++) client.Session.Send((i & 1) == 0 ? bid : ask);
        return count;
    }
}
