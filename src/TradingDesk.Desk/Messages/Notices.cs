namespace TradingDesk.Desk.Messages;

/// <summary>What kind of system notice the gateway sent (error codes with no request behind them).</summary>
public enum NoticeKind
{
    /// <summary>1100: connectivity between IB and the gateway lost.</summary>
    ConnectivityLost,
    /// <summary>1101: restored, data lost (the desk resubscribes).</summary>
    ConnectivityRestoredDataLost,
    /// <summary>1102: restored, data maintained.</summary>
    ConnectivityRestoredDataMaintained,
    /// <summary>2103–2108, 2157, 2158 and the like: data farm status.</summary>
    FarmStatus,
    /// <summary>Any other informational or warning code without a request.</summary>
    Other,
}

/// <summary>
/// A system notice from the gateway, published on the EventStream for everyone (strategies, console view, logs).
/// Carries both the gateway's time (when it sent one) and local time.
/// </summary>
public sealed record GatewayNotice(int Code, string Message, NoticeKind Kind, DateTimeOffset? GatewayTime, DateTimeOffset LocalTime)
{
    public static NoticeKind Classify(int code) => code switch
    {
        1100 => NoticeKind.ConnectivityLost,
        1101 => NoticeKind.ConnectivityRestoredDataLost,
        1102 => NoticeKind.ConnectivityRestoredDataMaintained,
        >= 2103 and <= 2108 or 2119 or 2157 or 2158 => NoticeKind.FarmStatus,
        _ => NoticeKind.Other,
    };
}

/// <summary>
/// The desk moved: the node that ran it left or was downed and another desk node took over (it reconnected to the
/// gateway and recovered the orders from it). Told to every strategy on a node by the node's link to the desk; the
/// strategy base class then registers again and re-establishes its subscriptions, and each answers with
/// <see cref="SubscriptionMessages.Resubscribed"/>. <paramref name="PreviousDesk"/> and <paramref name="CurrentDesk"/> are
/// the desk actors' addresses.
/// </summary>
public sealed record DeskFailover(string PreviousDesk, string CurrentDesk, DateTimeOffset At);
