using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>What the gateway says about a market-data or depth line beyond its items, told to the line's subscribers.</summary>
public static class LineNotices
{
    /// <summary>
    /// The gateway cannot serve the line's contract itself and names the contract (by conId) and exchange to ask
    /// instead (rerouteMktDataReq 91, rerouteMktDepthReq 92; IB sends it for CFDs, whose data is the underlying's).
    /// The desk does not re-subscribe on its own: the subscriber decides whether the other contract's data will do.
    /// <paramref name="Depth"/>: the notice is about a depth line.
    /// </summary>
    public sealed record LineRerouted(SubscriptionId Subscription, ConId ConId, string Exchange, bool Depth, DateTimeOffset LocalTime);
}
