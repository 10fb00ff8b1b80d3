namespace TradingDesk.Desk.Messages;

/// <summary>
/// Marker for every message a strategy, a console or a host may send to the desk (the DeskActor). The desk accepts
/// only these: anything else sent to it (the gateway's own traffic, connection events, the desk's internal messages)
/// is dead-lettered, so no actor outside the desk can inject a fill, a reconnect or a rewiring through its front door.
/// </summary>
public interface IDeskCommand {}
