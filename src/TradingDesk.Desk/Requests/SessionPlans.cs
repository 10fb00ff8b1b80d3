using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>reqMatchingSymbols → symbolSamples. A read: safe to retry. IB paces it to one a second; the gateway answers 366 beyond.</summary>
internal sealed class MatchingSymbolsPlan(S.GetMatchingSymbols command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new MatchingSymbolsRequest { ReqId = requestId, Pattern = command.Pattern };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is SymbolSamples s
        ? new Step.Complete(new S.MatchingSymbols(s.ContractDescriptions.Select(ToMatch).ToList(), at))
        : Step.Continue.Instance;

    private static S.SymbolMatch ToMatch(ContractDescription d)
    {
        var contract = d.Contract ?? new IBApi.protobuf.Contract();
        return new S.SymbolMatch(contract.ToSpec(), new ConId(contract.ConId), d.DerivativeSecTypes.ToList());
    }
}

/// <summary>
/// reqMarketRule → marketRule. The reply carries the rule id and no request id: the router routes it by rule id
/// and shares one request between concurrent asks for the same rule (RouterActor.Session.cs).
/// </summary>
internal sealed class MarketRulePlan(S.GetMarketRule command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new MarketRuleRequest { MarketRuleId = command.RuleId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is IBApi.protobuf.MarketRule r && r.MarketRuleId == command.RuleId
        ? ToReply(r, at)
        : Step.Continue.Instance;

    private Step ToReply(IBApi.protobuf.MarketRule rule, DateTimeOffset at)
    {
        var increments = new List<S.PriceIncrement>();
        foreach (var p in rule.PriceIncrements)
        {
            // A rule whose increment is not a positive finite number would make every price unroundable: refuse it here.
            if (Mapping.Price(p.LowEdge) is not { } low || Mapping.Price(p.Increment) is not { } step || step <= 0)
                return new Step.Fail(new InvalidRequest($"market rule {command.RuleId} has an unusable increment ({p.LowEdge}, {p.Increment})"));
            increments.Add(new S.PriceIncrement(low, step));
        }
        return new Step.Complete(new S.MarketRule(command.RuleId, increments.OrderBy(i => i.LowEdge).ToList(), at));
    }
}

/// <summary>reqSmartComponents → smartComponents. A read: safe to retry.</summary>
internal sealed class SmartComponentsPlan(S.GetSmartComponents command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new SmartComponentsRequest { ReqId = requestId, BboExchange = command.BboExchange };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is IBApi.protobuf.SmartComponents s
        ? new Step.Complete(new S.SmartComponents(s.SmartComponents_.Select(c => new S.SmartComponent(c.BitNumber, c.Exchange, c.ExchangeLetter)).ToList(), at))
        : Step.Continue.Instance;
}

/// <summary>reqMktDepthExchanges → mktDepthExchanges. No request id: the router's "depth-exchanges" owner serialises askers.</summary>
internal sealed class DepthExchangesPlan(S.GetDepthExchanges command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new MarketDepthExchangesRequest();
    public override Step Accept(IMessage message, DateTimeOffset at) => message is MarketDepthExchanges m
        ? new Step.Complete(new S.DepthExchanges(m.DepthMarketDataDescriptions.Select(d =>
            new S.DepthExchange(d.Exchange, d.SecType, d.ListingExch, d.ServiceDataType, d.HasAggGroup ? d.AggGroup : null)).ToList(), at))
        : Step.Continue.Instance;
}

/// <summary>reqSoftDollarTiers → softDollarTiers. A read: safe to retry.</summary>
internal sealed class SoftDollarTiersPlan(S.GetSoftDollarTiers command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new SoftDollarTiersRequest { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is IBApi.protobuf.SoftDollarTiers s
        ? new Step.Complete(new S.SoftDollarTiers(s.SoftDollarTiers_.Select(t => new S.SoftDollarTier(t.Name, t.Value, t.DisplayName)).ToList(), at))
        : Step.Continue.Instance;
}

/// <summary>reqUserInfo → userInfo. A read: safe to retry.</summary>
internal sealed class UserInfoPlan(S.GetUserInfo command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new UserInfoRequest { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is IBApi.protobuf.UserInfo u
        ? new Step.Complete(new S.UserInfo(u.WhiteBrandingId, at))
        : Step.Continue.Instance;
}

/// <summary>reqFamilyCodes → familyCodes. No request id: the router's "family-codes" owner serialises askers.</summary>
internal sealed class FamilyCodesPlan(S.GetFamilyCodes command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new FamilyCodesRequest();
    public override Step Accept(IMessage message, DateTimeOffset at) => message is IBApi.protobuf.FamilyCodes f
        ? new Step.Complete(new S.FamilyCodes(f.FamilyCodes_.Select(c => new S.FamilyCode(new AccountId(c.AccountId), c.FamilyCode_)).ToList(), at))
        : Step.Continue.Instance;
}
