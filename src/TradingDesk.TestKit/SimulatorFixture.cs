using Akka.Actor;
using Akka.TestKit;
using Google.Protobuf;
using TradingDesk.Desk;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;

namespace TradingDesk.Testing;

/// <summary>
/// The gateway simulator on port 0 with a seed and its manual market clock, and a real desk connected to it in the
/// test's actor system (on the TestKit's virtual time). Start it with <see cref="DeskTestKit.StartSimulatorAsync"/>;
/// it returns once the desk is connected. Two clocks stand still until the test moves them:
/// <list type="bullet">
/// <item>the market's (<see cref="GatewaySimulator.Clock"/>): ticks every 250 ms, 5-second bars, fills of resting
/// orders. <see cref="AdvanceMarketAsync"/> moves it and returns once the simulator has handled what fell due.</item>
/// <item>the desk's (the TestKit's scheduler): strategy timers, reconnect backoff, request deadlines.
/// <see cref="DeskTestKit.Advance"/> moves it.</item>
/// </list>
/// <see cref="AdvanceAsync"/> moves both. Socket I/O between the desk and the simulator is real: move a clock only
/// after a signal that what you mean to trigger is in place — <see cref="RequestReadAsync{T}"/> for a request the
/// simulator must have (a bar line, an order), a desk event (Reconnecting) for a desk timer.
/// </summary>
public sealed class SimulatorFixture : IAsyncDisposable
{
    private readonly DeskTestKit _kit;
    private readonly SimulatorRequestLog _requests;

    private SimulatorFixture(DeskTestKit kit, GatewaySimulator simulator, SimulatorRequestLog requests, IActorRef desk, DeskOptions options, TestProbe connection)
    {
        _kit = kit;
        Simulator = simulator;
        _requests = requests;
        Desk = desk;
        DeskOptions = options;
        Connection = connection;
    }

    /// <summary>The simulator: its market (<see cref="GatewaySimulator.InvokeAsync{T}"/>), faults and clock.</summary>
    public GatewaySimulator Simulator { get; }

    /// <summary>The desk (DeskActor) to give strategies.</summary>
    public IActorRef Desk { get; }

    /// <summary>The options the desk runs with.</summary>
    public DeskOptions DeskOptions { get; }

    /// <summary>
    /// A probe subscribed to the desk's connection events (<see cref="ConnectionEvents.StateChanged"/>) since before it
    /// started; the first Connected is already taken. Expect Reconnecting (its backoff timer is armed by then) and
    /// Connected here.
    /// </summary>
    public TestProbe Connection { get; }

    /// <summary>
    /// The desk options a fixture uses unless told otherwise. Besides the simulator's port and the client id they differ
    /// from the defaults where virtual time would make a real desk misbehave:
    /// <list type="bullet">
    /// <item>no heartbeat in practice (once a day): a heartbeat that falls due while a test advances by more than its
    /// timeout would race its real reply against its virtual deadline;</item>
    /// <item>a burst of the whole second's budget: the pacer spaces messages beyond its burst on the desk's clock, which
    /// does not move while the test waits for their answers;</item>
    /// <item>no periodic pacer status on the EventStream.</item>
    /// </list>
    /// </summary>
    public static DeskOptions DefaultDeskOptions(int port, int clientId) => new()
    {
        Port = port,
        ClientId = clientId,
        HeartbeatInterval = TimeSpan.FromDays(1),
        Burst = new DeskOptions().MessagesPerSecond,
        PacerStatusInterval = TimeSpan.Zero,
    };

