using Akka.Actor;
using Akka.Event;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;
using static TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// The market-rule stage of order placement and modification: the DeskActor hands it every placement and modification
/// with a price to round (<see cref="PriceRoundingPlan.NeedsRule"/>); it finds the contract's rule (contract details,
/// then reqMarketRule, both asked of the router as a strategy would, so they are paced and have the router's deadlines),
/// rounds the limit and stop prices (<see cref="PriceRoundingPlan"/>) and forwards the rounded command to the order
/// manager with the strategy as sender. What cannot be rounded (Reject and an off-grid price, no rule, a rule that
/// could not be fetched) is answered RequestFailed here and never reaches the order manager, so nothing is journaled
/// or sent.
/// <para>
/// A modification names only its order id: the book first asks the order manager for that order's contract
/// (<see cref="ModifyTarget"/>, a hop within the desk, nothing sent). An order that is unknown, another strategy's or
/// no longer working is refused in the order manager's own words; otherwise the modification waits for the contract's
/// rule exactly as a placement does, in the same caches and the same shared lookups.
/// </para>
/// <para>
/// Why a stage of its own rather than a Stash inside the order manager: the manager is a persistent actor whose every
/// command is decided against the state that the previous one left; stashing placements behind a lookup would hold
/// cancels, kill switches and inbound fills behind a network round trip, or reorder them against the stash. Here only
/// the orders that wait for a rule wait, and the order manager journals exactly the prices that are sent. The price
/// of that: an order waiting for its rule can be overtaken by a later command that needs none (a market order, a
/// cancel); two orders that wait for the same rule keep their order. A modification joins the wait when its contract
/// comes back, so a placement that arrives during that hop can go before it; modifications of one order keep their
/// order (the order manager answers them in turn).
/// </para>
/// <para>
/// Caches: contract → rule id and rule id → increments, for the session (IB's rules do not change within one); both are
/// dropped when the connection is lost or re-established. Several orders waiting for one contract or one rule share
/// one request. Every answer reaches its waiters; one that was asked before a reconnect is not cached.
/// </para>
/// </summary>
public sealed class MarketRuleBookActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly IActorRef _router;
    private readonly IActorRef _orders;
    private readonly PriceRounding _deskDefault;
    private readonly Dictionary<ContractSpec, int> _ruleOf = [];
    private readonly Dictionary<int, IReadOnlyList<PriceIncrement>> _rules = [];
    private readonly Dictionary<ContractSpec, List<Waiting>> _detailsAsks = [];
    private readonly Dictionary<int, (long Session, List<Waiting> Waiters)> _ruleAsks = [];
    // Bumped when the connection drops or comes back: answers to older asks still serve their waiters, uncached.
    private long _session;

    public MarketRuleBookActor(IActorRef router, IActorRef orders, PriceRounding deskDefault)
    {
        _router = router;
        _orders = orders;
        _deskDefault = deskDefault;
        Receive<OrderCommands.ModifyOrder>(m =>
        {
            // Its contract first: the rule is the one of the order's contract, which only the order manager knows.
            if (PriceRoundingPlan.NeedsRule(m, _deskDefault)) _orders.Tell(new ModifyTarget.Find(m, Sender));
            else _orders.Forward(m);
        });
        Receive<ModifyTarget.Found>(f => Start(new Waiting(f.Query.Modify, f.Query.Asker, f.Contract)));
        Receive<ModifyTarget.Refused>(r => RefuseModify(r.Query, r.Failure));
        // The supervisor answers for an order manager that is down (JournalUnavailable).
        Receive<RequestFailed>(f => f.Request is ModifyTarget.Find, f => RefuseModify((ModifyTarget.Find)f.Request, f.Failure));
        Receive<IOrderCommand>(c =>
        {
            // Only placements are sent here (modifications have their own handler); anything else goes on as it came.
            if (PriceRoundingPlan.Placement(c) is { } placement) Start(new Waiting(c, Sender, placement.Contract));
            else _orders.Forward(c);
        });
        Receive<DetailsAnswered>(OnDetails);
        Receive<MarketRule>(r => OnRule(r.RuleId, r, null));
        Receive<RequestFailed>(f => f.Request is GetMarketRule, f => OnRule(((GetMarketRule)f.Request).RuleId, null, f.Failure));
        Receive<ConnectionEvents.Connected>(c => { if (c.IsReconnect) Forget("the connection was re-established"); });
        Receive<ConnectionEvents.Disconnected>(_ => Forget("the connection was lost"));
        Receive<ConnectionEvents.Reconnecting>(_ => { });
        Receive<ConnectionEvents.StateChanged>(_ => { });
    }

    /// <summary><paramref name="orders"/>: the order manager the rounded commands go to; <paramref name="router"/>: who answers the lookups.</summary>
    public static Props Props(IActorRef router, IActorRef orders, PriceRounding deskDefault) =>
        Akka.Actor.Props.Create(() => new MarketRuleBookActor(router, orders, deskDefault));

    private void Start(Waiting w)
    {
        if (_ruleOf.TryGetValue(w.Contract, out var ruleId)) { WithRule(w, ruleId); return; }
        if (_detailsAsks.TryGetValue(w.Contract, out var waiting)) { waiting.Add(w); return; }
        _detailsAsks[w.Contract] = [w];
        // A ContractDetailsList does not name its request: the Ask's own temporary actor ties the answer to the
        // contract. No Ask timeout: the router answers every request by its deadline (RequestTimedOut at worst).
        var contract = w.Contract;
        var session = _session;
        _router.Ask<object>(new GetContractDetails(contract))
            .PipeTo(Self, success: answer => new DetailsAnswered(contract, answer, session),
                failure: e => new DetailsAnswered(contract, new RequestFailed(new GetContractDetails(contract), new ConnectionLost(e.Message)), session));
    }

    private void OnDetails(DetailsAnswered a)
    {
        if (!_detailsAsks.Remove(a.Contract, out var waiters)) return;
        switch (a.Answer)
        {
            case ContractDetailsList { Details.Count: 1 } list:
                var (ruleId, problem) = PriceRoundingPlan.RuleFor(list.Details[0], a.Contract.Exchange);
                if (problem is not null) { FailAll(waiters, new InvalidRequest(problem + "; nothing was sent")); return; }
                if (a.Session == _session) _ruleOf[a.Contract] = ruleId!.Value;
                foreach (var w in waiters) WithRule(w, ruleId!.Value);
                return;
            case ContractDetailsList list:
                FailAll(waiters, new InvalidRequest(list.Details.Count == 0
                    ? $"no contract matches {a.Contract}, so its market rule is unknown; nothing was sent"
                    : $"{list.Details.Count} contracts match {a.Contract}, so its market rule is ambiguous: give its exchange, primary exchange or conId; nothing was sent"));
                return;
            case RequestFailed f:
                FailAll(waiters, Explain(f.Failure, $"the contract details of {a.Contract}"));
                return;
            default:
                FailAll(waiters, new InvalidRequest($"the contract details of {a.Contract} came back as {a.Answer.GetType().Name}; nothing was sent"));
                return;
        }
    }

    private void WithRule(Waiting w, int ruleId)
    {
        if (_rules.TryGetValue(ruleId, out var rule)) { Finish(w, rule); return; }
        if (_ruleAsks.TryGetValue(ruleId, out var ask)) { ask.Waiters.Add(w); return; }
        _ruleAsks[ruleId] = (_session, [w]);
        _router.Tell(new GetMarketRule(ruleId));
    }

    private void OnRule(int ruleId, MarketRule? rule, DeskFailure? failure)
    {
        if (!_ruleAsks.Remove(ruleId, out var ask)) return;
        if (rule is null || rule.Increments.Count == 0)
        {
            FailAll(ask.Waiters, failure is null
                ? new InvalidRequest($"market rule {ruleId} has no price increments, so no price can be rounded to it; nothing was sent")
                : Explain(failure, $"market rule {ruleId}"));
            return;
        }
        if (ask.Session == _session) _rules[ruleId] = rule.Increments;
        foreach (var w in ask.Waiters) Finish(w, rule.Increments);
    }

    private void Finish(Waiting w, IReadOnlyList<PriceIncrement> rule)
    {
        var (rounded, problem) = PriceRoundingPlan.Round(w.Command, rule, _deskDefault);
        if (problem is not null)
        {
            _log.Info("{0} refused: {1}", w.Command.GetType().Name, problem);
            w.Sender.Tell(new RequestFailed(w.Command, new InvalidRequest(problem)));
            return;
        }
        _orders.Tell(rounded!, w.Sender);
    }

    private void RefuseModify(ModifyTarget.Find query, DeskFailure failure)
    {
        _log.Info("{0} refused: {1}", query.Modify.GetType().Name, failure);
        query.Asker.Tell(new RequestFailed(query.Modify, failure));
    }

    /// <summary>A lookup's failure keeps its type (a timeout stays RequestTimedOut) and says what was looked up.</summary>
    private DeskFailure Explain(DeskFailure failure, string what)
    {
        _log.Warning("Market rule lookup failed: {0}: {1}; the orders waiting for it are refused", what, failure.Reason);
        return failure switch
        {
            ConnectionLost c => new ConnectionLost($"{c.Detail} while fetching {what} to round the order's prices; nothing was sent"),
            GatewayError g => g with { Message = $"{g.Message} (fetching {what} to round the order's prices; nothing was sent)" },
            InvalidRequest i => new InvalidRequest($"{i.Problem} (fetching {what} to round the order's prices; nothing was sent)"),
            _ => failure,
        };
    }

    private static void FailAll(List<Waiting> waiters, DeskFailure failure)
    {
        foreach (var w in waiters) w.Sender.Tell(new RequestFailed(w.Command, failure));
    }

    private void Forget(string why)
    {
        if (_rules.Count + _ruleOf.Count > 0) _log.Info("Market rules forgotten ({0} rules, {1} contracts): {2}", _rules.Count, _ruleOf.Count, why);
        _rules.Clear();
        _ruleOf.Clear();
        _session++;
    }

    private sealed record Waiting(IOrderCommand Command, IActorRef Sender, ContractSpec Contract);

    // Piped to this actor from its own Ask: it never leaves the node, so it is not checked for serialization (with
    // serialize-messages on, its object answer would otherwise go through Akka's JSON fallback on every lookup).
    private sealed record DetailsAnswered(ContractSpec Contract, object Answer, long Session) : INoSerializationVerificationNeeded;
}
