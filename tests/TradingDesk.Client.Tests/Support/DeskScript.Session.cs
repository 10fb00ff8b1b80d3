using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// Session and reference reads, display groups, FA configuration and the multi-account streams.
public sealed partial class DeskScript
{
    public ScriptedUnary<W.GetMatchingSymbols, W.MatchingSymbols> MatchingSymbols { get; } = new("GetMatchingSymbols");
    public ScriptedUnary<W.GetMarketRule, W.MarketRule> MarketRule { get; } = new("GetMarketRule");
    public ScriptedUnary<W.GetSmartComponents, W.SmartComponents> SmartComponents { get; } = new("GetSmartComponents");
    public ScriptedUnary<W.GetDepthExchanges, W.DepthExchanges> DepthExchanges { get; } = new("GetDepthExchanges");
    public ScriptedUnary<W.GetSoftDollarTiers, W.SoftDollarTiers> SoftDollarTiers { get; } = new("GetSoftDollarTiers");
    public ScriptedUnary<W.GetUserInfo, W.UserInfo> UserInfo { get; } = new("GetUserInfo");
    public ScriptedUnary<W.GetFamilyCodes, W.FamilyCodes> FamilyCodes { get; } = new("GetFamilyCodes");
    public ScriptedUnary<W.SetServerLogLevel, W.ServerLogLevelSet> ServerLogLevel { get; } = new("SetServerLogLevel");
    public ScriptedUnary<W.QueryDisplayGroups, W.DisplayGroups> DisplayGroups { get; } = new("QueryDisplayGroups");
    public ScriptedUnary<W.GetFaConfiguration, W.FaConfiguration> FaConfiguration { get; } = new("GetFaConfiguration");
    public ScriptedUnary<W.ReplaceFaConfiguration, W.FaConfigurationReplaced> ReplaceFa { get; } = new("ReplaceFaConfiguration");
    public ScriptedStream<W.SubscribePositionsMulti, W.PositionsMultiEvent> PositionsMulti { get; } = new();
    public ScriptedStream<W.SubscribeAccountUpdatesMulti, W.AccountUpdatesMultiEvent> AccountUpdatesMulti { get; } = new();
}
