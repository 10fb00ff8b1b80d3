namespace TradingDesk.Desk.Messages;

/// <summary>
/// Whether the order manager can use its journal, published on the EventStream by the order manager's supervisor
/// whenever that changes: unavailable when a recovery has not completed within a grace period or an order manager
/// stopped on a failure of its store (<paramref name="Detail"/> says why, without the connection string), available
/// again once a new order manager has recovered. Local to the desk's node (the EventStream does not cross nodes);
/// the hosted desk waits on it before starting the strategies.
/// </summary>
public sealed record OrderJournalStatus(bool Available, string Detail, DateTimeOffset LocalTime);
