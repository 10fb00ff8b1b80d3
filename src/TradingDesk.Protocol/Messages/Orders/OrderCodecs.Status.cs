using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Messages;

/// <summary>orderStatus, openOrderEnd, completedOrdersEnd and orderBound (ibapi/decoder.py).</summary>
internal static partial class OrderCodecs
{
    /// <summary>orderStatus carried a version before 131; the last one IB documents (whyHeld is a "ver 6 field").</summary>
    private const int OrderStatusMessageVersion = 6;

    private static void RegisterStatus(CodecRegistry r)
    {
        // orderStatus (in 3): [3][v (<131)][orderId][status][filled][remaining][avgFillPrice][permId][parentId]
        // [lastFillPrice][clientId][whyHeld][mktCapPrice (≥131)]. filled/remaining are decimal strings, passed verbatim.
        // Protobuf from 203: AUD203 saw it arrive as protobuf at 203.
        r.Add<OrderStatus>(IncomingIds.OrderStatus, ServerToClient, ServerVersions.ProtobufPlaceOrder,
            (ref TextFieldReader f, int v) =>
            {
                if (v < ServerVersions.MarketCapPrice) f.Skip("version");
                var m = new OrderStatus();
                if (f.ReadIntOrUnset("orderId") is { } id) m.OrderId = id;
                if (f.ReadStringOrUnset("status") is { } status) m.Status = status;
                if (f.ReadStringOrUnset("filled") is { } filled) m.Filled = filled;
                if (f.ReadStringOrUnset("remaining") is { } remaining) m.Remaining = remaining;
                if (f.ReadDoubleOrUnset("avgFillPrice") is { } avg) m.AvgFillPrice = avg;
                if (f.ReadLongOrUnset("permId") is { } permId) m.PermId = permId;
                if (f.ReadIntOrUnset("parentId") is { } parentId) m.ParentId = parentId;
                if (f.ReadDoubleOrUnset("lastFillPrice") is { } last) m.LastFillPrice = last;
                if (f.ReadIntOrUnset("clientId") is { } clientId) m.ClientId = clientId;
                if (f.ReadStringOrUnset("whyHeld") is { } whyHeld) m.WhyHeld = whyHeld;
                if (v >= ServerVersions.MarketCapPrice && f.ReadDoubleOrUnset("mktCapPrice") is { } cap) m.MktCapPrice = cap;
                return m;
            },
            (OrderStatus m, ref TextFieldWriter w, int v) =>
            {
                if (v < ServerVersions.MarketCapPrice) w.WriteInt(OrderStatusMessageVersion);
                w.WriteIntOrUnset(m.HasOrderId, m.OrderId);
                w.WriteString(m.Status);
                w.WriteString(m.Filled);
                w.WriteString(m.Remaining);
                w.WriteDoubleOrUnset(m.HasAvgFillPrice, m.AvgFillPrice);
                w.WriteLongOrUnset(m.HasPermId, m.PermId);
                w.WriteIntOrUnset(m.HasParentId, m.ParentId);
                w.WriteDoubleOrUnset(m.HasLastFillPrice, m.LastFillPrice);
                w.WriteIntOrUnset(m.HasClientId, m.ClientId);
                w.WriteString(m.WhyHeld);
                if (v >= ServerVersions.MarketCapPrice) w.WriteDoubleOrUnset(m.HasMktCapPrice, m.MktCapPrice);
            });

        // openOrderEnd (in 53): [53][v=1]. Protobuf OpenOrdersEnd from 203 (AUD203, even after a text request).
        r.Add<OpenOrdersEnd>(IncomingIds.OpenOrderEnd, ServerToClient, ServerVersions.ProtobufPlaceOrder,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new OpenOrdersEnd();
            },
            (OpenOrdersEnd m, ref TextFieldWriter w, int v) => w.WriteInt(1));

        // completedOrdersEnd (in 102, from 150): [102] and nothing else. Protobuf from 204 (request family's gate).
        r.Add<CompletedOrdersEnd>(IncomingIds.CompletedOrdersEnd, ServerToClient, ServerVersions.ProtobufCompletedOrder,
            (ref TextFieldReader f, int v) => new CompletedOrdersEnd(),
            (CompletedOrdersEnd m, ref TextFieldWriter w, int v) => { },
            minVersion: OrderVersions.CompletedOrders);

        // orderBound (in 100, from 144 API_BIND_ORDER): [100][permId][clientId][orderId], no version.
        // Protobuf from 203: an inference (it answers placeOrder/reqOpenOrders binding, the 203 family), UNCONFIRMED.
        r.Add<OrderBound>(IncomingIds.OrderBound, ServerToClient, ServerVersions.ProtobufPlaceOrder,
            (ref TextFieldReader f, int v) =>
            {
                var m = new OrderBound();
                if (f.ReadLongOrUnset("permId") is { } permId) m.PermId = permId;
                if (f.ReadIntOrUnset("clientId") is { } clientId) m.ClientId = clientId;
                if (f.ReadIntOrUnset("orderId") is { } orderId) m.OrderId = orderId;
                return m;
            },
            (OrderBound m, ref TextFieldWriter w, int v) =>
            {
                w.WriteLongOrUnset(m.HasPermId, m.PermId);
                w.WriteIntOrUnset(m.HasClientId, m.ClientId);
                w.WriteIntOrUnset(m.HasOrderId, m.OrderId);
            },
            minVersion: OrderVersions.ApiBindOrder);
    }
}
