using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.OptionMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// Builds one option chain (a child of the router) by asking the router itself, as any strategy would: every request
/// it costs gets its own request actor, deadline and place in the pacer, so fifty chains at once queue behind IB's
/// message rate like everything else instead of around it. Replies once to the asker (OptionChain or RequestFailed)
/// and stops; stops silently when the asker does (the answers still on their way are dead-lettered). The chain as a
/// whole has one deadline of its own (Timeouts.OptionChain, a named timer from PreStart): past it the asker gets
/// <see cref="OptionChainTimedOut"/> naming how many parts had answered. Every part is sent as a <see cref="Part"/>,
/// whose request actor watches this one, so the parts still outstanding when it stops (deadline, failure, the asker
/// gone) are cancelled with it.
/// States: Resolving (the underlying has no conId: contract details) → Parameters (reqSecDefOptParams) → Qualifying
/// (one contract-details request per expiration, all sent at once) → done.
/// </summary>
public sealed class OptionChainActor : ReceiveActor, IWithTimers
{
    /// <summary>One request of a chain, for the router to send with this actor as its asker (see ChainPartPlan).</summary>
    internal sealed record Part(IDeskCommand Request) : INoSerializationVerificationNeeded;

    private sealed record ChainDeadline;

    private const string DeadlineTimer = "chain-deadline";
    private readonly TimeSpan _deadline;
    private int _answered;
    private readonly GetOptionChain _command;
    private readonly IActorRef _requester;
    private readonly IActorRef _router;
    private ContractSpec _underlying;
    private int _requests;
    private readonly Dictionary<GetContractDetails, OptionChainPlanner.Query> _pending = new();
    private readonly List<ChainOption> _options = [];

    public OptionChainActor(GetOptionChain command, IActorRef requester, IActorRef router, TimeSpan deadline)
    {
        _deadline = deadline;
        _command = command;
        _requester = requester;
        _router = router;
        _underlying = command.Underlying;
        if (_underlying.ConId is null) Resolving();
        else Parameters();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="deadline">The whole chain's deadline (DeskOptions.Timeouts.OptionChain).</param>
    public static Props Props(GetOptionChain command, IActorRef requester, IActorRef router, TimeSpan deadline) =>
        Akka.Actor.Props.Create(() => new OptionChainActor(command, requester, router, deadline));

    protected override void PreStart()
    {
        Timers.StartSingleTimer(DeadlineTimer, new ChainDeadline(), _deadline);
        if (!_requester.IsNobody()) Context.Watch(_requester);
        if (_underlying.ConId is null) Ask(new GetContractDetails(_underlying));
        else Ask(new GetOptionParameters(_underlying, FutFopExchange()));
    }

    private void Resolving()
    {
        CommonReceives();
        Receive<ContractDetailsList>(list =>
        {
            _answered++;
            if (list.Details.Count != 1)
            {
                Fail(new InvalidRequest(list.Details.Count == 0
                    ? $"no contract matches the underlying {_command.Underlying}"
                    : $"{list.Details.Count} contracts match the underlying {_command.Underlying}: give its exchange, primary exchange or conId"));
                return;
            }
            _underlying = _command.Underlying with { ConId = list.Details[0].ConId };
            Become(Parameters);
            Ask(new GetOptionParameters(_underlying, FutFopExchange()));
        });
    }

    private void Parameters()
    {
        CommonReceives();
        Receive<OptionParameters>(parameters =>
        {
            _answered++;
            var plan = OptionChainPlanner.Select(_underlying, parameters, _command.Filter);
            if (plan.Problem is { } problem) { Fail(new InvalidRequest(problem)); return; }
            Become(Qualifying);
            foreach (var query in plan.Queries)
            {
                _pending[query.Request] = query;
                Ask(query.Request);
            }
        });
    }

    private void Qualifying()
    {
        Receive<Terminated>(t => t.ActorRef.Equals(_requester), _ => Context.Stop(Self));
        Receive<ChainDeadline>(_ => TimedOut());
        // 200 (no security definition) for one expiration: the parameters listed it, but no option of it trades on
        // that exchange; the chain goes on without it. Any other failure fails the chain. RequestFailed names its
        // request, so the query it ends is known exactly.
        Receive<RequestFailed>(
            failed => failed.Failure is GatewayError { Code: 200 } && failed.Request is GetContractDetails q && _pending.ContainsKey(q),
            failed => Answered(_pending[(GetContractDetails)failed.Request], null));
        Receive<RequestFailed>(failed => Fail(failed.Failure));
        Receive<ContractDetailsList>(list =>
        {
            if (_pending.Count == 0) return;
            // A ContractDetailsList does not name its request; its options name their expiry and trading class,
            // which are unique per query.
            var query = _pending.Values.FirstOrDefault(q =>
                list.Details.Any(d => d.Contract.LastTradeDateOrContractMonth == q.Expiry && (d.Contract.TradingClass ?? q.TradingClass) == q.TradingClass))
                ?? _pending.Values.First();
            Answered(query, list);
        });
    }

    private void Answered(OptionChainPlanner.Query query, ContractDetailsList? list)
    {
        _answered++;
        _pending.Remove(query.Request);
        if (list is not null) _options.AddRange(OptionChainPlanner.Keep(query, list, _command.Filter));
        if (_options.Count > _command.Filter.MaxContracts)
        {
            Fail(new InvalidRequest($"the chain holds more than the {_command.Filter.MaxContracts} options allowed: narrow the strike or expiry range, or pick a right"));
            return;
        }
        if (_pending.Count > 0) return;
        _requester.Tell(new OptionChain(_underlying, OptionChainPlanner.Order(_options), _requests, Context.System.Scheduler.Now));
        Context.Stop(Self);
    }

    private void CommonReceives()
    {
        Receive<Terminated>(t => t.ActorRef.Equals(_requester), _ => Context.Stop(Self));
        Receive<ChainDeadline>(_ => TimedOut());
        // A part failed: the chain fails with the part's own failure (a gateway error, a timeout, a lost connection).
        Receive<RequestFailed>(failed => Fail(failed.Failure));
    }

    private string FutFopExchange() => _underlying.SecType == SecType.Future ? _underlying.Exchange : "";

    private void Ask(IDeskCommand request)
    {
        _requests++;
        _router.Tell(new Part(request), Self);
    }

    /// <summary>Stopping cancels the outstanding parts: their request actors watch this one.</summary>
    private void TimedOut() => Fail(new OptionChainTimedOut(_deadline, _answered, _requests));

    private void Fail(DeskFailure failure)
    {
        _requester.Tell(new RequestFailed(_command, failure));
        Context.Stop(Self);
    }
}
