using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>Configuration in the user's words: unknown keys, durations, conversion errors with file and line.</summary>
public sealed class ConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static IConfiguration Config(params (string Key, string Value)[] pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value))).Build();

    private string Write(string json)
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), json);
        return _dir;
    }

    private static string StartError(Action action) => Assert.Throws<DeskStartException>(action).Message;

    [Theory]
    [InlineData("00:00:05", 5_000)]
    [InlineData("5s", 5_000)]
    [InlineData("500ms", 500)]
    [InlineData("2m", 120_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1h", 3_600_000)]
    public void Durations_take_hh_mm_ss_or_a_number_with_a_unit(string text, int milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Durations.Parse(text));

    [Theory]
    [InlineData("5", "a number without a unit; write \"5s\"")]
    [InlineData("5 apples", "not a duration")]
    [InlineData("", "is empty")]
    public void A_bare_number_or_junk_is_not_a_duration(string text, string expected) =>
        Assert.Contains(expected, Assert.Throws<FormatException>(() => Durations.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void A_number_where_a_duration_is_expected_says_which_unit_to_write_and_where()
    {
        var message = StartError(() => DeskConfiguration.BindOptions(DeskConfiguration.Load(Write("""
            {
              "TradingDesk": {
                "ConnectTimeout": 5
              }
            }
            """), null, [])));

        Assert.Equal($"TradingDesk:ConnectTimeout ({Path.Combine(_dir, "appsettings.json")} line 3) is 5, a number without a unit; " +
            "write \"5s\" for seconds (or \"5ms\", \"5m\"), or \"hh:mm:ss\"", message);
    }

    [Theory]
    [InlineData("TradingDesk:ConnectTimeout", "0s", "TradingDesk:ConnectTimeout must be positive, not 0s")]
    [InlineData("TradingDesk:StopTimeout", "-00:00:01", "TradingDesk:StopTimeout must be positive, not -1s")]
    [InlineData("TradingDesk:Connection:HeartbeatInterval", "30d", "TradingDesk:Connection:HeartbeatInterval must be at most 1d, not 30d")]
    [InlineData("TradingDesk:Connection:HeartbeatTimeout", "1m", "HeartbeatTimeout (1m) must be shorter than HeartbeatInterval (30s)")]
    [InlineData("TradingDesk:Pacing:MessagesPerSecond", "60", "TradingDesk:Pacing:MessagesPerSecond must be 1..50")]
    [InlineData("TradingDesk:Risk:MaxNotional", "-5", "TradingDesk:Risk:MaxNotional must be positive")]
    public void No_setting_can_make_the_desk_wait_for_ever_or_break_it(string key, string value, string expected) =>
        Assert.Contains(expected, Assert.Throws<InvalidSettingException>(() => DeskConfiguration.BindOptions(Config((key, value))).Validated()).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("TradingDesk:ClientId", "abc", "TradingDesk:ClientId is \"abc\"; expected a whole number")]
    [InlineData("TradingDesk:CancelOrdersOnStop", "yes", "TradingDesk:CancelOrdersOnStop is \"yes\"; expected true or false")]
    [InlineData("TradingDesk:Risk:MaxOrderQuantity", "lots", "TradingDesk:Risk:MaxOrderQuantity is \"lots\"; expected a number")]
    [InlineData("TradingDesk:SimulatorStart", "tomorrow", "TradingDesk:SimulatorStart is \"tomorrow\"; expected a date and time")]
    [InlineData("TradingDesk:Connection", "fast", "TradingDesk:Connection is \"fast\"; expected a section with: AttemptTimeout, HeartbeatInterval")]
    [InlineData("TradingDesk:ClientId:x", "1", "TradingDesk:ClientId is a section ({ ... }); expected a whole number")]
    public void Conversion_errors_name_the_setting_the_value_and_what_is_expected(string key, string value, string expected)
    {
        var message = StartError(() => DeskConfiguration.BindOptions(Config((key, value))));
        Assert.Equal(expected, message[..Math.Min(message.Length, expected.Length)]);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("BinderOptions", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TradingDesk:ClientIdd", "unknown setting TradingDesk:ClientIdd; did you mean ClientId?")]
    [InlineData("TradingDesk:Connection:HeartbeatIntervall", "unknown setting TradingDesk:Connection:HeartbeatIntervall; did you mean HeartbeatInterval?")]
    [InlineData("TradingDesk:Strategies:0:Risk:MaxOpenOrder", "unknown setting TradingDesk:Strategies:0:Risk:MaxOpenOrder; did you mean MaxOpenOrders?")]
    [InlineData("TradingDesk:Heartbeat", "unknown setting TradingDesk:Heartbeat; did you mean")]
    public void Unknown_keys_at_any_depth_name_the_key_and_the_nearest_valid_name(string key, string expected) =>
        Assert.StartsWith(expected, StartError(() => DeskConfiguration.BindOptions(Config((key, "1")))), StringComparison.Ordinal);

    [Fact]
    public void An_unknown_top_level_section_is_an_error_with_its_line()
    {
        var message = StartError(() => DeskConfiguration.Load(Write("""
            {
              // a comment
              "TradingDesks": { "ClientId": 3 }
            }
            """), null, []));

        Assert.StartsWith($"unknown section TradingDesks ({Path.Combine(_dir, "appsettings.json")} line 3); did you mean TradingDesk?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Logging_section_is_refused_because_the_desk_logs_through_Serilog() =>
        Assert.Contains("Serilog:MinimumLevel", StartError(() => DeskConfiguration.Load(Write("""{ "Logging": { "LogLevel": { "Default": "Debug" } } }"""), null, [])), StringComparison.Ordinal);

    [Fact]
    public void An_unknown_key_at_the_top_of_the_Serilog_section_is_refused() =>
        Assert.Contains("did you mean WriteTo?", StartError(() => DeskConfiguration.Load(Write("""{ "Serilog": { "WritTo": [] } }"""), null, [])), StringComparison.Ordinal);

    [Fact]
    public void The_environment_variable_for_the_environment_name_is_not_an_unknown_section()
    {
        Environment.SetEnvironmentVariable("TRADINGDESK_ENVIRONMENT", "");
        var configuration = DeskConfiguration.Load(Write("""{ "TradingDesk": {} }"""), null, [new("ENVIRONMENT", "Paper")]);
        Assert.Equal("Paper", configuration["ENVIRONMENT"]);
    }

    [Theory]
    [InlineData("{\n  \"TradingDesk\": {\n    \"ClientId\": 1\n    \"Gateway\": \"\"\n  }\n}", "line 4: malformed JSON: ")]
    [InlineData("{ \"TradingDesk\": ", "line 1: malformed JSON: the file ends before every '{' and '[' is closed")]
    [InlineData("{\n \"TradingDesk\": {},\n \"tradingdesk\": {}\n}", "line 3: tradingdesk is set twice in the same object (first on line 2)")]
    [InlineData("[ 1 ]", "line 1: the file must hold one JSON object")]
    public void Malformed_json_names_the_file_the_line_and_what_is_wrong(string json, string expected) =>
        Assert.Equal($"{Path.Combine(_dir, "appsettings.json")} {expected}",
            StartError(() => DeskConfiguration.Load(Write(json), null, []))[..(Path.Combine(_dir, "appsettings.json").Length + 1 + expected.Length)]);

    [Fact]
    public void Risk_heartbeat_backoff_pacing_timeouts_and_restarts_are_bound_onto_the_desk_options()
    {
        var o = DeskConfiguration.BindOptions(Config(
            ("TradingDesk:Connection:HeartbeatInterval", "20s"), ("TradingDesk:Connection:BackoffUnit", "250ms"), ("TradingDesk:Connection:BackoffCap", "00:00:30"),
            ("TradingDesk:Connection:MaxReconnectAttempts", "3"), ("TradingDesk:Pacing:MessagesPerSecond", "40"), ("TradingDesk:Timeouts:Historical", "2m"),
            ("TradingDesk:Timeouts:StrategyAsk", "7s"), ("TradingDesk:Restarts:MaxRestarts", "2"),
            ("TradingDesk:Risk:MaxNotional", "50000"), ("TradingDesk:Risk:AllowedSymbols:0", "AAPL"),
            ("TradingDesk:Strategies:0:Name", "a"), ("TradingDesk:Strategies:0:Type", "T"), ("TradingDesk:Strategies:0:Risk:MaxOrderQuantity", "10"))).Validated();

        var desk = o.ToDeskOptions("127.0.0.1", 4002).Validate();
        Assert.Equal((TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30), 3, 40, TimeSpan.FromMinutes(2)),
            (desk.HeartbeatInterval, desk.BackoffUnit, desk.BackoffCap, desk.MaxReconnectAttempts, desk.MessagesPerSecond, desk.Timeouts.Historical));
        Assert.Equal(50000m, desk.Orders.DefaultRiskLimits.MaxNotional);
        var a = desk.Orders.LimitsFor(new Desk.Domain.StrategyId("a"));
        Assert.Equal((10m, 50000m), (a.MaxOrderQuantity, a.MaxNotional)); // its own limit, the default's for the rest
        Assert.Contains("aapl", a.AllowedSymbols!);
        Assert.Equal(TimeSpan.FromSeconds(7), o.ToStrategyOptions().AskTimeout);
        Assert.Equal(2, o.ToStrategyHostOptions().MaxRestarts);
    }

    [Fact]
    public void The_defaults_are_the_desks_own()
    {
        var mapped = new TradingDeskOptions().ToDeskOptions("h", 1);
        var desk = new Desk.DeskOptions { Host = "h", Port = 1 };
        Assert.Equal(desk with { Orders = mapped.Orders, Timeouts = mapped.Timeouts }, mapped);
        Assert.Equal(desk.Timeouts, mapped.Timeouts);
        Assert.Equal((desk.Orders.QueryTimeout, desk.Orders.DefaultRiskLimits), (mapped.Orders.QueryTimeout, mapped.Orders.DefaultRiskLimits));
    }

    [Fact]
    public void An_unknown_strategy_parameter_names_the_nearest_one_the_type_takes()
    {
        var config = Config(("TradingDesk:Strategies:0:Name", "c"), ("TradingDesk:Strategies:0:Type", "Cross"), ("TradingDesk:Strategies:0:Parameters:Symbl", "AAPL"));
        var message = StartError(() => new ServiceCollection().AddTradingDesk(config, d => d.WithStrategyType("Cross", ["Symbol", "Quantity"], _ => throw new InvalidOperationException("not built in this test"))));
        Assert.Equal("strategy 'c' (Cross): unknown parameter TradingDesk:Strategies:0:Parameters:Symbl; did you mean Symbol? (TradingDesk:Strategies:0:Parameters takes: Symbol, Quantity)", message);
    }

    [Fact]
    public void An_unknown_strategy_type_names_the_nearest_registered_one()
    {
        var config = Config(("TradingDesk:Strategies:0:Name", "c"), ("TradingDesk:Strategies:0:Type", "Crossover"));
        var message = StartError(() => new ServiceCollection().AddTradingDesk(config, d => d.WithStrategyType("MovingAverageCrossover", [], _ => throw new InvalidOperationException("not built in this test")).WithStrategyType("Maker", [], _ => throw new InvalidOperationException("not built in this test"))));
        Assert.Contains("unknown Type 'Crossover'; did you mean", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_factory_may_read_only_the_parameters_its_type_declares()
    {
        var p = new StrategyParameters("s", new Dictionary<string, string>(), ["Symbol"]);
        Assert.Equal("X", p.GetString("Symbol", "X"));
        Assert.Contains("does not declare", Assert.Throws<InvalidOperationException>(() => p.GetString("Other", "")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strategy_duration_parameters_take_units_and_refuse_bare_numbers()
    {
        var p = new StrategyParameters("s", new Dictionary<string, string> { ["A"] = "3s", ["B"] = "3", ["C"] = "0s" });
        Assert.Equal(TimeSpan.FromSeconds(3), p.GetTimeSpan("A", TimeSpan.Zero));
        Assert.Contains("write \"3s\"", Assert.Throws<ArgumentException>(() => p.GetTimeSpan("B", TimeSpan.Zero)).Message, StringComparison.Ordinal);
        Assert.Contains("positive", Assert.Throws<ArgumentException>(() => p.GetTimeSpan("C", TimeSpan.Zero)).Message, StringComparison.Ordinal);
    }
}
