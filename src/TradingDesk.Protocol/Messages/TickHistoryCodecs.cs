using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Historical ticks (out 96 / 107, in 96/97/98), histograms (out 88/89, in 89) and the historical trading schedule
/// (in 106, the reply to reqHistoricalData with whatToShow=SCHEDULE). The parts live in <c>Messages/TickHistory/</c>.
/// Protobuf gate: 208 (PROTOBUF_HISTORICAL_DATA) for reqHistoricalTicks, reqHistogramData and cancelHistogramData,
/// from IBPY PROTOBUF_MSG_IDS; cancelHistoricalTicks exists only as protobuf, from 215 (CANCEL_CONTRACT_DATA).
/// The replies use 208 by the rule that a reply switches with its request (an inference, UNCONFIRMED).
/// </summary>
internal static partial class TickHistoryCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterTickRequests(registry);
        RegisterTickReplies(registry);
        RegisterHistogram(registry);
        RegisterSchedule(registry);
    }
}
