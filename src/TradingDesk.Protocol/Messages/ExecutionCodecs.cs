using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Executions: reqExecutions (out 7), execDetails (in 11), execDetailsEnd (in 55) and commissionReport (in 59).
/// The parts live in <c>Messages/Executions/</c>.
/// Protobuf gate: 201 (PROTOBUF) for reqExecutions (IBPY PROTOBUF_MSG_IDS). The replies use the same gate: an
/// inference from the rule of thumb that a reply switches with its request (IBPY 10.46 does have protobuf
/// handlers for execDetails and execDetailsEnd, but no capture shows when TWS switches them).
/// </summary>
internal static partial class ExecutionCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterRequest(registry);
        RegisterExecDetails(registry);
        RegisterReplies(registry);
    }
}
