using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// News: bulletins (out 12/13, in 14), articles (out 84, in 83), providers (out 85, in 85), historical headlines
/// (out 86, in 86/87) and the news ticks of a market-data line (in 84). The parts live in <c>Messages/News/</c>.
/// Protobuf gate 209 (PROTOBUF_NEWS_DATA) for the requests per IBPY PROTOBUF_MSG_IDS; the replies follow it, an
/// inference (UNCONFIRMED). tickNews arrives on a reqMktData line (generic tick 292) yet also takes 209: its protobuf
/// type belongs to IB's news set (UNCONFIRMED).
/// Text passes through verbatim: IB's dedicated decoders unescape \uXXXX only in error texts and contract long names
/// (IBPY's signature path would also unescape bulletins from 153; see AccountCodecs for the same choice).
/// </summary>
internal static partial class NewsCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterRequests(registry);
        RegisterReplies(registry);
    }
}
