using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Fundamental data: reqFundamentalData / cancelFundamentalData (out 52/53), answered by fundamentalData (in 51).
/// The parts live in <c>Messages/Fundamentals/</c>. Protobuf gate 210 (PROTOBUF_SCAN_DATA) for the requests per
/// IBPY PROTOBUF_MSG_IDS; the reply follows it, an inference (UNCONFIRMED). RS3 notes the feature is removed from
/// TWS 10.47: a current gateway may answer with an error instead of data.
/// </summary>
internal static partial class FundamentalCodecs
{
    public static void Register(CodecRegistry registry) => RegisterAll(registry);
}
