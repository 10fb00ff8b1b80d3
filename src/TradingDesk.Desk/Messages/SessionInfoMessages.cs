using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Reference data and session reads beyond contract details: symbol search, market rules, SMART components, depth
/// exchanges, soft-dollar tiers, user info, family codes, and the gateway's log level. Sent by strategies to the
/// desk; each reply goes to the sender, or <see cref="RequestFailed"/> with a typed <see cref="DeskFailure"/>
/// (InvalidRequest before anything is sent when the input cannot be asked).
/// </summary>
public static class SessionInfoMessages
{
    /// <summary>Contracts whose symbol or name starts like <paramref name="Pattern"/> (reqMatchingSymbols). Reply: <see cref="MatchingSymbols"/>.</summary>
    public sealed record GetMatchingSymbols(string Pattern) : IDeskCommand;

    /// <summary>Reply to <see cref="GetMatchingSymbols"/>, in gateway order.</summary>
    public sealed record MatchingSymbols(IReadOnlyList<SymbolMatch> Matches, DateTimeOffset LocalTime);

    /// <summary>One match: the contract and the security types derived from it (options, futures, warrants …).</summary>
    public sealed record SymbolMatch(ContractSpec Contract, ConId ConId, IReadOnlyList<string> DerivativeSecTypes);

    /// <summary>
    /// The price increments of market rule <paramref name="RuleId"/> (reqMarketRule; the ids come from contract details'
    /// MarketRuleIds). Concurrent asks for the same rule share one gateway request. Reply: <see cref="MarketRule"/>.
    /// </summary>
    public sealed record GetMarketRule(int RuleId) : IDeskCommand;

    /// <summary>Reply to <see cref="GetMarketRule"/>: increments ordered by their low edge (from that price up, prices are multiples of the increment).</summary>
    public sealed record MarketRule(int RuleId, IReadOnlyList<PriceIncrement> Increments, DateTimeOffset LocalTime);

    public sealed record PriceIncrement(decimal LowEdge, decimal Increment);

    /// <summary>The exchanges behind a SMART BBO exchange code (reqSmartComponents). Reply: <see cref="SmartComponents"/>.</summary>
    public sealed record GetSmartComponents(string BboExchange) : IDeskCommand;

    public sealed record SmartComponents(IReadOnlyList<SmartComponent> Components, DateTimeOffset LocalTime);

    public sealed record SmartComponent(int BitNumber, string Exchange, string ExchangeLetter);

    /// <summary>Exchanges that offer market depth (reqMktDepthExchanges; no request id, asks are serialised). Reply: <see cref="DepthExchanges"/>.</summary>
    public sealed record GetDepthExchanges : IDeskCommand;

    public sealed record DepthExchanges(IReadOnlyList<DepthExchange> Exchanges, DateTimeOffset LocalTime);

    /// <summary>One depth exchange; <paramref name="AggregationGroup"/> is null when the gateway sent none.</summary>
    public sealed record DepthExchange(string Exchange, string SecType, string ListingExchange, string ServiceDataType, int? AggregationGroup);

    /// <summary>The soft-dollar tiers of this login (reqSoftDollarTiers). Reply: <see cref="SoftDollarTiers"/>.</summary>
    public sealed record GetSoftDollarTiers : IDeskCommand;

    public sealed record SoftDollarTiers(IReadOnlyList<SoftDollarTier> Tiers, DateTimeOffset LocalTime);

    public sealed record SoftDollarTier(string Name, string Value, string DisplayName);

    /// <summary>The login's white-branding id (reqUserInfo). Reply: <see cref="UserInfo"/>.</summary>
    public sealed record GetUserInfo : IDeskCommand;

    public sealed record UserInfo(string WhiteBrandingId, DateTimeOffset LocalTime);

    /// <summary>Family codes of the managed accounts (reqFamilyCodes; no request id, asks are serialised). Reply: <see cref="FamilyCodes"/>.</summary>
    public sealed record GetFamilyCodes : IDeskCommand;

    public sealed record FamilyCodes(IReadOnlyList<FamilyCode> Codes, DateTimeOffset LocalTime);

    public sealed record FamilyCode(AccountId Account, string Code);

    /// <summary>
    /// Sets the gateway's own log level (setServerLogLevel). IB never answers it: the desk replies
    /// <see cref="ServerLogLevelSet"/> once the request is queued for the gateway.
    /// </summary>
    public sealed record SetServerLogLevel(ServerLogLevel Level) : IDeskCommand;

    public sealed record ServerLogLevelSet(ServerLogLevel Level);
}
