using Xunit;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// Tests that measure the process (managed memory, wall-clock time of many clients) run alone: a test of another class
/// running beside them would count in their figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "alone";
}
