using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>Codecs of the Account family. Not built yet.</summary>
internal static partial class AccountCodecs
{
    public static void Register(CodecRegistry registry)
    {
    }
}
