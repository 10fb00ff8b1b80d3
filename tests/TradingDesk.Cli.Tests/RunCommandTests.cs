using System.Text.RegularExpressions;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk run</c> through the real command path (Program.Run), with config written to a temporary directory.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Stdout, string Stderr) Desk(params string[] args) => DeskCli.Run(args);

    private string WriteConfig(string tradingDesk)
    {
        var logs = Path.Combine(_dir, "logs", "desk-.log").Replace("\\", "/", StringComparison.Ordinal);
        // A journal of its own: a test does not recover the orders of the tests before it, nor wait for their lock.
        var data = Path.Combine(_dir, "data").Replace("\\", "/", StringComparison.Ordinal);
        var open = tradingDesk.IndexOf('{', StringComparison.Ordinal);
        tradingDesk = $"{tradingDesk[..(open + 1)]} \"DataDirectory\": \"{data}\",{tradingDesk[(open + 1)..]}";
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), $$"""
            {
              "TradingDesk": {{tradingDesk}},
              "Serilog": {
                "Using": [ "Serilog.Sinks.File" ],
                "MinimumLevel": { "Default": "Information" },
                "WriteTo": [ { "Name": "File", "Args": { "path": "{{logs}}", "rollingInterval": "Day" } } ]
              }
            }
            """);
        return _dir;
    }

    private const string Samples = """
        {
          "StatusInterval": "00:00:01",
          "Strategies": [
            { "Name": "crossover", "Type": "MovingAverageCrossover", "Parameters": { "Symbol": "AAPL", "Quantity": "10", "Fast": "1", "Slow": "2" } },
            { "Name": "maker", "Type": "MeanReversionMaker", "Parameters": { "Symbol": "MSFT", "RequoteEvery": "00:00:01" } },
            { "Name": "rebalancer", "Type": "PortfolioRebalancer", "Parameters": { "Weights": "SPY=0.5,TLT=0.5", "Budget": "20000" } }
          ]
        }
        """;

    [Fact]
    public void Run_with_the_embedded_simulator_trades_and_prints_a_summary_per_strategy()
    {
        var (code, stdout, stderr) = Desk("run", "--duration", "20", "--config", WriteConfig(Samples));

        Assert.True(code == 0, $"exit {code}; stderr: {stderr}; stdout: {stdout}");
        Assert.Contains("connected to embedded simulator", stdout, StringComparison.Ordinal);
        Assert.Contains("Connected (v", stdout, StringComparison.Ordinal); // the periodic plain lines (output is not a terminal)
        var summary = stdout[stdout.IndexOf("desk run: summary", StringComparison.Ordinal)..];
        Assert.Contains("execs", summary, StringComparison.Ordinal); // executions are labelled as such, apart from filled orders
        var row = Regex.Match(summary, @"^crossover\s+(\d+)\s+(\d+)\s", RegexOptions.Multiline);
        Assert.True(row.Success, summary);
        Assert.True(int.Parse(row.Groups[1].Value) >= 1, summary);
        Assert.True(int.Parse(row.Groups[2].Value) >= 1, summary);
        var maker = Regex.Match(summary, @"^maker\s+(\d+)\s+(\d+)\s", RegexOptions.Multiline);
        Assert.True(maker.Success && int.Parse(maker.Groups[1].Value) >= 2, summary); // rested and requoted
        var rebalancer = Regex.Match(summary, @"^rebalancer\s+(\d+)\s+(\d+)\s+\d+\s+SPY \+\d+ TLT \+\d+", RegexOptions.Multiline);
        Assert.True(rebalancer.Success && int.Parse(rebalancer.Groups[2].Value) >= 2, summary); // bought both
        Assert.True(Directory.EnumerateFiles(Path.Combine(_dir, "logs")).Any(), "Serilog writes a rolling file under logs/");
    }

    [Theory]
    [InlineData("""{ "ClientId": "abc" }""", "TradingDesk:ClientId")]
    [InlineData("""{ "ClientIdd": 3 }""", "ClientIdd")]
    [InlineData("""{ "Gateway": "localhost" }""", "TradingDesk:Gateway must be host:port")]
    [InlineData("""{ "Strategies": [ { "Name": "x", "Type": "NoSuchStrategy" } ] }""", "unknown Type 'NoSuchStrategy'")]
    [InlineData("""{ "Strategies": [ { "Name": "x", "Type": "MovingAverageCrossover", "Parameters": { "Fast": "5", "Slow": "3" } } ] }""", "Slow must be greater than Fast")]
    [InlineData("""{ "Strategies": [ { "Name": "x", "Type": "MovingAverageCrossover", "Parameters": { "Quantity": "ten" } } ] }""", "Parameters:Quantity must be a number")]
    [InlineData("""{ "Strategies": [ { "Name": "x", "Type": "PortfolioRebalancer", "Parameters": { "Weights": "SPY" } } ] }""", "Parameters:Weights must be SYMBOL=WEIGHT")]
    [InlineData("""{ "ConnectTimeout": 5 }""", "TradingDesk:ConnectTimeout (")]
    [InlineData("""{ "ConnectTimeout": 5 }""", "is 5, a number without a unit; write \"5s\"")]
    [InlineData("""{ "ConnectTimeout": "0s" }""", "TradingDesk:ConnectTimeout must be positive, not 0s")]
    [InlineData("""{ "Strategies": [ { "Name": "x", "Type": "MovingAverageCrossover", "Parameters": { "Symbl": "AAPL" } } ] }""", "unknown parameter TradingDesk:Strategies:0:Parameters:Symbl")]
    [InlineData("""{ "Strategies": [ { "Name": "x", "Type": "MovingAverageCrossover", "Parameters": { "Symbl": "AAPL" } } ] }""", "did you mean Symbol?")]
    [InlineData("""{ "Strategies": [ { "Name": "x", "Type": "MeanReversionMaker", "Parameters": { "RequoteEvery": "3" } } ] }""", "Parameters:RequoteEvery is 3, a number without a unit")]
    [InlineData("""{ "Heartbeat": "30s" }""", "unknown setting TradingDesk:Heartbeat")]
    [InlineData("""{ "Risk": { "MaxNotional": "lots" } }""", "TradingDesk:Risk:MaxNotional (")]
    public void Bad_config_is_one_line_on_stderr_and_exit_2(string tradingDesk, string expected)
    {
        var (code, _, stderr) = Desk("run", "--duration", "1", "--config", WriteConfig(tradingDesk));

        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("System.", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_top_level_section_stops_the_run_instead_of_running_no_strategies()
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), """
            {
              "TradingDesks": { "Strategies": [] }
            }
            """);
        var (code, stdout, stderr) = Desk("run", "--duration", "1", "--config", _dir);

        Assert.Equal(2, code);
        Assert.Equal($"desk run: unknown section TradingDesks ({Path.Combine(_dir, "appsettings.json")} line 2); did you mean TradingDesk? (valid: TradingDesk, Serilog)",
            stderr.Trim());
        Assert.Empty(stdout);
    }

    [Fact]
    public void Risk_limits_heartbeat_backoff_and_timeouts_are_accepted_in_config()
    {
        var (code, _, stderr) = Desk("run", "--duration", "1", "--config", WriteConfig("""
            {
              "Connection": { "HeartbeatInterval": "20s", "BackoffUnit": "500ms" },
              "Timeouts": { "Historical": "2m" },
              "Risk": { "MaxOrderQuantity": 1000 },
              "Strategies": [ { "Name": "m", "Type": "MeanReversionMaker", "Risk": { "MaxOpenOrders": 2 } } ]
            }
            """));
        Assert.True(code == 0, stderr);
    }

    [Fact]
    public void Malformed_json_and_a_missing_config_directory_exit_2_with_one_line()
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"), "{ \"TradingDesk\": ");
        var (code, _, stderr) = Desk("run", "--config", _dir);
        Assert.Equal(2, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        (code, _, stderr) = Desk("run", "--config", Path.Combine(_dir, "missing"));
        Assert.Equal(2, code);
        Assert.Contains("no configuration file", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration", "0")]
    [InlineData("--duration", "x")]
    [InlineData("--client-id", "abc")]
    [InlineData("--gateway", "localhost")]
    public void Bad_arguments_exit_2_with_one_line(string option, string value)
    {
        var (code, _, stderr) = Desk("run", option, value, "--config", WriteConfig(Samples));
        Assert.Equal(2, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
    }

    private static int DeadPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        return port;
    }

    [Fact]
    public void An_unreachable_gateway_exits_2_with_what_to_check_after_printing_each_attempt()
    {
        var port = DeadPort();
        var config = WriteConfig("""{ "ConnectTimeout": "2s" }""");

        var (code, _, stderr) = Desk("run", "--gateway", $"127.0.0.1:{port}", "--duration", "20", "--config", config);

        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"desk run: no connection to 127.0.0.1:{port} within 2s (TradingDesk:ConnectTimeout)", lines[^1], StringComparison.Ordinal);
        Assert.Equal($"desk run: connecting to 127.0.0.1:{port} (attempt 1)", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("desk run: attempt 1 failed: ", StringComparison.Ordinal) && l.EndsWith("; next attempt in 1s", StringComparison.Ordinal));
    }

    [Fact]
    public void The_duration_counts_from_the_start_so_a_desk_that_never_connects_stops_on_time()
    {
        var port = DeadPort();
        var config = WriteConfig("""{ "ConnectTimeout": "1h" }""");

        var (code, _, stderr) = Desk("run", "--gateway", $"127.0.0.1:{port}", "--duration", "2", "--config", config);

        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"desk run: no connection to 127.0.0.1:{port} within --duration 2s", lines[^1], StringComparison.Ordinal);
        Assert.Contains($"desk run: connecting to 127.0.0.1:{port} (attempt 2)", lines);
        // An hour's ConnectTimeout did not hold it: the duration ended the run (that it ends exactly at the duration is
        // checked on the test clock in the Hosting tests, not with a wall-clock bound here).
    }
}
