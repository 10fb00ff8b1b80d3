using Microsoft.Extensions.Logging;
using TradingDesk.Actors;

namespace TradingDesk.Testing;

/// <summary>Options of a <see cref="TestKit"/>; every property has a documented default.</summary>
public sealed record TestKitOptions
{
    /// <summary>Name of the actor system under test. Default "test".</summary>
    public string SystemName { get; init; } = "test";

    /// <summary>
    /// Drive the system's scheduler, timers, receive timeouts and Ask timeouts by <see cref="TestKit.Clock"/>
    /// (default true). When false the system uses real time and <c>Clock</c> throws.
    /// </summary>
    public bool UseTestClock { get; init; } = true;

    /// <summary>Default wait of ExpectMsg, ReceiveN, FishForMessage, AwaitAssert. Default 5 s: generous for a busy CI machine.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Default quiet period of ExpectNoMsg. Default 200 ms.</summary>
    public TimeSpan DefaultNoMessageWait { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long disposal waits for the system to terminate before failing. Default 10 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Minimum level written to the test output. Default Information.</summary>
    public LogLevel LogLevel { get; init; } = LogLevel.Information;

    /// <summary>Adjusts the system's settings (clock and logger are set by the TestKit first).</summary>
    public Func<ActorSystemSettings, ActorSystemSettings>? ConfigureSystem { get; init; }
}
