namespace TradingDesk.Desk.Orders;

/// <summary>
/// Whether the order manager can use its journal, published on the EventStream by the order manager's supervisor
/// whenever that changes: unavailable when a recovery has not completed within a grace period or an order manager
/// stopped on a failure of its store (<paramref name="Detail"/> says why, without the connection string), available
/// again once a new order manager has recovered. The hosted desk waits on it before starting the strategies. Local
/// to the desk's node (the EventStream does not cross nodes), so it has no protobuf twin and lives beside the order
/// manager rather than among the desk's messages.
/// </summary>
public sealed record OrderJournalStatus(bool Available, string Detail, DateTimeOffset LocalTime);
