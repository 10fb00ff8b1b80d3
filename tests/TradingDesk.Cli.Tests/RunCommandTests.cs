using System.Text.RegularExpressions;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk run</c> through the real command path (Program.Run), with config written to a temporary directory.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-run-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Stdout, string Stderr) Desk(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, new StringReader(""), stdout, stderr, () => Stream.Null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string WriteConfig(string tradingDesk)
    {
        var logs = Path.Combine(_dir, "logs", "desk-.log").Replace("\\", "/", StringComparison.Ordinal);
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
        var row = Regex.Match(summary, @"^crossover\s+(\d+)\s+(\d+)\s", RegexOptions.Multiline);
        Assert.True(row.Success, summary);
        Assert.True(int.Parse(row.Groups[1].Value) >= 1, summary);
        Assert.True(int.Parse(row.Groups[2].Value) >= 1, summary);
        var maker = Regex.Match(summary, @"^maker\s+(\d+)\s+(\d+)\s", RegexOptions.Multiline);
        Assert.True(maker.Success && int.Parse(maker.Groups[1].Value) >= 2, summary); // rested and requoted
        var rebalancer = Regex.Match(summary, @"^rebalancer\s+(\d+)\s+(\d+)\s+SPY \+\d+ TLT \+\d+", RegexOptions.Multiline);
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
    public void Bad_config_is_one_line_on_stderr_and_exit_2(string tradingDesk, string expected)
    {
        var (code, _, stderr) = Desk("run", "--duration", "1", "--config", WriteConfig(tradingDesk));

        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
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
    [InlineData("--gateway", "localhost")]
    public void Bad_arguments_exit_2_with_one_line(string option, string value)
    {
        var (code, _, stderr) = Desk("run", option, value, "--config", WriteConfig(Samples));
        Assert.Equal(2, code);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void An_unreachable_gateway_exits_2_with_what_to_check()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        var config = WriteConfig("""{ "ConnectTimeout": "00:00:02" }""");

        var (code, _, stderr) = Desk("run", "--gateway", $"127.0.0.1:{port}", "--duration", "5", "--config", config);

        Assert.Equal(2, code);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains($"no connection to 127.0.0.1:{port}", lines[0], StringComparison.Ordinal);
    }
}
