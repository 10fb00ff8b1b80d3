using System.Threading.Channels;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Hosting.Tests;

/// <summary>
/// A hosted desk (embedded simulator) on a real PostgreSQL of the test's own (<see cref="OwnedPostgres"/>), which the
/// test stops and starts again on the same port: down when the desk starts, and gone in the middle of a run. The desk
/// never trades past its journal: an order it cannot journal is refused with <see cref="JournalUnavailable"/> and not
/// sent; it takes orders again, journaled and sent, once the store is back; and no log line holds the password.
/// In the global-logger collection: the test reads the desk's log through Serilog's static logger.
/// </summary>
[Collection(GlobalLoggerCollection.Name)]
public sealed class StoreOutageTests(ITestOutputHelper output)
{
    private const string Password = "secret-xyz";
    private static readonly StrategyId Strategy = new("outage-probe");
    // Bounds, not waits: each ends a wait that an event ends sooner. Akka fails a recovery that gets no answer after
    // its recovery timeout (10 s in the desk, RecoveryEventTimeout), so the first failure at a start on a store that is
    // down comes after that.
    private static readonly TimeSpan Reply = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RecoveryFailure = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_PostgreSQL_that_is_down_at_the_start_is_retried_and_the_desk_takes_orders_once_it_is_up()
    {
        await using var pg = await OwnedPostgres.StartAsync();
        await pg.PauseAsync();
        var log = CaptureLog();
        using var host = DeskHost(pg);
        var service = host.Services.GetRequiredService<TradingDeskService>();
        var start = host.StartAsync();
        try
        {
            var (probe, received) = await ProbeAsync(host);
            // The order manager cannot read its journal: within the grace orders are refused, not kept waiting.
            var slow = await log.FirstAsync(l => l.Contains("The order manager has not read its journal within 2 s", StringComparison.Ordinal)).WaitAsync(Reply);
            Assert.StartsWith("[Warning] TradingDesk.Desk.Orders.OrderManagerSupervisor:", slow, StringComparison.Ordinal);
            Assert.Contains($"the store: Failed to connect to 127.0.0.1:{pg.Port}", slow, StringComparison.Ordinal);
            var refused = await PlaceAsync(probe, received, "while-down");
            Assert.IsType<JournalUnavailable>(Assert.IsType<RequestFailed>(refused).Failure);
            Assert.False(start.IsCompleted, "the desk started its strategies without a journal");

            // The recovery timeout ends the first attempt: one line that names the server, then the backoff.
            var failed = await log.FirstAsync(l => l.Contains("The order journal", StringComparison.Ordinal) && l.Contains("could not be read", StringComparison.Ordinal)).WaitAsync(RecoveryFailure);
            Assert.StartsWith("[Error] TradingDesk.Desk.Orders.OrderManagerActor:", failed, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', failed);
            // The supervisor's line says (Serilog quotes a string argument) when the next attempt comes and what the store said (Npgsql's reason).
            var retry = await log.FirstAsync(l => l.Contains("a new one starts in 1 s (attempt 1)", StringComparison.Ordinal)).WaitAsync(Reply);
            Assert.StartsWith("[Warning] TradingDesk.Desk.Orders.OrderManagerSupervisor: The order manager stopped: \"the order journal could not be read: Recovery timed out", retry, StringComparison.Ordinal);
            Assert.Contains($"(the store: Failed to connect to 127.0.0.1:{pg.Port} | Connection refused)", retry, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', retry);
            Assert.False(start.IsCompleted, "the desk started its strategies without a journal");

            var mark = log.Count;
            await pg.ResumeAsync();
            await start.WaitAsync(RecoveryFailure);
            await log.FirstAsync(l => l.Contains("The order journal is readable again", StringComparison.Ordinal), mark).WaitAsync(Reply);
            var accepted = Assert.IsType<OrderEvents.OrderAccepted>(await PlaceAsync(probe, received, "after-start"));

            Assert.Equal(["after-start"], await SentRefsAsync(probe, received));
            Assert.Equal([accepted.OrderId], await JournaledAsync(host, service, pg));
        }
        finally
        {
            await StopAsync(host, log);
        }
        AssertNoSecret(log, pg);
    }

    [Fact]
    public async Task A_PostgreSQL_that_goes_away_mid_run_stops_the_orders_with_a_typed_failure_and_they_resume_when_it_is_back()
    {
        await using var pg = await OwnedPostgres.StartAsync();
        var log = CaptureLog();
        using var host = DeskHost(pg);
        var service = host.Services.GetRequiredService<TradingDeskService>();
        try
        {
            await host.StartAsync().WaitAsync(RecoveryFailure);
            var (probe, received) = await ProbeAsync(host);
            var before = Assert.IsType<OrderEvents.OrderAccepted>(await PlaceAsync(probe, received, "before"));

            var mark = log.Count;
            await pg.PauseAsync();
            // The write fails: the strategy hears why, and the order goes nowhere (checked at the gateway below).
            var lost = Assert.IsType<RequestFailed>(await PlaceAsync(probe, received, "during-1"));
            Assert.IsType<JournalUnavailable>(lost.Failure);
            var stopped = await log.FirstAsync(l => l.Contains("The order journal could not write", StringComparison.Ordinal), mark).WaitAsync(Reply);
            Assert.StartsWith("[Error] TradingDesk.Desk.Orders.OrderManagerActor:", stopped, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', stopped);
            await log.FirstAsync(l => l.Contains("a new one starts in 1 s (attempt 1)", StringComparison.Ordinal), mark).WaitAsync(Reply);
            // While the store is down, every order is refused, whichever manager is (or is not) running.
            Assert.IsType<JournalUnavailable>(Assert.IsType<RequestFailed>(await PlaceAsync(probe, received, "during-2")).Failure);

            mark = log.Count;
            await pg.ResumeAsync();
            await log.FirstAsync(l => l.Contains("The order journal is readable again", StringComparison.Ordinal), mark).WaitAsync(RecoveryFailure);
            var after = Assert.IsType<OrderEvents.OrderAccepted>(await PlaceAsync(probe, received, "after"));

            Assert.Equal(["after", "before"], await SentRefsAsync(probe, received));
            Assert.Equal([before.OrderId, after.OrderId], await JournaledAsync(host, service, pg));
        }
        finally
        {
            await StopAsync(host, log);
        }
        AssertNoSecret(log, pg);
    }

    private static LogLines CaptureLog()
    {
        var log = new LogLines();
        Serilog.Log.Logger = new Serilog.LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(log).CreateLogger();
        return log;
    }

    /// <summary>The desk's store: the test's server with a password in the connection string (trust authentication ignores it).</summary>
    private static string StoreOf(OwnedPostgres pg) =>
        "postgres:" + new NpgsqlConnectionStringBuilder(pg.ConnectionString) { Password = Password, Timeout = 3 }.ConnectionString;

    private static IHost DeskHost(OwnedPostgres pg)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk.WithEmbeddedSimulator(seed: 3)
            .WithOptions(o => o with { Store = StoreOf(pg), CancelOrdersOnStop = false }));
        return builder.Build();
    }

    /// <summary>A stand-in strategy at the desk, once the desk exists (the registry says when).</summary>
    private static async Task<(IActorRef Probe, ChannelReader<object> Received)> ProbeAsync(IHost host)
    {
        var desk = await host.Services.GetRequiredService<IRequiredActor<Desk.DeskActor>>().GetAsync().WaitAsync(Reply);
        var system = host.Services.GetRequiredService<ActorSystem>();
        var channel = Channel.CreateUnbounded<object>();
        return (system.ActorOf(MessageProbe.Props(desk, channel.Writer)), channel.Reader);
    }

    /// <summary>Places a buy limit far below the market (it stays working) and returns the desk's answer to it.</summary>
    private static async Task<object> PlaceAsync(IActorRef probe, ChannelReader<object> received, string orderRef)
    {
        var place = new OrderCommands.PlaceOrder(Contract.Stock("IBM"), Order.Limit(OrderAction.Buy, 1, 1m) with { OrderRef = orderRef }, Strategy);
        probe.Tell(new MessageProbe.Send(place));
        return await NextAsync(received, m => m is OrderEvents.OrderAccepted || m is RequestFailed f && ReferenceEquals(f.Request, place));
    }

    private static async Task<object> NextAsync(ChannelReader<object> received, Func<object, bool> match)
    {
        using var bound = new CancellationTokenSource(Reply);
        while (true)
        {
            var message = await received.ReadAsync(bound.Token);
            if (match(message)) return message;
        }
    }

    /// <summary>The strategy's own order refs of the open orders the gateway holds for this client: what was sent.</summary>
    private static async Task<List<string>> SentRefsAsync(IActorRef probe, ChannelReader<object> received)
    {
        probe.Tell(new MessageProbe.Send(new OrderCommands.GetOpenOrders()));
        var open = (OrderEvents.OpenOrders)await NextAsync(received, m => m is OrderEvents.OpenOrders);
        return [.. open.Orders.Select(o => o.OrderRef ?? "").Select(r => r[(r.IndexOf('|', StringComparison.Ordinal) + 1)..]).Order(StringComparer.Ordinal)];
    }

    /// <summary>The orders the journal holds, read after the desk stopped, as desk journal reads it.</summary>
    private static async Task<List<OrderId>> JournaledAsync(IHost host, TradingDeskService service, OwnedPostgres pg)
    {
        await host.StopAsync();
        Assert.True(StoreLocation.TryParse(StoreOf(pg), out var store, out var problem), problem);
        using var bound = new CancellationTokenSource(RecoveryFailure);
        var contents = await JournalReader.ReadAsync(store!, service.Options.ClientId, bound.Token);
        return [.. contents.Book.Orders.Keys.OrderBy(id => id.Value)];
    }

    private async Task StopAsync(IHost host, LogLines log)
    {
        try
        {
            await host.StopAsync();
        }
        finally
        {
            Serilog.Log.Logger = Serilog.Core.Logger.None;
            // What the desk said, for a failure's diagnosis (stack traces cut: the first line of each says enough).
            foreach (var line in log.Lines) output.WriteLine(line.Split('\n')[0]);
        }
    }

    private static void AssertNoSecret(LogLines log, OwnedPostgres pg)
    {
        var everything = string.Join("\n", log.Lines);
        Assert.NotEmpty(log.Lines);
        Assert.DoesNotContain(Password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", everything, StringComparison.OrdinalIgnoreCase);
    }
}
