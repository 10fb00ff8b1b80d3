using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Positions and account updates per account and model: reqPositionsMulti / cancelPositionsMulti (out 74/75,
/// in 71/72) and reqAccountUpdatesMulti / cancelAccountUpdatesMulti (out 76/77, in 73/74). The parts live in
/// <c>Messages/MultiAccount/</c>. All exist from 103 (MIN_SERVER_VER_MODELS_SUPPORT).
/// Protobuf from 207 (PROTOBUF_ACCOUNTS_POSITIONS) for the requests, per IBPY PROTOBUF_MSG_IDS; the replies by
/// inference use the same gate (a reply switches with its request), not observed on a real gateway.
/// Every reply carries the reqId of its request in tag 1 (protobuf) and right after the version field (text).
/// The replies' version fields are skipped by IB's decoders; the value TWS writes is UNCONFIRMED, we write 1.
/// Text fields pass through verbatim, as in <see cref="AccountCodecs"/>.
/// </summary>
internal static partial class MultiAccountCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterPositionsMulti(registry);
        RegisterAccountUpdatesMulti(registry);
    }
}
