using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// TWS display groups (the coloured window groups): which exist, a stream of the contract a group shows, and
/// setting that contract. Sent by strategies to the desk.
/// </summary>
public static class DisplayGroupMessages
{
    /// <summary>The display groups TWS offers (queryDisplayGroups). Reply: <see cref="DisplayGroups"/>.</summary>
    public sealed record QueryDisplayGroups : IDeskCommand;

    /// <summary>Reply to <see cref="QueryDisplayGroups"/>: the group ids (IB sends them "|"-separated).</summary>
    public sealed record DisplayGroups(IReadOnlyList<int> GroupIds, DateTimeOffset LocalTime);

    /// <summary>
    /// Follow display group <paramref name="GroupId"/> (subscribeToGroupEvents): a subscription whose items are
    /// <see cref="DisplayGroupChanged"/>. Subscribers of the same group share one gateway request.
    /// </summary>
    public sealed record SubscribeDisplayGroup(int GroupId) : IDeskCommand;

    /// <summary>
    /// The group now shows <paramref name="ContractInfo"/> ("conId@exchange", a combo's legs, or empty for none).
    /// </summary>
    public sealed record DisplayGroupChanged(SubscriptionId Subscription, string ContractInfo, DateTimeOffset LocalTime);

    /// <summary>
    /// Make the group of <paramref name="Subscription"/> (held by the sender) show <paramref name="ContractInfo"/>
    /// (updateDisplayGroup). Reply: <see cref="DisplayGroupUpdateSent"/> once queued; the change itself comes back as a
    /// <see cref="DisplayGroupChanged"/> item.
    /// </summary>
    public sealed record UpdateDisplayGroup(SubscriptionId Subscription, string ContractInfo) : IDeskCommand;

    public sealed record DisplayGroupUpdateSent(SubscriptionId Subscription, string ContractInfo);
}
