using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Market scanners: reqScannerParameters (out 24, answered by scannerParameters 19), reqScannerSubscription /
/// cancelScannerSubscription (out 22/23, answered by scannerData 20). The parts live in <c>Messages/Scanner/</c>.
/// Protobuf gate 210 (PROTOBUF_SCAN_DATA) for the requests per IBPY PROTOBUF_MSG_IDS; the replies follow their
/// request's gate, an inference (UNCONFIRMED).
/// </summary>
internal static partial class ScannerCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterRequests(registry);
        RegisterReplies(registry);
    }
}
