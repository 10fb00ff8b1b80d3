using Akka.Actor;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Risk;
using static TradingDesk.Desk.Messages.OptionMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;
using static TradingDesk.Desk.Messages.ScannerMessages;

namespace TradingDesk.Desk.Routing;

// Options and scanners: every command is checked (OptionChecks) before it gets a child, so bad input is answered
// InvalidRequest and nothing reaches the pacer.
public sealed partial class RouterActor
{
    private void ReceiveOptionsAndScanners()
    {
        Receive<GetOptionParameters>(c => StartChecked(c, OptionChecks.Problem(c), () => StartRequest(new OptionParametersPlan(c))));
        Receive<CalculateImpliedVolatility>(c => StartChecked(c, OptionChecks.Problem(c), () => StartRequest(new ImpliedVolatilityPlan(c))));
        Receive<CalculateOptionPrice>(c => StartChecked(c, OptionChecks.Problem(c), () => StartRequest(new OptionPricePlan(c))));
        // An exercise changes positions: after the input checks it goes through the order manager's risk gate (a child
        // asks it), which answers a denial to the asker itself and clears the rest back here to be sent.
        Receive<ExerciseOptions>(c => StartChecked(c, OptionChecks.Problem(c), () => Context.ActorOf(ExerciseReviewActor.Props(c, Sender, _orders))));
        Receive<ExerciseRisk.Cleared>(c => StartRequestFor(new ExercisePlan(c.Command), c.Asker));
        Receive<GetOptionChain>(c => StartChecked(c, OptionChecks.Problem(c), () => Context.ActorOf(OptionChainActor.Props(c, Sender, Self, _options.Timeouts.OptionChain))));
        Receive<GetScannerParameters>(c => QueueByKind(ScannerParametersKind, new ScannerParametersPlan(c)));
        Receive<SubscribeScanner>(c => StartChecked(c, OptionChecks.Problem(c), () => Subscribe(c)));
        Receive<OptionChainActor.Part>(OnChainPart);
    }

    private const string ScannerParametersKind = "scanner-parameters";

    /// <summary>
    /// A request of an option chain (the chain is the Sender): checked and planned as the same command from a strategy
    /// would be, but cancelled when the chain stops (ChainPartPlan).
    /// </summary>
    private void OnChainPart(OptionChainActor.Part part)
    {
        switch (part.Request)
        {
            case GetContractDetails c:
                StartRequest(new ChainPartPlan(new ContractDetailsPlan(c, DateOnly.FromDateTime(_time.Now.UtcDateTime), CanCancelContractDetails)));
                break;
            case GetOptionParameters c:
                StartChecked(c, OptionChecks.Problem(c), () => StartRequest(new ChainPartPlan(new OptionParametersPlan(c))));
                break;
            default:
                Sender.Tell(new RequestFailed(part.Request, new InvalidRequest($"{part.Request.GetType().Name} is not a part of an option chain")));
                break;
        }
    }

    private void StartRequestFor(RequestPlan plan, IActorRef asker)
    {
        var id = NextRequestId();
        var child = Context.ActorOf(RequestActor.Props(plan, asker, _pacer, id, _options.Timeouts, _connected));
        Context.Watch(child);
        Map(id, child);
        _children[child] = new ChildInfo(id, null, plan.SafeToRetry, null);
    }

    private void StartChecked(object command, string? problem, Action start)
    {
        if (problem is not null) Sender.Tell(new RequestFailed(command, new InvalidRequest(problem)));
        else start();
    }
}
