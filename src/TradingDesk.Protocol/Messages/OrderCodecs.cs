using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>Codecs of the Order family. Not built yet.</summary>
internal static partial class OrderCodecs
{
    public static void Register(CodecRegistry registry)
    {
    }
}
