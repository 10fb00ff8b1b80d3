using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>Codecs of the Execution family. Not built yet.</summary>
internal static partial class ExecutionCodecs
{
    public static void Register(CodecRegistry registry)
    {
    }
}
