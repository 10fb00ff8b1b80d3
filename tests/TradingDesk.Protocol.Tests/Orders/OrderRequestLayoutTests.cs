using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Orders;

/// <summary>
/// The small order requests, frames assembled from IB's EClient (ibapi/client.py): each decodes to the expected
/// message and re-encodes to the same bytes, in every layout its gates produce.
/// </summary>
public sealed class OrderRequestLayoutTests
{
    public static TheoryData<string, int, IMessage> Frames => new()
    {
        // cancelOrder: version 1 before 192; manualOrderCancelTime from 169; 187..189 add "", "", 2147483647;
        // from 192 no version, then extOperator and manualOrderIndicator (IB sends UNSET_INTEGER literally).
        { "4\\01\\07\\0", 150, new CancelOrderRequest { OrderId = 7 } },
        { "4\\01\\07\\0\\0", 176, new CancelOrderRequest { OrderId = 7 } },
        { "4\\01\\07\\020250101-10:00:00\\0", 176, new CancelOrderRequest { OrderId = 7, OrderCancel = new OrderCancel { ManualOrderCancelTime = "20250101-10:00:00" } } },
        { "4\\01\\07\\0\\0\\0\\02147483647\\0", 188, new CancelOrderRequest { OrderId = 7 } },
        { "4\\07\\0\\0\\02147483647\\0", 200, new CancelOrderRequest { OrderId = 7 } },
        { "4\\07\\0\\0op\\01\\0", 200, new CancelOrderRequest { OrderId = 7, OrderCancel = new OrderCancel { ExtOperator = "op", ManualOrderIndicator = 1 } } },
        // reqGlobalCancel: [58][v=1] before 192, [58][extOperator][manualOrderIndicator] from 192.
        { "58\\01\\0", 176, new GlobalCancelRequest() },
        { "58\\0\\02147483647\\0", 200, new GlobalCancelRequest() },
        { "58\\0op\\00\\0", 200, new GlobalCancelRequest { OrderCancel = new OrderCancel { ExtOperator = "op", ManualOrderIndicator = 0 } } },
        { "5\\01\\0", 176, new OpenOrdersRequest() },
        { "16\\01\\0", 176, new AllOpenOrdersRequest() },
        { "15\\01\\01\\0", 176, new AutoOpenOrdersRequest { AutoBind = true } },
        { "99\\00\\0", 176, new CompletedOrdersRequest { ApiOnly = false } },
    };

    [Theory, MemberData(nameof(Frames))]
    public void Decodes_and_reencodes(string notation, int version, IMessage expected)
    {
        var decoded = TwsCodec.Default.Decode(Wire.Payload(notation), version, ClientToServer);
        Assert.Equal(expected, decoded.Message);
        CodecAssert.ReencodesTo(decoded.Message!, notation, version);
    }

    [Fact]
    public void Completed_order_messages_do_not_exist_before_150()
    {
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new CompletedOrdersRequest(), 149, ClientToServer));
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new CompletedOrder(), 149, ServerToClient));
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new OrderBound(), 143, ServerToClient));
    }
}
