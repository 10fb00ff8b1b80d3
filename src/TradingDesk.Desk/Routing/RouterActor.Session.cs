using Akka.Actor;
using IBApi.protobuf;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using static TradingDesk.Desk.Messages.DisplayGroupMessages;
using static TradingDesk.Desk.Messages.FinancialAdvisorMessages;
using static TradingDesk.Desk.Messages.MultiAccountMessages;
using S = TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Routing;

// Session, reference, multi-account, display-group and FA commands: validated first (SessionValidation), then owned
// like the core kinds. Market rules are shared per rule id: the reply names the rule, not a request.
public sealed partial class RouterActor
{
    /// <summary>The gateway's server version from the last handshake (0 before): FA profiles are refused from 177.</summary>
    private int _serverVersion;
    // The accounts of the last handshake (managedAccounts), empty before the first: what account streams are checked against.
    private IReadOnlyList<string> _managedAccounts = [];

    /// <summary>Rule id → the one request asking for it and everyone waiting for its answer.</summary>
    private readonly Dictionary<int, (IActorRef Child, List<IActorRef> Waiters)> _ruleAsks = new();

    private void ReceiveSessionRequests()
    {
        Receive<S.GetMatchingSymbols>(c => Checked(c, () => StartRequest(new MatchingSymbolsPlan(c))));
        Receive<S.GetSmartComponents>(c => Checked(c, () => StartRequest(new SmartComponentsPlan(c))));
        Receive<S.GetSoftDollarTiers>(c => StartRequest(new SoftDollarTiersPlan(c)));
        Receive<S.GetUserInfo>(c => StartRequest(new UserInfoPlan(c)));
        Receive<S.GetDepthExchanges>(c => QueueByKind("depth-exchanges", new DepthExchangesPlan(c)));
        Receive<S.GetFamilyCodes>(c => QueueByKind("family-codes", new FamilyCodesPlan(c)));
        Receive<S.GetMarketRule>(c => Checked(c, () => AskMarketRule(c)));
        Receive<S.MarketRule>(OnMarketRuleAnswered);
        Receive<RequestFailed>(f =>
        {
            if (f.Request is S.GetMarketRule) OnMarketRuleAnswered(f);
            else Unhandled(f);
        });
        Receive<S.SetServerLogLevel>(c => Checked(c, () =>
        {
            // IB sends nothing back: the reply says the request is on its way.
            _pacer.Tell(new GatewayMessages.Outbound(new SetServerLogLevelRequest { LogLevel = (int)c.Level }, OutboundPriority.Data));
            Sender.Tell(new S.ServerLogLevelSet(c.Level));
        }));
        Receive<GetFaConfiguration>(c => Checked(c, () => QueueByKind("fa", new FaConfigurationPlan(c))));
        Receive<ReplaceFaConfiguration>(c => Checked(c, () => StartRequest(new ReplaceFaPlan(c))));
        Receive<QueryDisplayGroups>(c => StartRequest(new DisplayGroupsPlan(c)));
        Receive<UpdateDisplayGroup>(c => Checked(c, () => UpdateGroup(c)));
        Receive<SubscribePositionsMulti>(c => Checked(c, () => Subscribe(c)));
        Receive<SubscribeAccountUpdatesMulti>(c => Checked(c, () => Subscribe(c)));
        Receive<SubscribeDisplayGroup>(c => Checked(c, () => Subscribe(c)));
        ReceiveGatewayConfig();
    }

    private void Checked(object command, Action start)
    {
        if (SessionValidation.Problem(command, _serverVersion) is { } problem) Sender.Tell(new RequestFailed(command, new InvalidRequest(problem)));
        else start();
    }

    private void AskMarketRule(S.GetMarketRule command)
    {
        if (_ruleAsks.TryGetValue(command.RuleId, out var ask)) { ask.Waiters.Add(Sender); return; }
        // The router is the child's requester, so one answer reaches every waiter (OnMarketRuleAnswered).
        var id = NextRequestId();
        var plan = new MarketRulePlan(command);
        var child = Context.ActorOf(RequestActor.Props(plan, Self, _pacer, id, _options.Timeouts, _connected));
        Context.Watch(child);
        _children[child] = new ChildInfo(id, null, plan.SafeToRetry, null);
        _ruleAsks[command.RuleId] = (child, [Sender]);
    }

    private void OnMarketRuleAnswered(object answer)
    {
        var ruleId = answer is S.MarketRule r ? r.RuleId : ((S.GetMarketRule)((RequestFailed)answer).Request).RuleId;
        if (!_ruleAsks.Remove(ruleId, out var ask)) return;
        foreach (var waiter in ask.Waiters) waiter.Tell(answer);
    }

    private void ToMarketRuleAsk(MarketRule rule, GatewayMessages.Inbound inbound)
    {
        if (_ruleAsks.TryGetValue(rule.MarketRuleId, out var ask)) ask.Child.Tell(inbound);
    }

    private void UpdateGroup(UpdateDisplayGroup command)
    {
        var line = _lines.Find(command.Subscription);
        if (line is null || line.Key.Kind != "dgroup" || !line.References.ContainsKey(Sender)
            || !_lineActors.TryGetValue(line.Id, out var actor) || !_children.TryGetValue(actor, out var info))
        {
            Sender.Tell(new RequestFailed(command, new InvalidRequest($"{command.Subscription} is not a display-group subscription of yours: SubscribeDisplayGroup first")));
            return;
        }
        // updateDisplayGroup names the subscription's request id: the group it changes is the one subscribed under it.
        _pacer.Tell(new GatewayMessages.Outbound(new UpdateDisplayGroupRequest { ReqId = info.RequestId, ContractInfo = command.ContractInfo ?? "" }, OutboundPriority.Data));
        Sender.Tell(new DisplayGroupUpdateSent(command.Subscription, command.ContractInfo ?? ""));
    }
}
