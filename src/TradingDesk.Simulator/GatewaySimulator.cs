using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Clock;
using TradingDesk.Simulator.Gateway;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator;

/// <summary>
/// The whole simulated IB gateway in one object: TCP server, paper market, clock and faults. What tests, the
/// `desk simulator` command and `desk run` start. The market is single-threaded and lives on the server's loop:
/// inspect it with <see cref="InvokeAsync{T}"/>, never directly from another thread.
/// </summary>
public sealed class GatewaySimulator : IAsyncDisposable
{
    private GatewaySimulator(SimulatorOptions options, SimulatedClock clock, PaperMarket market, PaperMarketBackend backend, GatewayServer server)
    {
        Options = options;
        Clock = clock;
        Market = market;
        Backend = backend;
        Server = server;
        Faults = new SimulatorFaults(this);
    }

    public SimulatorOptions Options { get; }

    /// <summary>The port listened on (the real one when started on port 0).</summary>
    public int Port => Server.Port;

    /// <summary>The simulated clock. In manual mode drive it with Advance/SetTime (or <see cref="AdvanceAsync"/>).</summary>
    public SimulatedClock Clock { get; }

    /// <summary>The paper market. Not thread-safe: read or change it through <see cref="InvokeAsync{T}"/>.</summary>
    public PaperMarket Market { get; }

    public GatewayServer Server { get; }

    public SimulatorFaults Faults { get; }

    /// <summary>Open client connections (started or still in the handshake).</summary>
    public IReadOnlyCollection<GatewaySession> Connections => Server.Sessions;

    internal PaperMarketBackend Backend { get; }

    /// <summary>
    /// Raised on the simulator's loop, with the client id, once a started client's connection has ended and its requests
    /// were dropped: from then on the client id is free, as a script running one client after another would see it.
    /// </summary>
    public event Action<int>? ClientClosed
    {
        add => Backend.ClientClosed += value;
        remove => Backend.ClientClosed -= value;
    }

    /// <summary>The faults of <see cref="SimulatorOptions.ScheduledFaults"/>, firing on <see cref="Clock"/>.</summary>
    public FaultSchedule Schedule { get; private set; } = null!;

    public static Task<GatewaySimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new SimulatorOptions();
        var loggers = options.Loggers ?? NullLoggerFactory.Instance;
        var clock = options.ClockMode == ClockMode.Manual
            ? SimulatedClock.Manual(options.Start ?? SimulatorOptions.DefaultManualStart)
            : new SimulatedClock(options.Start ?? DateTimeOffset.UtcNow);
        var market = new PaperMarket(clock, new PaperMarketOptions
        {
            Seed = options.Seed,
            IdEpoch = options.IdEpoch,
            Accounts = options.Accounts.Select(a => (new AccountId(a), options.StartingCash)).ToList(),
        });
        var backend = new PaperMarketBackend(market, new PaperMarketBackendOptions
        {
            TickInterval = options.TickInterval,
            PnlInterval = options.PnlInterval,
            AccountUpdateInterval = options.AccountUpdateInterval,
            AdvisorAccount = options.AdvisorAccount,
        }, loggers.CreateLogger<PaperMarketBackend>());
        var server = new GatewayServer(new GatewayOptions
        {
            Address = options.Address,
            Port = options.Port,
            MinVersion = options.MinVersion,
            MaxVersion = options.MaxVersion,
            Accounts = options.AdvisorAccount is { } advisor ? [advisor, .. options.Accounts] : options.Accounts, // IB lists an advisor's master account first
            MaxClients = options.MaxClients,
            MaxMessagesPerSecond = options.MaxMessagesPerSecond,
        }, backend, clock, loggers);
        backend.Attach(server.Loop);
        server.Start();
        var simulator = new GatewaySimulator(options, clock, market, backend, server);
        simulator.Schedule = FaultSchedule.Start(simulator, options.ScheduledFaults, loggers.CreateLogger<FaultSchedule>());
        return Task.FromResult(simulator);
    }

    /// <summary>Runs <paramref name="work"/> on the market's loop, after everything already queued there.</summary>
    public Task<T> InvokeAsync<T>(Func<PaperMarket, T> work) => Server.Loop.InvokeAsync(() => work(Market));

    public Task InvokeAsync(Action<PaperMarket> work) => Server.Loop.InvokeAsync(() =>
    {
        work(Market);
        return true;
    });

    /// <summary>Advances a manual clock (timers fire on the way) and waits until the loop has handled what they posted.</summary>
    public async Task AdvanceAsync(TimeSpan delta)
    {
        Clock.Advance(delta);
        await Server.Loop.InvokeAsync(() => true).ConfigureAwait(false);
    }

    /// <summary>Benchmark hook: queues <paramref name="count"/> tickPrice messages on a live reqMktData line at once.</summary>
    internal Task<int> StreamTicksNowAsync(int clientId, int reqId, int count) =>
        Server.Loop.InvokeAsync(() => Backend.StreamTicksNow(clientId, reqId, count));

    public async ValueTask DisposeAsync()
    {
        Schedule.Dispose();
        Backend.Dispose();
        await Server.DisposeAsync().ConfigureAwait(false);
    }
}
