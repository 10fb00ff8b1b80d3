using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>Wall Street Horizon corporate events. Sent by strategies to the desk; each reply goes to the sender.</summary>
public static class WshMessages
{
    /// <summary>The event types and filters WSH offers (reqWshMetaData). Reply: <see cref="WshMetaData"/>.</summary>
    public sealed record GetWshMetaData : IDeskCommand;

    /// <summary>Reply to <see cref="GetWshMetaData"/>: the gateway's JSON text.</summary>
    public sealed record WshMetaData(string Json, DateTimeOffset LocalTime);

    /// <summary>
    /// Events (reqWshEventData) for one contract (<paramref name="ConId"/>) or for a filter (<paramref name="FilterJson"/>,
    /// a JSON object as the metadata describes): exactly one of the two. <paramref name="StartDate"/> / <paramref name="EndDate"/>
    /// are "yyyyMMdd" or null; <paramref name="Limit"/> caps the events (null: the gateway's default). The fill flags add
    /// events of the watchlist, portfolio or competitors. Reply: <see cref="WshEvents"/>. IB answers event data only
    /// after this connection asked for the metadata (<see cref="GetWshMetaData"/>): before it, GatewayError 10282.
    /// </summary>
    public sealed record GetWshEvents(
        ConId? ConId = null, string? FilterJson = null, string? StartDate = null, string? EndDate = null, int? Limit = null,
        bool FillWatchlist = false, bool FillPortfolio = false, bool FillCompetitors = false) : IDeskCommand;

    /// <summary>Reply to <see cref="GetWshEvents"/>: the gateway's JSON text.</summary>
    public sealed record WshEvents(string Json, DateTimeOffset LocalTime);
}
