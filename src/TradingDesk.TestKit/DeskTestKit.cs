using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using TradingDesk.Desk;
using TradingDesk.Simulator;
using Xunit.Abstractions;

namespace TradingDesk.Testing;

/// <summary>
/// Base class for tests of strategies and desk actors: Akka.NET's xunit TestKit on virtual time. The actor system's
/// scheduler is Akka's <see cref="TestScheduler"/>, so every timer, deadline, backoff, heartbeat, pacing window and
/// "now" stamp of the desk (<c>Sys.Scheduler.Now</c>) moves only when the test calls <see cref="Advance"/>. Advance only after a signal that the
/// timer you mean to fire is armed (the desk publishes one for each: Reconnecting, RestartScheduled, the Sent of a
/// request); advancing first races the actor that arms it.
/// <code>
/// public sealed class MyStrategyTests(ITestOutputHelper output) : DeskTestKit(output)
/// {
///     [Fact]
///     public void Quotes_at_the_first_book()
///     {
///         var desk = CreateDeskProbe();
///         var strategy = Sys.ActorOf(Props.Create(() =&gt; new MyStrategy(desk.Ref, new StrategyId("s1"))));
///         var subscribe = desk.ExpectSubscribe&lt;SubscribeMarketDepth&gt;();
///         …
///     }
/// }
/// </code>
/// Two differences from a plain actor test to keep in mind, both Akka's: a Tell from the test thread has
/// <c>TestActor</c> as its sender (pass <c>ActorRefs.NoSender</c> to send from nobody), and <c>ExpectNoMsg()</c>
/// without an argument waits Akka's default of 3 s: pass <see cref="Quiet"/> or another short span.
/// </summary>
public abstract class DeskTestKit : Akka.TestKit.Xunit2.TestKit
{
    /// <summary>
    /// The HOCON every DeskTestKit system starts from: the virtual scheduler, logs at INFO, and the order journal in
    /// memory (Akka's in-memory journal and snapshot store, with the journal's serializer bound as a desk binds it).
    /// </summary>
    public const string DefaultHocon = """
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        akka.loglevel = INFO
        akka.test.single-expect-default = 5s
        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"

        """ + Desk.Orders.Journal.OrderJournalSerializer.Hocon;

    /// <summary>A short quiet period for ExpectNoMsg: long enough for a message already on its way to arrive.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    /// <param name="output">xunit's output: the system's log goes there.</param>
    /// <param name="hocon">More configuration, taking precedence over <see cref="DefaultHocon"/>.</param>
    /// <param name="systemName">The actor system's name (default "test").</param>
    protected DeskTestKit(ITestOutputHelper? output = null, string? hocon = null, string systemName = "test")
        : base(Build(hocon), systemName, output)
    {
        TestOutput = output;
    }

    /// <summary>xunit's output, for collaborators (the simulator fixture writes the simulator's log there).</summary>
    internal ITestOutputHelper? TestOutput { get; }

    /// <summary>The system's virtual scheduler.</summary>
    public TestScheduler Scheduler => Sys.Scheduler as TestScheduler
        ?? throw new InvalidOperationException($"The system's scheduler is {Sys.Scheduler.GetType().Name}, not the TestScheduler: do not override akka.scheduler.implementation.");

    /// <summary>Moves virtual time on by <paramref name="by"/>, firing every timer due by then, in order, on the test thread.</summary>
    public void Advance(TimeSpan by) => Scheduler.Advance(by);

    /// <summary>A <see cref="DeskProbe"/>: a stand-in desk that expects what a strategy asks for and answers as the desk does.</summary>
    public DeskProbe CreateDeskProbe(string? name = null) => new(CreateTestProbe(name ?? "desk"));

    /// <summary>
    /// Returns once <paramref name="actor"/> has started (PreStart, a strategy's OnStart) and handled every message sent
    /// to it from this thread before: an Identify round trip through its mailbox. The signal to wait for before
    /// advancing time to fire a timer the actor arms on start.
    /// </summary>
    public void Barrier(IActorRef actor)
    {
        var probe = CreateTestProbe();
        actor.Tell(new Identify(actor.Path.ToString()), probe.Ref);
        var identity = probe.ExpectMsg<ActorIdentity>();
        if (identity.Subject is null) throw new DeskProtocolException($"{actor.Path} is not alive: it answered Identify without a subject.");
    }

    /// <summary>
    /// Starts the gateway simulator (port 0, <paramref name="seed"/>, manual market clock standing at
    /// <see cref="SimulatorOptions.DefaultManualStart"/> unless <paramref name="simulator"/> says otherwise) and a real
    /// desk against it in <c>Sys</c> (<see cref="SimulatorFixture.DefaultDeskOptions"/>, adjusted by <paramref name="desk"/>);
    /// returns once the desk is connected. Dispose it (<c>await using</c>) to stop both.
    /// </summary>
    public Task<SimulatorFixture> StartSimulatorAsync(long seed = 1, int clientId = 1, Func<SimulatorOptions, SimulatorOptions>? simulator = null,
        Func<DeskOptions, DeskOptions>? desk = null, string deskName = "desk") =>
        SimulatorFixture.StartAsync(this, seed, clientId, simulator, desk, deskName);

    private static Config Build(string? hocon) =>
        (hocon is null ? ConfigurationFactory.Empty : ConfigurationFactory.ParseString(hocon))
        .WithFallback(ConfigurationFactory.ParseString(DefaultHocon));
}
