using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// What IB calls "linking" (MIN_SERVER_VER_LINKING 70, LINKING_AUTH 74, both below the codec's floor): display groups
/// (out 67–70, in 67/68) and the API verification handshakes, verify (out 65/66, in 65/66) and verify-and-auth
/// (out 72/73, in 69/70). The parts live in <c>Messages/Linking/</c>. Every text layout starts with a version field
/// (IB's clients write 1 and the decoders skip it; the value TWS writes is UNCONFIRMED, we write 1).
/// Protobuf from 213 (PROTOBUF_REST_MESSAGES_3) for display groups and verify, per IBPY PROTOBUF_MSG_IDS; their
/// replies by inference use the same gate. Verify-and-auth has no protobuf form at all: IBPY sends and reads it as
/// text at every version, so its four messages are the project's own text-only types (proto/tws-text) registered
/// with no protobuf gate. (Reusing IB's VerifyRequest / VerifyMessageRequest / VerifyCompleted for them would not
/// do: those schemas lack opaqueIsvKey, xyzResponse and xyzChallenge, IBPY 10.46 never sends them as protobuf, and
/// IBJ's protobuf-era decoder has no protobuf case for ids 69/70.)
/// Text passes through verbatim: the contract info and API data are opaque strings.
/// </summary>
internal static partial class LinkingCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterDisplayGroups(registry);
        RegisterVerify(registry);
        RegisterVerifyAndAuth(registry);
    }
}
