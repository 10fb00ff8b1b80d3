using TradingDesk.Client.Mapping;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

// Session and reference reads, display groups and FA configuration.
public sealed partial class DeskClient
{
    /// <summary>Contracts whose symbol or name starts like <paramref name="pattern"/>, in the gateway's order.</summary>
    public Task<IReadOnlyList<SymbolMatch>> GetMatchingSymbolsAsync(string pattern, CancellationToken cancellationToken = default) =>
        Call("GetMatchingSymbols", _desk.GetMatchingSymbolsAsync(new W.GetMatchingSymbols { Pattern = pattern ?? "" }, Unary(cancellationToken)),
            r => List(r.Matches, (m, f) => new SymbolMatch(m.Contract.FromWire(f + ".contract"), new ConId(m.ConId), m.DerivativeSecTypes.ToList()), "matches"));

    /// <summary>The price increments of market rule <paramref name="ruleId"/> (from contract details' MarketRuleIds), by low edge.</summary>
    public Task<IReadOnlyList<PriceIncrement>> GetMarketRuleAsync(int ruleId, CancellationToken cancellationToken = default) =>
        Call("GetMarketRule", _desk.GetMarketRuleAsync(new W.GetMarketRule { RuleId = ruleId }, Unary(cancellationToken)),
            r => List(r.Increments, (p, f) => new PriceIncrement(Dec(p.LowEdge, f + ".low_edge"), Dec(p.Increment, f + ".increment")), "increments"));

    /// <summary>The exchanges behind the SMART BBO exchange code <paramref name="bboExchange"/>.</summary>
    public Task<IReadOnlyList<SmartComponent>> GetSmartComponentsAsync(string bboExchange, CancellationToken cancellationToken = default) =>
        Call("GetSmartComponents", _desk.GetSmartComponentsAsync(new W.GetSmartComponents { BboExchange = bboExchange ?? "" }, Unary(cancellationToken)),
            r => List(r.Components, (c, _) => new SmartComponent(c.BitNumber, c.Exchange, c.ExchangeLetter), "components"));

    /// <summary>The exchanges that offer market depth.</summary>
    public Task<IReadOnlyList<DepthExchange>> GetDepthExchangesAsync(CancellationToken cancellationToken = default) =>
        Call("GetDepthExchanges", _desk.GetDepthExchangesAsync(new W.GetDepthExchanges(), Unary(cancellationToken)),
            r => List(r.Exchanges, (e, _) => new DepthExchange(e.Exchange, e.SecType, e.ListingExchange, e.ServiceDataType, e.HasAggregationGroup ? e.AggregationGroup : null), "exchanges"));

    /// <summary>The login's soft-dollar tiers.</summary>
    public Task<IReadOnlyList<SoftDollarTier>> GetSoftDollarTiersAsync(CancellationToken cancellationToken = default) =>
        Call("GetSoftDollarTiers", _desk.GetSoftDollarTiersAsync(new W.GetSoftDollarTiers(), Unary(cancellationToken)),
            r => List(r.Tiers, (t, _) => new SoftDollarTier(t.Name, t.Value, t.DisplayName), "tiers"));

    /// <summary>The login's white-branding id (empty for IB's own brand).</summary>
    public Task<string> GetUserInfoAsync(CancellationToken cancellationToken = default) =>
        Call("GetUserInfo", _desk.GetUserInfoAsync(new W.GetUserInfo(), Unary(cancellationToken)), r => r.WhiteBrandingId);

    /// <summary>The family codes of the managed accounts.</summary>
    public Task<IReadOnlyList<FamilyCode>> GetFamilyCodesAsync(CancellationToken cancellationToken = default) =>
        Call("GetFamilyCodes", _desk.GetFamilyCodesAsync(new W.GetFamilyCodes(), Unary(cancellationToken)),
            r => List(r.Codes, (c, _) => new FamilyCode(new AccountId(c.Account), c.Code), "codes"));

    /// <summary>Sets the gateway's own log level (needs trading access); returns once the desk has queued it.</summary>
    public Task<ServerLogLevel> SetServerLogLevelAsync(ServerLogLevel level, CancellationToken cancellationToken = default) =>
        Call("SetServerLogLevel", _desk.SetServerLogLevelAsync(new W.SetServerLogLevel { Level = (W.ServerLogLevel)(int)level }, Unary(cancellationToken)),
            r => Enum<ServerLogLevel>((int)r.Level, 0, "level"));

