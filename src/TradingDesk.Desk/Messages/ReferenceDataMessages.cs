using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Reference data and session queries. Sent by strategies to the desk (DeskActor); each reply goes to the sender,
/// or <see cref="RequestFailed"/> with a typed <see cref="DeskFailure"/>.
/// </summary>
public static class ReferenceDataMessages
{
    /// <summary>
    /// Contract details for a spec (reqContractDetails). Reply: <see cref="ContractDetailsList"/> (every match, in
    /// gateway order). With <see cref="ContractSpec.FrontMonth"/> the desk asks for every expiry of the future and
    /// replies with the single nearest one that has not expired (by local date). No match: GatewayError 200.
    /// Safe to retry: after a reconnect an in-flight request is sent again once.
    /// </summary>
    public sealed record GetContractDetails(ContractSpec Contract) : IDeskCommand;

    /// <summary>Reply to <see cref="GetContractDetails"/>.</summary>
    public sealed record ContractDetailsList(IReadOnlyList<ContractDetail> Details, DateTimeOffset LocalTime);

    /// <summary>One contract's details, typed.</summary>
    public sealed record ContractDetail(
        ContractSpec Contract,
        ConId ConId,
        string LongName,
        decimal? MinTick,
        string TimeZoneId,
        string TradingHours,
        string LiquidHours,
        string ValidExchanges,
        string OrderTypes,
        string MarketRuleIds,
        string ContractMonth,
        string? RealExpirationDate,
        decimal MinSize,
        decimal SizeIncrement,
        string Industry,
        string Category);

    /// <summary>The gateway's clock (reqCurrentTime). Reply: <see cref="CurrentTimeReply"/>. Safe to retry after a reconnect.</summary>
    public sealed record GetCurrentTime : IDeskCommand;

    /// <summary>Reply to <see cref="GetCurrentTime"/>: gateway time (to the millisecond from server version 197, whole seconds below it) and local time at receipt.</summary>
    public sealed record CurrentTimeReply(DateTimeOffset GatewayTime, DateTimeOffset LocalTime);

    /// <summary>The accounts this login manages (reqManagedAccts). Reply: <see cref="ManagedAccountsList"/>.</summary>
    public sealed record GetManagedAccounts : IDeskCommand;

    /// <summary>Reply to <see cref="GetManagedAccounts"/>.</summary>
    public sealed record ManagedAccountsList(IReadOnlyList<AccountId> Accounts, DateTimeOffset LocalTime);
}
