namespace TradingDesk.Desk.Messages;

/// <summary>Marker: commands the DeskActor forwards to the order manager.</summary>
public interface IOrderCommand { }
