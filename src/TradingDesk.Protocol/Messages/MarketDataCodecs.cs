using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>Codecs of the MarketData family. Not built yet.</summary>
internal static partial class MarketDataCodecs
{
    public static void Register(CodecRegistry registry)
    {
    }
}
