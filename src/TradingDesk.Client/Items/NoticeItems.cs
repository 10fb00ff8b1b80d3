using TradingDesk.Desk.Domain;

namespace TradingDesk.Client;

/// <summary>One item of <see cref="DeskClient.Notices"/>: what the gateway and the desk say to everyone.</summary>
public abstract record NoticeItem;

/// <summary>How the gateway classifies a notice.</summary>
public enum GatewayNoticeKind { Unspecified, ConnectivityLost, ConnectivityRestoredDataLost, ConnectivityRestoredDataMaintained, FarmStatus, Other }

/// <summary>A gateway notice (farm status, connectivity) with IB's code.</summary>
public sealed record GatewayNotice(int Code, string Message, GatewayNoticeKind Kind, DateTimeOffset? GatewayTime, DateTimeOffset LocalTime) : NoticeItem;

/// <summary>The desk failed over to a standby; streams resubscribe on their own.</summary>
public sealed record DeskFailover(string PreviousDesk, string CurrentDesk, DateTimeOffset At) : NoticeItem;

/// <summary>The kill switch went on: the desk cancelled these orders and takes no new ones.</summary>
public sealed record KillSwitchOn(string Reason, IReadOnlyList<OrderId> CancelledOrders, DateTimeOffset At) : NoticeItem;

/// <summary>The kill switch was released.</summary>
public sealed record KillSwitchOff(DateTimeOffset At) : NoticeItem;
