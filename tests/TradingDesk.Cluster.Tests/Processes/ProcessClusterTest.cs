using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Cluster.Tests.Processes;

/// <summary>A test class whose every test gets a fresh <see cref="ProcessCluster"/>, killed with all its nodes after the test.</summary>
[Collection(ProcessesCollection.Name)]
public abstract class ProcessClusterTest(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The bound on waiting for a node's event line: a failure, never a pace.</summary>
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    protected ITestOutputHelper Output { get; } = output;

    private protected ProcessCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await ProcessCluster.StartAsync(Output);

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
