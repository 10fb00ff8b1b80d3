namespace TradingDesk.Desk.Orders;

/// <summary>
/// PLACEHOLDER (engineer A's branch): engineer B's real OrderManagerOptions replaces this file at merge.
/// </summary>
public sealed record OrderManagerOptions
{
    /// <summary>The API client id orders are placed under. Default 1.</summary>
    public int ClientId { get; init; } = 1;
}
