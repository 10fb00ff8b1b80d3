using Grpc.Core;
using TradingDesk.Desk.Messages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

/// <summary>
/// Options and scanners. Each call is the desk's own command, so the desk's checks (InvalidRequest with the caller's
/// words, before anything is sent), the pacer and line sharing apply as for an actor strategy. ExerciseOptions is a
/// trading call: the access interceptor refuses it to a read-only client before it gets here.
/// </summary>
internal sealed partial class TradingDeskService
{
    public override Task<W.OptionParameters> GetOptionParameters(W.GetOptionParameters request, ServerCallContext context) =>
        Ask<OptionMessages.OptionParameters, W.OptionParameters>(_desk, Read<OptionMessages.GetOptionParameters>(request), context, W.OptionParameters.Parser);

    public override Task<W.OptionChain> GetOptionChain(W.GetOptionChain request, ServerCallContext context) =>
        Ask<OptionMessages.OptionChain, W.OptionChain>(_desk, Read<OptionMessages.GetOptionChain>(request), context, W.OptionChain.Parser);

    public override Task<W.OptionCalculation> CalculateImpliedVolatility(W.CalculateImpliedVolatility request, ServerCallContext context) =>
        Ask<OptionMessages.OptionCalculation, W.OptionCalculation>(_desk, Read<OptionMessages.CalculateImpliedVolatility>(request), context, W.OptionCalculation.Parser);

    public override Task<W.OptionCalculation> CalculateOptionPrice(W.CalculateOptionPrice request, ServerCallContext context) =>
        Ask<OptionMessages.OptionCalculation, W.OptionCalculation>(_desk, Read<OptionMessages.CalculateOptionPrice>(request), context, W.OptionCalculation.Parser);

    public override Task<W.ExerciseSent> ExerciseOptions(W.ExerciseOptions request, ServerCallContext context) =>
        Ask<OptionMessages.ExerciseSent, W.ExerciseSent>(_desk, Read<OptionMessages.ExerciseOptions>(request), context, W.ExerciseSent.Parser);

    public override Task<W.ScannerParametersXml> GetScannerParameters(W.GetScannerParameters request, ServerCallContext context) =>
        Ask<ScannerMessages.ScannerParametersXml, W.ScannerParametersXml>(_desk, Read<ScannerMessages.GetScannerParameters>(request), context, W.ScannerParametersXml.Parser);

    public override Task StreamScanner(W.SubscribeScanner request, IServerStreamWriter<W.ScannerEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<ScannerMessages.SubscribeScanner>(request), _shapes.Scanner, responseStream, context);
}
