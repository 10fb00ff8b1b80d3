namespace TradingDesk.Desk.Orders.Journal;

/// <summary>
/// The order journal's names: the persistence id of a desk's order manager and the manifest of each entry. These are
/// stored with every entry, so they never change; a new shape of an event gets a new name.
/// </summary>
public static class OrderJournal
{
    /// <summary>
    /// One journal per API client id: order ids live in a client id's namespace at the gateway. It does not depend on the
    /// node, so a standby desk that takes over recovers the same journal.
    /// </summary>
    public static string PersistenceId(int clientId) => $"trading-desk-orders-client-{clientId}";

    /// <summary>Every entry type and its manifest.</summary>
    public static readonly IReadOnlyList<(Type Type, string Manifest)> Manifests =
    [
        (typeof(BookEvent.OrderPlaced), "order-placed"),
        (typeof(BookEvent.OrderModified), "order-modified"),
        (typeof(BookEvent.KillSwitchChanged), "kill-switch-changed"),
        (typeof(BookEvent.LimitsChanged), "limits-changed"),
        (typeof(BookEvent.OrderDiscovered), "order-discovered"),
        (typeof(BookEvent.OwnerLearned), "owner-learned"),
        (typeof(BookEvent.StrategyRegistered), "strategy-registered"),
        (typeof(BookEvent.FillsDelivered), "fills-delivered"),
        (typeof(BookEvent.EndingsDelivered), "endings-delivered"),
        (typeof(BookEvent.Observed), "observed"),
        (typeof(OrderBook), "book-snapshot"),
    ];

    private static readonly Dictionary<Type, string> ByType = Manifests.ToDictionary(m => m.Type, m => m.Manifest);
    private static readonly Dictionary<string, Type> ByManifest = Manifests.ToDictionary(m => m.Manifest, m => m.Type, StringComparer.Ordinal);

    public static string? ManifestOf(Type type) => ByType.GetValueOrDefault(type);

    public static Type? TypeOf(string manifest) => ByManifest.GetValueOrDefault(manifest);
}
