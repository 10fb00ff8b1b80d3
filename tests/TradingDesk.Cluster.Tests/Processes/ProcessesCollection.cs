using Xunit;

namespace TradingDesk.Cluster.Tests.Processes;

/// <summary>
/// The multi-process tests run one at a time: each starts three or four .NET processes, and on a small machine two such
/// clusters side by side would starve each other's heartbeats and down nodes that are merely slow.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessesCollection
{
    public const string Name = "Processes";
}
