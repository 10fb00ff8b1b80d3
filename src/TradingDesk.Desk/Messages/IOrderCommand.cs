namespace TradingDesk.Desk.Messages;

/// <summary>
/// Marker for every strategy command the desk forwards to the order manager (<c>OrderCommands</c>),
/// keeping the original sender.
/// </summary>
public interface IOrderCommand : IDeskCommand {}
