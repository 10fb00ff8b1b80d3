using TradingDesk.Actors;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Testing;

/// <summary>
/// Base class for xunit actor tests: a fresh <see cref="ActorSystem"/> per test (<see cref="TestKitBase.Sys"/>),
/// a <see cref="TestKitBase.TestActor"/> to receive replies, probes, and a <see cref="Clock"/> that drives all
/// of the system's time. Disposal terminates the system and waits for every actor to stop.
/// <code>
/// public sealed class CounterTests(ITestOutputHelper output) : TestKit(output)
/// {
///     [Fact]
///     public void Counts()
///     {
///         var counter = Sys.ActorOf(Props.Create(() =&gt; new Counter()));
///         counter.Tell(new Increment(), TestActor);
///         counter.Tell(new GetCount(), TestActor);
///         ExpectMsg(1);
///     }
/// }
/// </code>
/// </summary>
public abstract class TestKit : TestKitBase, IAsyncLifetime, IDisposable
{
    private readonly TestClock? _clock;
    private int _probes;
    private int _disposed;

    protected TestKit(ITestOutputHelper? output = null, TestKitOptions? options = null)
        : this(Build(output, options ?? new TestKitOptions()))
    {
    }

    private TestKit((ActorSystem System, TestClock? Clock, TestKitOptions Options) built)
        : base(built.System, built.Options, "testActor") => _clock = built.Clock;

    /// <summary>
    /// The clock of <see cref="TestKitBase.Sys"/>: <see cref="TestClock.Advance"/> fires the system's timers.
    /// Throws when <see cref="TestKitOptions.UseTestClock"/> is false.
    /// </summary>
    public TestClock Clock => _clock ?? throw new InvalidOperationException("This TestKit runs on real time (UseTestClock = false).");

    /// <summary>Creates a probe; names default to probe-1, probe-2, ...</summary>
    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, Options, name ?? $"probe-{Interlocked.Increment(ref _probes)}");

    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Terminates the system and waits for it (xunit calls this after each test).</summary>
    public virtual async Task DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        var terminated = Sys.Terminate();
        if (await Task.WhenAny(terminated, Task.Delay(Options.ShutdownTimeout)).ConfigureAwait(false) != terminated)
            throw new TestKitAssertionException($"Actor system {Sys.Name} did not terminate within {Options.ShutdownTimeout}.");
    }

    /// <summary>Synchronous shutdown for callers outside xunit's lifecycle.</summary>
    public void Dispose()
    {
        DisposeAsync().GetAwaiter().GetResult();
        GC.SuppressFinalize(this);
    }

    private static (ActorSystem, TestClock?, TestKitOptions) Build(ITestOutputHelper? output, TestKitOptions options)
    {
        var clock = options.UseTestClock ? new TestClock() : null;
        var settings = new ActorSystemSettings();
        if (clock is not null) settings = settings with { TimeProvider = clock };
        if (output is not null) settings = settings with { LoggerFactory = new TestOutputLoggerFactory(output, options.LogLevel) };
        if (options.ConfigureSystem is { } configure) settings = configure(settings);
        return (ActorSystem.Create(options.SystemName, settings), clock, options);
    }
}
