using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

internal static partial class AccountCodecs
{
    private static void RegisterAccountSummary(CodecRegistry r)
    {
        // reqAccountSummary (out 62): [62][v=1][reqId][group][tags] (CAP: group "All", tags a comma list).
        r.Add<AccountSummaryRequest>(OutgoingIds.ReqAccountSummary, ClientToServer, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new AccountSummaryRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("group") is { } group) m.Group = group;
                if (f.ReadStringOrUnset("tags") is { } tags) m.Tags = tags;
                return m;
            },
            (AccountSummaryRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Group);
                w.WriteString(m.Tags);
            });

        // cancelAccountSummary (out 63): [63][v=1][reqId]
        r.AddVersionedReqId<CancelAccountSummary>(OutgoingIds.CancelAccountSummary, ClientToServer, ServerVersions.ProtobufAccountsPositions, version: 1,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);

        // accountSummary (in 63): [63][v=1][reqId][account][tag][value][currency] (CAP). value is text ("23172.60").
        r.Add<AccountSummary>(IncomingIds.AccountSummary, ServerToClient, ServerVersions.ProtobufAccountsPositions,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new AccountSummary();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("account") is { } account) m.Account = account;
                if (f.ReadStringOrUnset("tag") is { } tag) m.Tag = tag;
                if (f.ReadStringOrUnset("value") is { } value) m.Value = value;
                if (f.ReadStringOrUnset("currency") is { } currency) m.Currency = currency;
                return m;
            },
            (AccountSummary m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Account);
                w.WriteString(m.Tag);
                w.WriteString(m.Value);
                w.WriteString(m.Currency);
            });

        // accountSummaryEnd (in 64): [64][v=1][reqId] (CAP)
        r.AddVersionedReqId<AccountSummaryEnd>(IncomingIds.AccountSummaryEnd, ServerToClient, ServerVersions.ProtobufAccountsPositions, version: 1,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);
    }
}
