using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class LinkingCodecs
{
    // Display groups: TWS's colour-linked window groups (ids 1–7). Replies carry the reqId of the request:
    // displayGroupList answers queryDisplayGroups, displayGroupUpdated streams for subscribeToGroupEvents until
    // unsubscribeFromGroupEvents with the same reqId.
    private static void RegisterDisplayGroups(CodecRegistry r)
    {
        // queryDisplayGroups (out 67), IBPY client.queryDisplayGroups: [67][v=1][reqId]
        r.AddVersionedReqId<QueryDisplayGroupsRequest>(OutgoingIds.QueryDisplayGroups, ClientToServer, ServerVersions.ProtobufRestMessages3, version: 1,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // subscribeToGroupEvents (out 68), IBPY client.subscribeToGroupEvents: [68][v=1][reqId][groupId]
        r.Add<SubscribeToGroupEventsRequest>(OutgoingIds.SubscribeToGroupEvents, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new SubscribeToGroupEventsRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("groupId") is { } group) m.GroupId = group;
                return m;
            },
            (SubscribeToGroupEventsRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasGroupId, m.GroupId);
            });

        // updateDisplayGroup (out 69), IBPY client.updateDisplayGroup: [69][v=1][reqId][contractInfo]
        // (contractInfo: "none", "conId@exchange" or "combo").
        r.Add<UpdateDisplayGroupRequest>(OutgoingIds.UpdateDisplayGroup, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new UpdateDisplayGroupRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("contractInfo") is { } info) m.ContractInfo = info;
                return m;
            },
            (UpdateDisplayGroupRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.ContractInfo);
            });

        // unsubscribeFromGroupEvents (out 70), IBPY client.unsubscribeFromGroupEvents: [70][v=1][reqId]
        r.AddVersionedReqId<UnsubscribeFromGroupEventsRequest>(OutgoingIds.UnsubscribeFromGroupEvents, ClientToServer, ServerVersions.ProtobufRestMessages3, version: 1,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // displayGroupList (in 67), IBJ processDisplayGroupListMsg: [67][v=1][reqId][groups]
        // (groups: a "|"-separated list of group ids, e.g. "1|2|3").
        r.Add<DisplayGroupList>(IncomingIds.DisplayGroupList, ServerToClient, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new DisplayGroupList();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("groups") is { } groups) m.Groups = groups;
                return m;
            },
            (DisplayGroupList m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Groups);
            });

        // displayGroupUpdated (in 68), IBJ processDisplayGroupUpdatedMsg: [68][v=1][reqId][contractInfo]
        r.Add<DisplayGroupUpdated>(IncomingIds.DisplayGroupUpdated, ServerToClient, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new DisplayGroupUpdated();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("contractInfo") is { } info) m.ContractInfo = info;
                return m;
            },
            (DisplayGroupUpdated m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.ContractInfo);
            });
    }
}
