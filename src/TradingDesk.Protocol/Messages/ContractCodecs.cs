using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>Codecs of the Contract family. Not built yet.</summary>
internal static partial class ContractCodecs
{
    public static void Register(CodecRegistry registry)
    {
    }
}
