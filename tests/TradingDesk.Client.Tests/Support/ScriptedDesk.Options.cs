using Grpc.Core;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// Options and scanners, as DeskScript.Options says.
public sealed partial class ScriptedDesk
{
    public override Task<W.OptionParameters> GetOptionParameters(W.GetOptionParameters request, ServerCallContext context) =>
        script.OptionParameters.Answer(request, context);

    public override Task<W.OptionChain> GetOptionChain(W.GetOptionChain request, ServerCallContext context) =>
        script.OptionChain.Answer(request, context);

    public override Task<W.OptionCalculation> CalculateImpliedVolatility(W.CalculateImpliedVolatility request, ServerCallContext context) =>
        script.ImpliedVolatility.Answer(request, context);

    public override Task<W.OptionCalculation> CalculateOptionPrice(W.CalculateOptionPrice request, ServerCallContext context) =>
        script.OptionPrice.Answer(request, context);

    public override Task<W.ExerciseSent> ExerciseOptions(W.ExerciseOptions request, ServerCallContext context) =>
        script.Exercise.Answer(request, context);

    public override Task<W.ScannerParametersXml> GetScannerParameters(W.GetScannerParameters request, ServerCallContext context) =>
        script.ScannerParameters.Answer(request, context);

    public override Task StreamScanner(W.SubscribeScanner request, IServerStreamWriter<W.ScannerEvent> responseStream, ServerCallContext context) =>
        script.Scanner.Serve(request, responseStream, context);
}
