using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqMktDepth (L2 books) and reqTickByTickData.
public sealed partial class PaperMarketBackend
{
    private const int Insert = 0, Update = 1, Delete = 2;

    private bool OnDepthRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case MarketDepthRequest r:
                if (IsDuplicate(client, r.ReqId)) return true;
                if (r.NumRows is < 1 or > 50)
                {
                    session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"numRows {r.NumRows} must be 1..50", Now));
                    return true;
                }
                if (RerouteCfd(client, r.ReqId, r.Contract, depth: true)) return true;
                if (Resolve(session, r.ReqId, r.Contract) is not { } contract) return true;
                var line = new DepthLine(r.ReqId, contract, r.NumRows, r.IsSmartDepth);
                client.Live[r.ReqId] = line;
                SendDepthChanges(session, line);
                return true;
            case CancelMarketDepth c:
                if (client.Live.TryGetValue(c.ReqId, out var d) && d is DepthLine or ReroutedRequest { Depth: true }) client.Live.Remove(c.ReqId);
                return true;
            case TickByTickRequest t:
                if (IsDuplicate(client, t.ReqId)) return true;
                int? kind = t.TickType?.Trim().ToUpperInvariant() switch
                {
                    "LAST" => 1, "ALLLAST" => 2, "BIDASK" => 3, "MIDPOINT" => 4, _ => null,
                };
                if (kind is null)
                {
                    session.Send(GatewayErrors.ValidationFailed(t.ReqId, $"tick-by-tick type '{t.TickType}' is not Last, AllLast, BidAsk or MidPoint", Now));
                    return true;
                }
                if (Resolve(session, t.ReqId, t.Contract) is not { } c2) return true;
                var tbt = new TickByTickLine(t.ReqId, c2, kind.Value);
                client.Live[t.ReqId] = tbt;
                SendTickByTick(session, tbt);
                return true;
            case CancelTickByTick ct:
                if (client.Live.TryGetValue(ct.ReqId, out var l) && l is TickByTickLine) client.Live.Remove(ct.ReqId);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Inserts the whole book the first time, then updates, inserts or deletes the levels that changed.</summary>
    private void SendDepthChanges(GatewaySession session, DepthLine line)
    {
        var book = Market.GetDepth(line.Contract.ConId, line.Rows);
        DepthSide(session, line, line.Last?.Bids ?? [], book.Bids);
        DepthSide(session, line, line.Last?.Asks ?? [], book.Asks);
        line.Last = book;
    }

    private static void DepthSide(GatewaySession session, DepthLine line, IReadOnlyList<DepthLevel> before, IReadOnlyList<DepthLevel> after)
    {
        for (var i = 0; i < after.Count; i++)
        {
            if (i >= before.Count) SendLevel(session, line, after[i], Insert);
            else if (before[i].Price != after[i].Price || before[i].Size != after[i].Size || before[i].MarketMaker != after[i].MarketMaker)
                SendLevel(session, line, after[i], Update);
        }
        for (var i = before.Count - 1; i >= after.Count; i--) SendLevel(session, line, before[i], Delete);
    }

    // Smart depth carries a market maker per level: updateMktDepthL2. A single-exchange book: updateMktDepth.
    private static void SendLevel(GatewaySession session, DepthLine line, DepthLevel level, int operation)
    {
        var data = new MarketDepthData
        {
            Position = level.Position, Operation = operation, Side = (int)level.Side,
            Price = (double)level.Price, Size = WireFormat.Qty(level.Size),
        };
        if (line.Smart)
        {
            data.MarketMaker = level.MarketMaker;
            data.IsSmartDepth = true;
            session.Send(new MarketDepthL2 { ReqId = line.ReqId, MarketDepthData = data });
        }
        else session.Send(new MarketDepth { ReqId = line.ReqId, MarketDepthData = data });
    }

    private void SendTickByTick(GatewaySession session, TickByTickLine line)
    {
        var conId = line.Contract.ConId;
        var q = Market.GetQuote(conId);
        var time = Now.ToUnixTimeSeconds();
        var data = new TickByTickData { ReqId = line.ReqId, TickType = line.Kind };
        (decimal, decimal, decimal, decimal) key;
        switch (line.Kind)
        {
            case 1 or 2:
                // A trade is a change of the day's volume: the quote rests (no trades) outside trading hours.
                key = (q.Last, q.LastSize, Market.GetDayStats(conId).Volume, 0m);
                data.HistoricalTickLast = new HistoricalTickLast
                {
                    Time = time, Price = (double)q.Last, Size = WireFormat.Qty(q.LastSize),
                    Exchange = line.Contract.PrimaryExchange.Length > 0 ? line.Contract.PrimaryExchange : line.Contract.Exchange,
                    SpecialConditions = "", TickAttribLast = new TickAttribLast { PastLimit = false, Unreported = false },
                };
                break;
            case 3:
                key = (q.Bid, q.Ask, q.BidSize, q.AskSize);
                data.HistoricalTickBidAsk = new HistoricalTickBidAsk
                {
                    Time = time, PriceBid = (double)q.Bid, PriceAsk = (double)q.Ask,
                    SizeBid = WireFormat.Qty(q.BidSize), SizeAsk = WireFormat.Qty(q.AskSize),
                    TickAttribBidAsk = new TickAttribBidAsk { BidPastLow = false, AskPastHigh = false },
                };
                break;
            default:
                key = (q.Mid, 0m, 0m, 0m);
                data.HistoricalTickMidPoint = new HistoricalTick { Time = time, Price = (double)q.Mid, Size = "0" };
                break;
        }
        if (line.Last == key) return;
        line.Last = key;
        session.Send(data);
    }
}
