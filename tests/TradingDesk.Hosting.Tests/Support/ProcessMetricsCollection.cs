using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>
/// Tests that export the desk's meters: OpenTelemetry listens to every meter of its name in the process, so a desk of
/// another test running beside would be counted with theirs (a production process runs one desk). They run after the
/// parallel ones, alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessMetricsCollection
{
    public const string Name = "the process's meters";
}
