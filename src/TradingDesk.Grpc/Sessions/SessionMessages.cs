using System.Threading.Channels;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Grpc.Sessions;

/// <summary>
/// What the front's handlers tell a client's session (<see cref="ClientSessionActor"/>). Local to the desk's process:
/// never serialized, so outside <c>TradingDesk.Desk.Messages</c>.
/// </summary>
internal static class SessionMessages
{
    /// <summary>An order command of this client (PlaceOrder, PlaceBracket, ModifyOrder, CancelOrder), asked of the session.</summary>
    public sealed record Trade(object Command);

    /// <summary>The session's answer to a <see cref="Trade"/> the client's identity does not allow (PERMISSION_DENIED).</summary>
    public sealed record Refused(string Problem);

    /// <summary>The desk accepted orders of this client: a later cancel or modify of them is the owner's.</summary>
    public sealed record Owns(IReadOnlyList<OrderId> Orders);

    /// <summary>A StreamOrderUpdates call opened: the session writes this client's order events to <paramref name="Writer"/>.</summary>
    public sealed record OpenOrderStream(long Stream, ChannelWriter<OrderItem> Writer);

    /// <summary>The call of that stream ended.</summary>
    public sealed record CloseOrderStream(long Stream);

    /// <summary>
    /// The handler wrote this event to the client's response stream: a fill or an ending is then acknowledged to the
    /// desk, which otherwise replays it at the next registration.
    /// </summary>
    public sealed record Delivered(OrderEvents.IOrderEvent Event);

    /// <summary>One order event for a stream.</summary>
    public sealed record OrderItem(OrderEvents.IOrderEvent Event);
}
