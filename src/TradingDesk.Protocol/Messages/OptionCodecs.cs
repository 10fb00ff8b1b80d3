using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Options: the option chain (out 78, in 75/76), the option calculators (out 54–57, answered by tickOptionComputation
/// 21), exerciseOptions (out 21), and the option and EFP ticks of a market-data line (in 21, 47, 56). The parts live
/// in <c>Messages/Options/</c>.
/// Protobuf gates from IBPY PROTOBUF_MSG_IDS: 211 (PROTOBUF_REST_MESSAGES_1) for the calculators and
/// exerciseOptions, 212 (PROTOBUF_REST_MESSAGES_2) for reqSecDefOptParams. Replies follow their request's gate, an
/// inference (UNCONFIRMED): securityDefinitionOptionParameter / End at 212; tickOptionComputation answers both
/// reqMktData (206) and the calculators (211) and takes 206, the market-data gate, because most of them come with
/// a market-data line. tickEFP and deltaNeutralValidation have no IB protobuf type: they are text only
/// (schemas in proto/tws-text).
/// </summary>
internal static partial class OptionCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterRequests(registry);
        RegisterChain(registry);
        RegisterTicks(registry);
    }
}
