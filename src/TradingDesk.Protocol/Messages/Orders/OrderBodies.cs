using IBApi.protobuf;
using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages.Orders;

/// <summary>
/// The codec's own parser of openOrder and completedOrder bodies, the largest messages a gateway sends (IB's Order
/// alone has 144 fields). It builds the same generated types Google.Protobuf's parser builds, with the same values,
/// but reads the bytes directly instead of through Google.Protobuf's general-purpose parse context: on a captured
/// openOrder, Google.Protobuf's own parse is 134-180 times a copy of the body and this one 97-115 times
/// (docs/benchmarks.md). The read methods, one per message type and one case per field number, are generated from
/// the schema into OrderBodies.g.cs; fields this schema does not have are skipped (Google.Protobuf would keep them
/// as unknown fields, which nothing in the desk reads).
/// </summary>
internal static partial class OrderBodies
{
    public static OpenOrder ParseOpenOrder(ReadOnlySpan<byte> body)
    {
        var r = new ProtobufBodyReader(body);
        return Read(ref r, r.End, new OpenOrder());
    }

    public static CompletedOrder ParseCompletedOrder(ReadOnlySpan<byte> body)
    {
        var r = new ProtobufBodyReader(body);
        return Read(ref r, r.End, new CompletedOrder());
    }
}