    internal static async Task<SimulatorFixture> StartAsync(DeskTestKit kit, long seed, int clientId, Func<SimulatorOptions, SimulatorOptions>? simulator,
        Func<DeskOptions, DeskOptions>? desk, string deskName)
    {
        var requests = new SimulatorRequestLog(kit.TestOutput);
        var simulatorOptions = new SimulatorOptions { Seed = seed, Start = SimulatorOptions.DefaultManualStart };
        simulatorOptions = (simulator?.Invoke(simulatorOptions) ?? simulatorOptions) with { Port = 0, ClockMode = ClockMode.Manual, Loggers = requests };
        var sim = await GatewaySimulator.StartAsync(simulatorOptions).ConfigureAwait(false);
        sim.Server.RequestHandled += (_, request) => requests.Handled(request);
        try
        {
            var options = DefaultDeskOptions(sim.Port, clientId);
            options = (desk?.Invoke(options) ?? options) with { Port = sim.Port, Host = "127.0.0.1" };
            var connection = kit.CreateTestProbe($"{deskName}-connection");
            kit.Sys.EventStream.Subscribe(connection.Ref, typeof(ConnectionEvents.StateChanged));
            var deskRef = DeskSystem.Start(kit.Sys, options, deskName);
            await connection.FishForMessageAsync<ConnectionEvents.Connected>(_ => true, hint: $"the desk connected to the simulator on port {sim.Port}").ConfigureAwait(false);
            return new SimulatorFixture(kit, sim, requests, deskRef, options, connection);
        }
        catch
        {
            await sim.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Moves the market clock and the desk's clock on by <paramref name="by"/>: the market first, so what it sends is there when the desk's timers fire.</summary>
    public async Task AdvanceAsync(TimeSpan by)
    {
        await AdvanceMarketAsync(by).ConfigureAwait(false);
        _kit.Advance(by);
    }

    /// <summary>Moves only the market clock (ticks, bars, fills) and returns once the simulator has handled what fell due.</summary>
    public Task AdvanceMarketAsync(TimeSpan by) => Simulator.AdvanceAsync(by);

    /// <summary>
    /// Completes once the simulator has read AND handled a request of type <typeparamref name="T"/> (an IB protobuf request
    /// such as <c>RealTimeBarsRequest</c> or <c>PlaceOrderRequest</c>) matching <paramref name="match"/>, sent by the desk
    /// before or after this call. Then a market step reaches it: a bar line gets the next bar, an order the next price.
    /// </summary>
    public async Task<T> RequestReadAsync<T>(Func<T, bool>? match = null, TimeSpan? timeout = null) where T : IMessage
    {
        var wait = timeout ?? _kit.RemainingOrDefault;
        IMessage read;
        try
        {
            read = await _requests.WhenRead(m => m is T t && (match is null || match(t))).WaitAsync(wait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new DeskProtocolException($"Expected the simulator to handle a {typeof(T).Name} within {wait.TotalSeconds:0.###} s, but it did not.");
        }
        return (T)read;
    }

    /// <summary>
    /// A round trip through the desk and the simulator (GetCurrentTime): returns once the simulator has handled every
    /// request it had READ before the call. It cannot vouch for requests still inside the desk (queued in its pacer, or
    /// on their way there from another actor): wait for those with <see cref="RequestReadAsync{T}"/>.
    /// </summary>
    public async Task SyncAsync(TimeSpan? timeout = null)
    {
        // The simulator reads one connection's frames in order and handles them on one loop: its answer to a request
        // the desk sends now comes after it handled every request it had read before.
        var probe = _kit.CreateTestProbe();
        Desk.Tell(new ReferenceDataMessages.GetCurrentTime(), probe.Ref);
        await probe.ExpectMsgAsync<ReferenceDataMessages.CurrentTimeReply>(timeout).ConfigureAwait(false);
    }

    /// <summary>A probe subscribed to every order event of the desk (SubscribeOrderUpdates), its Subscribed already taken.</summary>
    public async Task<TestProbe> SubscribeOrderUpdatesAsync()
    {
        var updates = _kit.CreateTestProbe();
        Desk.Tell(new OrderCommands.SubscribeOrderUpdates(), updates.Ref);
        await updates.ExpectMsgAsync<SubscriptionMessages.Subscribed>().ConfigureAwait(false);
        return updates;
    }

    /// <summary>Stops the desk (and waits for it), then the simulator.</summary>
    public async ValueTask DisposeAsync()
    {
        var watcher = _kit.CreateTestProbe();
        watcher.Watch(Desk);
        _kit.Sys.Stop(Desk);
        await watcher.ExpectTerminatedAsync(Desk).ConfigureAwait(false);
        await Simulator.DisposeAsync().ConfigureAwait(false);
    }
}
