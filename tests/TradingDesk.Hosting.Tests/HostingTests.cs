using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Akka.Actor;
using Akka.Event;
using Akka.Hosting;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Strategies;
using Xunit;

namespace TradingDesk.Hosting.Tests;

public sealed class OptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    [Fact]
    public void Binds_the_section_and_keeps_documented_defaults()
    {
        var o = DeskConfiguration.BindOptions(Config(("TradingDesk:ClientId", "7"), ("TradingDesk:Strategies:0:Name", "a"),
            ("TradingDesk:Strategies:0:Type", "T"), ("TradingDesk:Strategies:0:Parameters:Symbol", "IBM")));
        Assert.Equal(7, o.ClientId);
        Assert.Null(o.Gateway);
        Assert.True(o.CancelOrdersOnStop);
        Assert.Equal("IBM", Assert.Single(o.Strategies).Parameters["Symbol"]);
    }

    [Theory]
    [InlineData("TradingDesk:ClientId", "x", "TradingDesk:ClientId")]
    [InlineData("TradingDesk:Typo", "1", "Typo")]
    public void Malformed_values_and_unknown_keys_are_start_errors(string key, string value, string expected) =>
        Assert.Contains(expected, Assert.Throws<DeskStartException>(() => DeskConfiguration.BindOptions(Config((key, value)))).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("localhost", "Gateway must be host:port")]
    [InlineData("127.0.0.1:0", "Gateway must be host:port")]
    [InlineData("127.0.0.1:70000", "Gateway must be host:port")]
    public void Validation_names_the_setting(string gateway, string expected) =>
        Assert.Contains(expected, Assert.Throws<InvalidSettingException>(() => new TradingDeskOptions { Gateway = gateway }.Validated()).Message, StringComparison.Ordinal);

    [Fact]
    public void Duplicate_strategy_names_and_negative_client_ids_are_refused()
    {
        var twice = new TradingDeskOptions { Strategies = [new StrategyConfig { Name = "a", Type = "T" }, new StrategyConfig { Name = "a", Type = "T" }] };
        Assert.Contains("used twice", Assert.Throws<InvalidSettingException>(() => twice.Validated()).Message, StringComparison.Ordinal);
        Assert.Contains("ClientId", Assert.Throws<InvalidSettingException>(() => new TradingDeskOptions { ClientId = -1 }.Validated()).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-21T10:00:00Z", "2026-11-20T15:00:00Z")] // Saturday → Friday
    [InlineData("2026-11-23T03:00:00Z", "2026-11-23T15:00:00Z")] // Monday stays Monday
    public void The_default_simulator_start_is_the_latest_weekday_at_market_hours(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            TradingDeskOptions.DefaultSimulatorStart(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Strategy_parameters_are_typed_with_defaults_and_clear_errors()
    {
        var p = new StrategyParameters("s", new Dictionary<string, string> { ["N"] = "5", ["W"] = "spy=0.5, tlt=0.25", ["Bad"] = "x" });
        Assert.Equal(5, p.GetInt("N", 1));
        Assert.Equal(9, p.GetInt("Missing", 9));
        Assert.Equal(0.25m, p.GetWeights("W", new Dictionary<string, decimal>())["TLT"]);
        Assert.Equal("strategy 's': Parameters:Bad must be a number, not 'x'", Assert.Throws<ArgumentException>(() => p.GetDecimal("Bad", 0)).Message);
    }
}

/// <summary>
/// The builder in a generic host: the embedded simulator, a strategy given in code, the monitor's snapshot, the stop.
/// Alone, not beside the other classes' desks: a test here points Serilog's global logger at a sink of its own, which
/// would also catch what those desks log.
/// </summary>
[Collection(GlobalLoggerCollection.Name)]
public sealed class HostTests : IDisposable
{
    // Each test journals to a file of its own: the order manager recovers what a previous desk on the same file
    // journaled, and a test's orders are not the next test's.
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-host-").FullName;

    private string Store => $"sqlite:{Path.Combine(_dir, "desk.db")}";

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Buys 5 IBM at market; completes the task it is given once it has both the execution and the Filled status.</summary>
    private sealed class Buyer : StrategyActor
    {
        public Buyer(IActorRef desk, StrategyId id, StrategyOptions options, TaskCompletionSource filled) : base(desk, id, options)
        {
            var seen = 0;
            Receive<OrderEvents.OrderAccepted>(_ => { });
            Receive<OrderEvents.Filled>(_ => { if (++seen == 2) filled.TrySetResult(); });
            Receive<OrderEvents.OrderStatusChanged>(s => { if (s.Status == OrderStatus.Filled && ++seen == 2) filled.TrySetResult(); });
            Receive<OrderEvents.IOrderEvent>(_ => { });
        }

        protected override void OnStart() => TellDesk(new OrderCommands.PlaceOrder(Contract.Stock("IBM"), Order.Market(OrderAction.Buy, 5), StrategyId));
    }

    [Fact]
    public async Task AddTradingDesk_hosts_a_strategy_against_the_embedded_simulator_and_reports_its_fill()
    {
        var filled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk.WithOptions(o => o with { Store = Store })
            .WithEmbeddedSimulator(seed: 3)
            .WithStrategy("buyer", ctx => Props.Create(() => new Buyer(ctx.Desk, ctx.Id, ctx.Options, filled))));
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<TradingDeskService>();
        var log = new EventSink();
        Serilog.Log.Logger = new Serilog.LoggerConfiguration().WriteTo.Sink(log).CreateLogger();
        await host.StartAsync();
        try
        {
            Assert.StartsWith("embedded simulator on 127.0.0.1:", service.Endpoint, StringComparison.Ordinal);
            // The desk's actors are in Akka.Hosting's registry, for hosted services and controllers to require.
            var desk = await host.Services.GetRequiredService<IRequiredActor<Desk.DeskActor>>().GetAsync();
            Assert.Equal(service.Desk, desk);
            Assert.Equal("/user/strategies", host.Services.GetRequiredService<ActorRegistry>().Get<StrategyHost>().Path.ToStringWithoutAddress());
            // The order manager tells the monitor before the owner: once the strategy has its fill, the monitor has it queued ahead of this ask.
            await filled.Task.WaitAsync(TimeSpan.FromSeconds(20));
            var buyer = Assert.Single((await service.GetSnapshotAsync()).Strategies);
            Assert.Equal(("buyer", 1, 1, 5m), (buyer.Strategy, buyer.FilledOrders, buyer.Executions, buyer.Positions["IBM"]));
            Assert.Equal("Running", buyer.State);
            // Akka's log reaches Serilog with the actor's path, and a positional template renders its arguments.
            var online = log.Single(e => e.MessageTemplate.Text.StartsWith("Order manager online", StringComparison.Ordinal));
            Assert.Matches(@"^Order manager online \(reconnect: False\); next order id \d+$", online.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Contains("/user/desk/orders", online.Properties["ActorPath"].ToString(), StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
            Serilog.Log.Logger = Serilog.Core.Logger.None;
        }
    }

    private sealed class EventSink : Serilog.Core.ILogEventSink
    {
        private readonly List<Serilog.Events.LogEvent> _events = [];

        public void Emit(Serilog.Events.LogEvent logEvent)
        {
            lock (_events) _events.Add(logEvent);
        }

        public Serilog.Events.LogEvent Single(Func<Serilog.Events.LogEvent, bool> match)
        {
            lock (_events) return Assert.Single(_events, e => match(e));
        }
    }

    /// <summary>
    /// Rests a buy far below the market; completes the task it is given when the gateway reports it working. Also holds an
    /// order-update subscription, which its stop releases.
    /// </summary>
    private sealed class Rester : StrategyActor
    {
        public Rester(IActorRef desk, StrategyId id, StrategyOptions options, TaskCompletionSource working) : base(desk, id, options)
        {
            Receive<OrderEvents.OrderAccepted>(_ => { });
            Receive<OrderEvents.OpenOrderUpdated>(o => { if (o.Order.Status.IsActive()) working.TrySetResult(); });
            Receive<OrderEvents.IOrderEvent>(_ => { });
        }

        // Far below the market: it rests until cancelled.
        protected override void OnStart()
        {
            Subscribe(new OrderCommands.SubscribeOrderUpdates());
            TellDesk(new OrderCommands.PlaceOrder(Contract.Stock("IBM"), Order.Limit(OrderAction.Buy, 5, 1m), StrategyId));
        }
    }

    private static DateTimeOffset MarketOpen()
    {
        var day = DateTime.UtcNow.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return new DateTimeOffset(day.AddHours(15), TimeSpan.Zero);
    }

    [Theory]
    [InlineData(true, 0, "1 working order at stop: 1 cancelled")]
    [InlineData(false, 1, "1 working order at stop, kept working (CancelOrdersOnStop is false)")]
    public async Task Stopping_cancels_or_keeps_working_orders_as_configured_and_says_what_happened(bool cancelOnStop, int openAfterStop, string report)
    {
        await using var sim = await TradingDesk.Simulator.GatewaySimulator.StartAsync(new TradingDesk.Simulator.SimulatorOptions { Port = 0, Start = MarketOpen() });
        var working = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk.WithOptions(o => o with { Store = Store })
            .WithGateway("127.0.0.1", sim.Port, clientId: 4)
            .WithOptions(o => o with { CancelOrdersOnStop = cancelOnStop })
            .WithStrategy("rester", ctx => Props.Create(() => new Rester(ctx.Desk, ctx.Id, ctx.Options, working))));
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<TradingDeskService>();
        await host.StartAsync();
        await working.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Single((await service.GetSnapshotAsync()).WorkingOrders);
        var deadLetters = new List<DeadLetter>();
        var collector = service.System!.ActorOf(Props.Create(() => new Collector(deadLetters)), "dead-letters");
        service.System.EventStream.Subscribe(collector, typeof(DeadLetter));

        await host.StopAsync();

        Assert.Equal(openAfterStop, (await sim.InvokeAsync(m => m.OpenOrders())).Count);
        Assert.Equal(report, service.LastStop!.Describe());
        Assert.Equal(cancelOnStop ? "Cancelled" : OrderOutcome.Working, Assert.Single(service.LastStop.Orders).Outcome);
        Assert.Equal(cancelOnStop ? 0 : 1, service.FinalSnapshot!.WorkingOrders.Count);
        // A clean stop loses nothing and leaves nothing undelivered: no command, no cancel, no reply to a stopped actor.
        lock (deadLetters)
            Assert.True(deadLetters.Count == 0, "dead letters: " + string.Join("; ", deadLetters.Select(d => $"{d.Message} to {d.Recipient.Path}")));
    }

    private sealed class Collector : ReceiveActor
    {
        public Collector(List<DeadLetter> into) => Receive<DeadLetter>(d => { lock (into) into.Add(d); });
    }

    [Fact]
    public async Task Waiting_for_a_dead_gateway_reports_each_attempt_and_its_backoff_and_ends_when_the_start_is_cancelled()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        // Virtual time through HOCON: the backoff timers, the ConnectTimeout deadline and the stop below move only on Advance.
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk.WithOptions(o => o with { Store = Store })
            .WithGateway("127.0.0.1", port).WithOptions(o => o with { ConnectTimeout = TimeSpan.FromHours(1) })
            .WithAkka(a => a.AddHocon("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"", HoconAddMode.Prepend)));
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<TradingDeskService>();
        var events = System.Threading.Channels.Channel.CreateUnbounded<Desk.Gateway.ConnectionEvents.StateChanged>();
        service.ConnectionChanged += e => events.Writer.TryWrite(e);
        using var stop = new CancellationTokenSource();

        var start = host.StartAsync(stop.Token);
        async Task<T> Next<T>() where T : Desk.Gateway.ConnectionEvents.StateChanged
        {
            while (true)
            {
                var e = await events.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                if (e is T t) return t;
            }
        }

        var attempts = new List<(int Attempt, TimeSpan Delay)>();
        Assert.Equal(1, (await Next<Desk.Gateway.ConnectionEvents.Connecting>()).Attempt);
        var clock = Assert.IsType<Akka.TestKit.TestScheduler>(service.System!.Scheduler);
        var t0 = clock.Now;
        // desk run's --duration 5: the stop comes from the same virtual clock.
        clock.Advanced.ScheduleOnce(TimeSpan.FromSeconds(5), () => stop.Cancel());
        var r = await Next<Desk.Gateway.ConnectionEvents.Reconnecting>();
        attempts.Add((r.Attempt, r.Delay));
        clock.Advance(r.Delay);                                    // 1 s
        Assert.Equal(2, (await Next<Desk.Gateway.ConnectionEvents.Connecting>()).Attempt);
        r = await Next<Desk.Gateway.ConnectionEvents.Reconnecting>();
        attempts.Add((r.Attempt, r.Delay));
        clock.Advance(r.Delay);                                    // 3 s
        Assert.Equal(3, (await Next<Desk.Gateway.ConnectionEvents.Connecting>()).Attempt);
        r = await Next<Desk.Gateway.ConnectionEvents.Reconnecting>();
        attempts.Add((r.Attempt, r.Delay));
        Assert.False(start.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(2));                    // 5 s: the duration is up, an hour before ConnectTimeout

        var failure = await Assert.ThrowsAsync<DeskNotConnectedException>(() => start.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal([(1, TimeSpan.FromSeconds(1)), (2, TimeSpan.FromSeconds(2)), (3, TimeSpan.FromSeconds(3))], attempts);
        Assert.True(failure.Stopped);
        Assert.Contains("Connection refused", failure.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(TimeSpan.FromSeconds(5), clock.Now - t0);
        await service.DisposeAsync();
    }

    [Fact]
    public void A_bad_setting_in_code_fails_when_the_desk_is_added()
    {
        var services = new ServiceCollection();
        var ex = Assert.Throws<DeskStartException>(() => services.AddTradingDesk(new ConfigurationBuilder().Build(), d => d.WithGateway("127.0.0.1", 0)));
        Assert.Contains("Gateway must be host:port", ex.Message, StringComparison.Ordinal);
    }
}
