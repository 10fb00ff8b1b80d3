using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Market data: top-of-book ticks (reqMktData and its tick replies), market data type, tick-by-tick and market
/// depth. The parts live in <c>Messages/MarketData/MarketDataCodecs.*.cs</c>.
///
/// Protobuf gates: the requests switch where IBPY's PROTOBUF_MSG_IDS says (206 for reqMktData, cancelMktData,
/// reqMktDepth, cancelMktDepth, reqMarketDataType; 208 for reqTickByTickData / cancelTickByTickData). The replies
/// follow their request's gate: a rule of thumb, an inference
/// (UNCONFIRMED) since the official decoders accept either form for every id.
/// </summary>
internal static partial class MarketDataCodecs
{
    public static void Register(CodecRegistry registry)
    {
        RegisterRequests(registry);
        RegisterTicks(registry);
        RegisterTickByTick(registry);
        RegisterDepth(registry);
    }
}
