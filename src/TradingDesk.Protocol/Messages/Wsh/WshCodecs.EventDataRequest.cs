using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Wsh.WshVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class WshCodecs
{
    // reqWshEventData (out 102), no version field, IBPY client.reqWshEventData:
    //   [102][reqId][conId]
    //   then [filter][fillWatchlist][fillPortfolio][fillCompetitors] from 171 (WSH_EVENT_DATA_FILTERS)
    //   then [startDate][endDate][totalLimit] from 173 (WSH_EVENT_DATA_FILTERS_DATE).
    // A request names either a conId or a JSON filter. IBPY passes conId and totalLimit through make_field, not
    // make_field_handle_empty, so an unset one travels as the literal 2147483647 (UNSET_INTEGER); this writes the
    // same bytes, and the reader maps both that and an empty field to unset.
    // Below a gate IBPY refuses a request that sets the gated fields instead of dropping them; the encoder does the
    // same, so a filter is never silently lost.
    private const int UnsetInteger = int.MaxValue;

    private static void RegisterEventDataRequest(CodecRegistry r) =>
        r.Add<WshEventDataRequest>(OutgoingIds.ReqWshEventData, ClientToServer, ServerVersions.ProtobufNewsData,
            DecodeReqWshEventData, EncodeReqWshEventData, minVersion: V.WsheCalendar);

    private static WshEventDataRequest DecodeReqWshEventData(ref TextFieldReader f, int v)
    {
        var m = new WshEventDataRequest();
        if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        if (f.ReadIntOrUnset("conId") is { } conId) m.ConId = conId;
        if (v >= V.WshEventDataFilters)
        {
            if (f.ReadStringOrUnset("filter") is { } filter) m.Filter = filter;
            if (f.ReadBoolOrUnset("fillWatchlist") is { } watchlist) m.FillWatchlist = watchlist;
            if (f.ReadBoolOrUnset("fillPortfolio") is { } portfolio) m.FillPortfolio = portfolio;
            if (f.ReadBoolOrUnset("fillCompetitors") is { } competitors) m.FillCompetitors = competitors;
        }
        if (v >= V.WshEventDataFiltersDate)
        {
            if (f.ReadStringOrUnset("startDate") is { } start) m.StartDate = start;
            if (f.ReadStringOrUnset("endDate") is { } end) m.EndDate = end;
            if (f.ReadIntOrUnset("totalLimit") is { } limit) m.TotalLimit = limit;
        }
        return m;
    }

    private static void EncodeReqWshEventData(WshEventDataRequest m, ref TextFieldWriter w, int v)
    {
        if (v < V.WshEventDataFilters && (!string.IsNullOrEmpty(m.Filter) || m.FillWatchlist || m.FillPortfolio || m.FillCompetitors))
            throw new ProtocolException(
                $"reqWshEventData filters need server version {V.WshEventDataFilters} or later, not {v}", OutgoingIds.ReqWshEventData);
        if (v < V.WshEventDataFiltersDate && (!string.IsNullOrEmpty(m.StartDate) || !string.IsNullOrEmpty(m.EndDate) || m.HasTotalLimit))
            throw new ProtocolException(
                $"reqWshEventData date filters need server version {V.WshEventDataFiltersDate} or later, not {v}", OutgoingIds.ReqWshEventData);

        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteInt(m.HasConId ? m.ConId : UnsetInteger);
        if (v >= V.WshEventDataFilters)
        {
            w.WriteString(m.Filter);
            w.WriteBool(m.FillWatchlist); // IBPY always writes the three flags as 0/1
            w.WriteBool(m.FillPortfolio);
            w.WriteBool(m.FillCompetitors);
        }
        if (v >= V.WshEventDataFiltersDate)
        {
            w.WriteString(m.StartDate);
            w.WriteString(m.EndDate);
            w.WriteInt(m.HasTotalLimit ? m.TotalLimit : UnsetInteger);
        }
    }
}