    /// <summary>The ids of TWS's display groups.</summary>
    public Task<IReadOnlyList<int>> QueryDisplayGroupsAsync(CancellationToken cancellationToken = default) =>
        Call("QueryDisplayGroups", _desk.QueryDisplayGroupsAsync(new W.QueryDisplayGroups(), Unary(cancellationToken)), r => (IReadOnlyList<int>)r.GroupIds.ToList());

    /// <summary>The FA configuration XML of <paramref name="kind"/> (profiles are refused from server version 177).</summary>
    public Task<string> GetFaConfigurationAsync(FaDataKind kind, CancellationToken cancellationToken = default) =>
        Call("GetFaConfiguration", _desk.GetFaConfigurationAsync(new W.GetFaConfiguration { Kind = (W.FaDataKind)(int)kind }, Unary(cancellationToken)), r => r.Xml);

    /// <summary>Replaces the FA configuration of <paramref name="kind"/> (needs trading access); returns the gateway's text.</summary>
    public Task<string> ReplaceFaConfigurationAsync(FaDataKind kind, string xml, CancellationToken cancellationToken = default) =>
        Call("ReplaceFaConfiguration", _desk.ReplaceFaConfigurationAsync(new W.ReplaceFaConfiguration { Kind = (W.FaDataKind)(int)kind, Xml = xml ?? "" }, Unary(cancellationToken)), r => r.Text);

    /// <summary>The gateway's own configuration (reqConfig; a gateway below server version 219 is refused, naming it).</summary>
    public Task<GatewaySettings> GetGatewayConfigAsync(CancellationToken cancellationToken = default) =>
        Call("GetGatewayConfig", _desk.GetGatewayConfigAsync(new W.GetGatewayConfig(), Unary(cancellationToken)), r => GatewayConfigMapping.FromWire(r.Settings));

    /// <summary>
    /// Changes the settings <paramref name="changes"/> sets, leaving the others (updateConfig; needs trading access and
    /// server version 221). The result's status says whether the gateway applied it; when it answers with warnings
    /// instead, send the same changes again with those warnings in <paramref name="acceptedWarnings"/>.
    /// </summary>
    public Task<GatewayConfigResult> UpdateGatewayConfigAsync(
        GatewaySettings changes, IReadOnlyList<ConfigWarning>? acceptedWarnings = null, bool resetApiOrderSequence = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // A null among the warnings would otherwise fail half-way through building the request, as a NullReferenceException.
        if (acceptedWarnings?.Any(w => w is null) == true) throw new ArgumentException("an accepted warning is null", nameof(acceptedWarnings));
        var request = new W.UpdateGatewayConfig { Changes = GatewaySettingsWire.ToWire(changes), ResetApiOrderSequence = resetApiOrderSequence };
        foreach (var w in acceptedWarnings ?? []) request.AcceptedWarnings.Add(new W.ConfigWarning { MessageId = w.MessageId, Title = w.Title ?? "", Message = w.Message ?? "" });
        return Call("UpdateGatewayConfig", _desk.UpdateGatewayConfigAsync(request, Unary(cancellationToken)), GatewayConfigMapping.Result);
    }

    /// <summary>
    /// What display group <paramref name="groupId"/> shows: a <see cref="DisplayGroupOpened"/> with the stream's
    /// subscription first, then each contract the group shows. Ending the enumeration unsubscribes.
    /// </summary>
    public IAsyncEnumerable<DisplayGroupItem> DisplayGroup(int groupId, CancellationToken cancellationToken = default) =>
        Stream("StreamDisplayGroup", o => _desk.StreamDisplayGroup(new W.SubscribeDisplayGroup { GroupId = groupId }, o), DisplayGroupMapping.DisplayGroup, cancellationToken);

    /// <summary>
    /// Makes the group of this client's open display-group stream <paramref name="subscription"/> (its
    /// <see cref="DisplayGroupOpened"/>) show <paramref name="contractInfo"/> ("conId@exchange"); needs trading access.
    /// Returns once the desk has queued it; the change itself arrives on the stream.
    /// </summary>
    public Task<string> UpdateDisplayGroupAsync(long subscription, string contractInfo, CancellationToken cancellationToken = default) =>
        Call("UpdateDisplayGroup", _desk.UpdateDisplayGroupAsync(new W.UpdateDisplayGroup { Subscription = subscription, ContractInfo = contractInfo ?? "" }, Unary(cancellationToken)),
            r => r.ContractInfo);
}
