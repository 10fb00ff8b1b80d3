using TradingDesk.Protocol.Codec;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// The order family: placeOrder, cancelOrder, reqGlobalCancel, the open/completed-order requests, and the replies
/// orderStatus, openOrder, openOrderEnd, completedOrder, completedOrdersEnd, orderBound. Split into partial files
/// under <c>Messages/Orders/</c>: one per message group, plus the field blocks several layouts share.
///
/// Protobuf gates. Requests: IB's PROTOBUF_MSG_IDS (placeOrder, cancelOrder, reqGlobalCancel at 203
/// PROTOBUF_PLACE_ORDER; reqOpenOrders, reqAllOpenOrders, reqAutoOpenOrders, reqCompletedOrders at 204
/// PROTOBUF_COMPLETED_ORDER). Replies: orderStatus, openOrder, openOrderEnd at 203 (AUD203: a real Gateway at 203
/// sent them as protobuf); completedOrder, completedOrdersEnd at 204 and orderBound at 203 follow their request
/// family's gate (the "simulator rule of thumb", an inference: UNCONFIRMED).
/// </summary>
internal static partial class OrderCodecs
{
    /// <summary>Repeated groups (combo legs, tag/values, conditions, allocations) longer than this are rejected as hostile.</summary>
    private const int MaxCount = 10_000;

    public static void Register(CodecRegistry registry)
    {
        RegisterRequests(registry);
        RegisterPlaceOrder(registry);
        RegisterStatus(registry);
        RegisterOpenOrder(registry);
        RegisterCompletedOrder(registry);
    }
}
