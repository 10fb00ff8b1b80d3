using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Reference data: matching symbols (out 81, in 79), market rules (out 91, in 93), SMART components (out 83, in 82),
/// market-depth exchanges (out 82, in 80), soft-dollar tiers (out 79, in 77), user info (out 104, in 107), and the
/// gateway's reroute notices for market data and depth (in 91/92). The parts live in <c>Messages/ReferenceData/</c>.
/// Protobuf gates from IBPY PROTOBUF_MSG_IDS: 212 (PROTOBUF_REST_MESSAGES_2) for matching symbols, market rules, SMART
/// components, soft-dollar tiers and user info; 213 (PROTOBUF_REST_MESSAGES_3) for market-depth exchanges. Replies
/// follow their request's gate, an inference (a reply switches with its request), not observed on a real gateway.
/// None of these text layouts carries a version field. Text passes through verbatim (no \uXXXX unescaping), as IB's
/// dedicated decoders (IBPY processSymbolSamplesMsg …) read it.
/// </summary>
internal static partial class ReferenceDataCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterMatchingSymbols(registry);
        RegisterMarketRules(registry);
        RegisterSmartComponents(registry);
        RegisterDepthExchanges(registry);
        RegisterAccountReferenceData(registry);
        RegisterReroutes(registry);
    }
}
