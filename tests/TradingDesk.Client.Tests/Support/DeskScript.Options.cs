using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// Options and scanners.
public sealed partial class DeskScript
{
    public ScriptedUnary<W.GetOptionParameters, W.OptionParameters> OptionParameters { get; } = new("GetOptionParameters");
    public ScriptedUnary<W.GetOptionChain, W.OptionChain> OptionChain { get; } = new("GetOptionChain");
    public ScriptedUnary<W.CalculateImpliedVolatility, W.OptionCalculation> ImpliedVolatility { get; } = new("CalculateImpliedVolatility");
    public ScriptedUnary<W.CalculateOptionPrice, W.OptionCalculation> OptionPrice { get; } = new("CalculateOptionPrice");
    public ScriptedUnary<W.ExerciseOptions, W.ExerciseSent> Exercise { get; } = new("ExerciseOptions");
    public ScriptedUnary<W.GetScannerParameters, W.ScannerParametersXml> ScannerParameters { get; } = new("GetScannerParameters");
    public ScriptedStream<W.SubscribeScanner, W.ScannerEvent> Scanner { get; } = new();
}
