using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Historical bars (reqHistoricalData and its replies, keepUpToDate updates), head timestamps and real-time bars.
/// The parts live in <c>Messages/Historical/HistoricalCodecs.*.cs</c>.
///
/// Protobuf gate: 208 (PROTOBUF_HISTORICAL_DATA) for the requests, from IBPY's PROTOBUF_MSG_IDS; the replies use
/// the same gate by the rule of thumb that a reply switches with its request (an inference, UNCONFIRMED).
/// </summary>
internal static partial class HistoricalCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterRequests(registry);
        RegisterBars(registry);
        RegisterRealTimeBars(registry);
    }
}
