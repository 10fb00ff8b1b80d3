namespace TradingDesk.Desk.Domain;

/// <summary>
/// How the desk brings an order's limit and stop prices onto the contract's market rule (reqMarketRule's price
/// increments) before it sends the order. Set per order (<see cref="OrderSpec.PriceRounding"/>) or desk-wide (the order
/// manager's DefaultPriceRounding, default <see cref="Off"/>).
/// </summary>
public enum PriceRounding
{
    /// <summary>Refuse an off-grid price before anything is sent, naming the valid neighbours.</summary>
    Reject,
    /// <summary>The nearer neighbour (halfway goes away from zero).</summary>
    Nearest,
    /// <summary>The neighbour below.</summary>
    Down,
    /// <summary>The neighbour above.</summary>
    Up,
    /// <summary>Send the prices as given: the gateway judges them (error 110 for an off-grid price).</summary>
    Off,
}
