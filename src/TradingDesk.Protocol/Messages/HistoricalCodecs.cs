using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>Codecs of the Historical family. Not built yet.</summary>
internal static partial class HistoricalCodecs
{
    public static void Register(CodecRegistry registry)
    {
    }
}
