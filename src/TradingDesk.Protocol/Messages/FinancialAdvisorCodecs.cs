using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Financial Advisor configuration: requestFA (out 18) and its reply receiveFA (in 16), replaceFA (out 19) and its
/// reply replaceFAEnd (in 103), and family codes: reqFamilyCodes (out 80) with its reply familyCodes (in 78).
/// The parts live in <c>Messages/FinancialAdvisor/</c>.
/// Protobuf gates from IBPY PROTOBUF_MSG_IDS: 211 (PROTOBUF_REST_MESSAGES_1) for requestFA and replaceFA, 212
/// (PROTOBUF_REST_MESSAGES_2) for reqFamilyCodes. Replies use their request's gate: an inference (a reply switches
/// with its request), not observed on a real gateway.
/// Neither receiveFA nor familyCodes carries a request id: the desk must serialise those requests by type.
/// replaceFAEnd carries the replaceFA request id (sent from 157, REPLACE_FA_END).
/// </summary>
internal static partial class FinancialAdvisorCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterFaConfiguration(registry);
        RegisterFamilyCodes(registry);
    }
}
