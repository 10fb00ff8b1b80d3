using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Actors;
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
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => new TradingDeskOptions { Gateway = gateway }.Validated()).Message, StringComparison.Ordinal);

    [Fact]
    public void Duplicate_strategy_names_and_negative_client_ids_are_refused()
    {
        var twice = new TradingDeskOptions { Strategies = [new StrategyConfig { Name = "a", Type = "T" }, new StrategyConfig { Name = "a", Type = "T" }] };
        Assert.Contains("used twice", Assert.Throws<ArgumentException>(() => twice.Validated()).Message, StringComparison.Ordinal);
        Assert.Contains("ClientId", Assert.Throws<ArgumentException>(() => new TradingDeskOptions { ClientId = -1 }.Validated()).Message, StringComparison.Ordinal);
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

/// <summary>The builder in a generic host: the embedded simulator, a strategy given in code, the monitor's snapshot.</summary>
public sealed class HostTests
{
    private sealed class Buyer : StrategyActor
    {
        public Buyer(IActorRef desk, StrategyId id, StrategyOptions options) : base(desk, id, options)
        {
            Receive<OrderEvents.OrderAccepted>(_ => { });
            Receive<OrderEvents.IOrderEvent>(_ => { });
        }

        protected override void OnStart() => TellDesk(new OrderCommands.PlaceOrder(Contract.Stock("IBM"), Order.Market(OrderAction.Buy, 5), StrategyId));
    }

    [Fact]
    public async Task AddTradingDesk_hosts_a_strategy_against_the_embedded_simulator_and_reports_its_fill()
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk
            .WithEmbeddedSimulator(seed: 3)
            .WithStrategy("buyer", ctx => Props.Create(() => new Buyer(ctx.Desk, ctx.Id, ctx.Options))));
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<TradingDeskService>();
        await host.StartAsync();
        try
        {
            Assert.StartsWith("embedded simulator on 127.0.0.1:", service.Endpoint, StringComparison.Ordinal);
            var deadline = DateTime.UtcNow.AddSeconds(20);
            StrategyTotals buyer;
            do
            {
                buyer = Assert.Single((await service.GetSnapshotAsync()).Strategies);
                if (buyer.Fills > 0) break;
                await Task.Delay(100);
            }
            while (DateTime.UtcNow < deadline);
            Assert.Equal(("buyer", 1, 5m), (buyer.Strategy, buyer.Fills, buyer.Positions["IBM"]));
            Assert.Equal("Running", buyer.State);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private sealed class Rester : StrategyActor
    {
        public Rester(IActorRef desk, StrategyId id, StrategyOptions options) : base(desk, id, options)
        {
            Receive<OrderEvents.OrderAccepted>(_ => { });
            Receive<OrderEvents.IOrderEvent>(_ => { });
        }

        // Far below the market: it rests until cancelled.
        protected override void OnStart() => TellDesk(new OrderCommands.PlaceOrder(Contract.Stock("IBM"), Order.Limit(OrderAction.Buy, 5, 1m), StrategyId));
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Stopping_cancels_or_keeps_working_orders_as_configured(bool cancelOnStop, int openAfterStop)
    {
        var day = DateTime.UtcNow.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        await using var sim = await TradingDesk.Simulator.GatewaySimulator.StartAsync(new TradingDesk.Simulator.SimulatorOptions
        {
            Port = 0, Start = new DateTimeOffset(day.AddHours(15), TimeSpan.Zero),
        });
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddTradingDesk(new ConfigurationBuilder().Build(), desk => desk
            .WithGateway("127.0.0.1", sim.Port, clientId: 4)
            .WithOptions(o => o with { CancelOrdersOnStop = cancelOnStop })
            .WithStrategy("rester", ctx => Props.Create(() => new Rester(ctx.Desk, ctx.Id, ctx.Options))));
        using var host = builder.Build();
        var service = host.Services.GetRequiredService<TradingDeskService>();
        await host.StartAsync();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await service.GetSnapshotAsync()).WorkingOrders.Count == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Single((await service.GetSnapshotAsync()).WorkingOrders);

        await host.StopAsync();

        Assert.Equal(openAfterStop, (await sim.InvokeAsync(m => m.OpenOrders())).Count);
    }

    [Fact]
    public void A_bad_setting_in_code_fails_when_the_desk_is_added()
    {
        var services = new ServiceCollection();
        var ex = Assert.Throws<DeskStartException>(() => services.AddTradingDesk(new ConfigurationBuilder().Build(), d => d.WithGateway("127.0.0.1", 0)));
        Assert.Contains("Gateway must be host:port", ex.Message, StringComparison.Ordinal);
    }
}
