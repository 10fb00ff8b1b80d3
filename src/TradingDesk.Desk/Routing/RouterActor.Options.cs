using Akka.Actor;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using static TradingDesk.Desk.Messages.OptionMessages;
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
        Receive<ExerciseOptions>(c => StartChecked(c, OptionChecks.Problem(c), () => StartRequest(new ExercisePlan(c))));
        Receive<GetOptionChain>(c => StartChecked(c, OptionChecks.Problem(c), () => Context.ActorOf(OptionChainActor.Props(c, Sender, Self))));
        Receive<GetScannerParameters>(c => QueueByKind(ScannerParametersKind, new ScannerParametersPlan(c)));
        Receive<SubscribeScanner>(c => StartChecked(c, OptionChecks.Problem(c), () => Subscribe(c)));
    }

    private const string ScannerParametersKind = "scanner-parameters";

    private void StartChecked(object command, string? problem, Action start)
    {
        if (problem is not null) Sender.Tell(new RequestFailed(command, new InvalidRequest(problem)));
        else start();
    }
}
