using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>
/// Tests that set Serilog's global <c>Log.Logger</c>, which every desk in the process logs through: they run after the
/// parallel ones, alone, so what they capture is their own desk's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalLoggerCollection
{
    public const string Name = "Serilog's global logger";
}
