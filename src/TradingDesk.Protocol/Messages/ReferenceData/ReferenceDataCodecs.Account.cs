using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.ReferenceData.ReferenceDataVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class ReferenceDataCodecs
{
    private static void RegisterAccountReferenceData(CodecRegistry r)
    {
        // reqSoftDollarTiers (out 79), IBPY client.reqSoftDollarTiers: [79][reqId]. IBPY does not check a version;
        // the message exists from 106 (MIN_SERVER_VER_SOFT_DOLLAR_TIER), and a server below that would not know it.
        r.AddReqId<SoftDollarTiersRequest>(OutgoingIds.ReqSoftDollarTiers, ClientToServer, ServerVersions.ProtobufRestMessages2,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, V.SoftDollarTier);

        // softDollarTiers (in 77), IBPY processSoftDollarTiersMsg: [77][reqId][count]{[name][value][displayName]}×count
        r.Add<SoftDollarTiers>(IncomingIds.SoftDollarTiers, ServerToClient, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new SoftDollarTiers();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                var count = ContractText.ReadCount(ref f, "softDollarTierCount");
                for (var i = 0; i < count; i++)
                {
                    var tier = new SoftDollarTier();
                    if (f.ReadStringOrUnset("name") is { } name) tier.Name = name;
                    if (f.ReadStringOrUnset("value") is { } value) tier.Value = value;
                    if (f.ReadStringOrUnset("displayName") is { } display) tier.DisplayName = display;
                    m.SoftDollarTiers_.Add(tier);
                }
                return m;
            },
            (SoftDollarTiers m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteInt(m.SoftDollarTiers_.Count);
                foreach (var tier in m.SoftDollarTiers_)
                {
                    w.WriteString(tier.Name);
                    w.WriteString(tier.Value);
                    w.WriteString(tier.DisplayName);
                }
            },
            minVersion: V.SoftDollarTier);

        // reqUserInfo (out 104), IBPY client.reqUserInfo: [104][reqId], from 167 (MIN_SERVER_VER_USER_INFO)
        r.AddReqId<UserInfoRequest>(OutgoingIds.ReqUserInfo, ClientToServer, ServerVersions.ProtobufRestMessages2,
            m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id, V.UserInfo);

        // userInfo (in 107), IBPY processUserInfo: [107][reqId][whiteBrandingId]
        r.Add<UserInfo>(IncomingIds.UserInfo, ServerToClient, ServerVersions.ProtobufRestMessages2,
            (ref TextFieldReader f, int v) =>
            {
                var m = new UserInfo();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("whiteBrandingId") is { } branding) m.WhiteBrandingId = branding;
                return m;
            },
            (UserInfo m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.WhiteBrandingId);
            },
            minVersion: V.UserInfo);
    }
}
