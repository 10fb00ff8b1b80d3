using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// BroadTape news: reqMktData on a contract of secType NEWS, exchange the provider's code and symbol
// "<provider>:<provider>_ALL" (e.g. BRFG:BRFG_ALL on BRFG), with generic ticks "mdoff,292". The line streams tickNews
// with every headline of that provider, whatever stock it is about, and no market data.
public sealed partial class PaperMarketBackend
{
    private const string NewsSecType = "NEWS";

    /// <summary>A BroadTape line: its provider, and the time up to which its headlines went out.</summary>
    internal sealed class BroadTapeLine(int reqId, string provider, DateTimeOffset since, bool news) : LiveRequest(reqId)
    {
        public string Provider { get; } = provider;
        /// <summary>False when the generic ticks lack 292: the line is live but carries nothing (UNCONFIRMED: IB's answer then).</summary>
        public bool News { get; } = news;
        public DateTimeOffset SentUpTo { get; set; } = since;
    }

    private static bool IsBroadTape(Contract? wire) => string.Equals((wire?.SecType ?? "").Trim(), NewsSecType, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A NEWS contract is a provider's whole feed or nothing: an exchange that is no provider of the feed, or a symbol
    /// other than its "_ALL" one, is the 200 of any contract the gateway does not know. Headlines from before the
    /// request are not replayed, as on a stock's news line.
    /// </summary>
    private void SubscribeBroadTape(ClientLines client, MarketDataRequest r)
    {
        var session = client.Session;
        var provider = (r.Contract.Exchange ?? "").Trim();
        if (!NewsFeed.IsProvider(provider) || (r.Contract.Symbol ?? "").Trim() != $"{provider}:{provider}_ALL")
        {
            session.Send(GatewayErrors.NoSecurityDefinition(r.ReqId, Now));
            return;
        }
        session.Send(new MarketDataType { ReqId = r.ReqId, MarketDataType_ = client.MarketDataType });
        var news = NewsProvidersOf(r.GenericTickList ?? "") is not null;
        if (r.Snapshot || r.RegulatorySnapshot)
        {
            // A snapshot holds only what is new since the request, which is nothing yet.
            session.Send(new TickSnapshotEnd { ReqId = r.ReqId });
            return;
        }
        client.Live[r.ReqId] = new BroadTapeLine(r.ReqId, provider, Now, news);
    }

    private void SendTapeNews(GatewaySession session, BroadTapeLine line)
    {
        // One reading of the clock: a manual clock may move on between two (timers fire while the loop runs).
        var now = Now;
        if (!line.News || session.ServerVersion < TickNewsMinVersion || now <= line.SentUpTo) return;
        var stocks = Market.Catalogue.All.Where(c => c.SecType == SecType.Stock);
        foreach (var item in Feed.TapeBetween(stocks, line.Provider, line.SentUpTo, now)) session.Send(NewsTick(line.ReqId, item));
        line.SentUpTo = now;
    }
}
