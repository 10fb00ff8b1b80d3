using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Accounts and positions: positions (out 61/64, in 61/62), account summary (out 62/63, in 63/64), account updates
/// (out 6, in 6/7/8/54) and PnL (out 92–95, in 94/95). The parts live in <c>Messages/Accounts/</c>.
/// Protobuf gates from IBPY PROTOBUF_MSG_IDS: 207 (PROTOBUF_ACCOUNTS_POSITIONS) for positions, summary and
/// updates; 210 (PROTOBUF_SCAN_DATA) for PnL. Replies follow their request's gate: an inference (a reply
/// switches with its request), not observed on a real gateway.
/// Text fields pass through verbatim: IB's dedicated decoders unescape \uXXXX only in error texts and contract long
/// names. (IBPY's generic signature-based path would also unescape account values and summaries from 153; IB's other
/// clients do not, and these fields are ASCII codes and numbers in practice, so we follow the dedicated decoders.)
/// </summary>
internal static partial class AccountCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterPositions(registry);
        RegisterAccountSummary(registry);
        RegisterAccountUpdates(registry);
        RegisterPortfolio(registry);
        RegisterPnL(registry);
    }
}
