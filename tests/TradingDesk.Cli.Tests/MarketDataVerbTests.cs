using TradingDesk.Cli.Commands;
using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

public sealed class MarketDataVerbTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [Fact]
    public async Task Quote_prints_one_quote_as_json_with_bid_below_ask()
    {
        var (code, stdout, stderr) = await _gw.Desk("quote", "AAPL", "--json");
        Assert.True(code == 0, stderr);
        var quote = Assert.Single(JsonLines(stdout));
        Assert.Equal("AAPL", quote.GetProperty("symbol").GetString());
        var bid = quote.GetProperty("bid").GetDecimal();
        var ask = quote.GetProperty("ask").GetDecimal();
        Assert.True(bid > 0 && bid < ask, $"bid {bid} ask {ask}");
        Assert.Empty(stderr); // no progress when stderr is not a terminal
    }

    [Fact]
    public async Task Quote_with_a_count_prints_that_many_rows_as_the_market_moves()
    {
        var stdout = new LineWriter();
        var stderr = new StringWriter();
        var run = _gw.Start(stdout, stderr, "quote", "AAPL", "--count", "3");
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!run.IsCompleted)
        {
            guard.Token.ThrowIfCancellationRequested();
            // Move the simulated market on until the verb prints its next quote (or ends).
            await _gw.Simulator.AdvanceAsync(TimeSpan.FromSeconds(1));
            await Task.WhenAny(run, stdout.NextLineAsync(TimeSpan.FromMilliseconds(500)));
        }
        Assert.True(await run == 0, stderr.ToString());
        var lines = Lines(stdout.ToString());
        Assert.Equal(5, lines.Length); // header, rule, three quotes
        Assert.StartsWith("time", lines[0]);
        Assert.Contains("bid", lines[0]);
        Assert.All(lines[2..], l => Assert.Contains("AAPL", l));
    }

    [Fact]
    public async Task A_quote_that_stops_changing_before_the_count_is_one_line_and_exit_1()
    {
        // The manual clock does not move: after the first quote nothing changes.
        // (The first ticks may arrive in more than one batch, so the count is set far above what they can make.)
        var (code, stdout, stderr) = await _gw.Desk("quote", "AAPL", "--count", "1000", "--timeout", "0.5", "--json");
        Assert.Equal(1, code);
        var printed = JsonLines(stdout).Count;
        Assert.InRange(printed, 1, 10);
        Assert.Contains($"after {printed} of 1000 quotes", Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task An_unknown_symbol_quote_is_one_line_and_exit_2()
    {
        var (code, stdout, stderr) = await _gw.Desk("quote", "NOPE");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("200", Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task A_cfd_quote_the_gateway_reroutes_names_the_contract_to_quote_at_once_and_exits_2()
    {
        var (code, stdout, stderr) = await _gw.Desk("quote", "AAPL", "--sec-type", "CFD", "--timeout", "20");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("points to contract 265598 on SMART", Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task Bars_print_historical_bars_as_a_table_and_as_json()
    {
        var (code, stdout, stderr) = await _gw.Desk("bars", "AAPL", "--duration", "1 D", "--bar-size", "5 mins", "--json");
        Assert.True(code == 0, stderr);
        var bars = JsonLines(stdout);
        Assert.NotEmpty(bars);
        Assert.All(bars, b =>
        {
            Assert.True(b.GetProperty("high").GetDecimal() >= b.GetProperty("low").GetDecimal());
            Assert.True(b.GetProperty("open").GetDecimal() > 0);
            Assert.False(string.IsNullOrEmpty(b.GetProperty("date").GetString()));
            Assert.True(b.TryGetProperty("volume", out _));
        });

        (code, stdout, stderr) = await _gw.Desk("bars", "AAPL", "--duration", "2 D", "--bar-size", "1 hour", "--what", "MIDPOINT", "--end", "20260310-14:00:00");
        Assert.True(code == 0, stderr);
        var lines = Lines(stdout);
        Assert.StartsWith("date", lines[0]);
        Assert.Contains("close", lines[0]);
        Assert.True(lines.Length > 2, stdout);
        Assert.Empty(stderr);
    }

    [Theory]
    [InlineData("quote")]
    [InlineData("quote", "AAPL", "--count", "0")]
    [InlineData("quote", "AAPL", "--timeout", "-1")]
    [InlineData("bars", "AAPL", "--duration", "1 day")]
    [InlineData("bars", "AAPL", "--bar-size", "7 mins")]
    [InlineData("bars", "AAPL", "--what", "PRICES")]
    [InlineData("bars", "AAPL", "--end", "yesterday")]
    public async Task Bad_arguments_are_one_line_and_exit_2(params string[] args)
    {
        var (code, stdout, stderr) = await Run(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(Lines(stderr));
    }

    [Theory]
    [InlineData("quote", "AAPL")]
    [InlineData("bars", "AAPL")]
    public async Task An_unreachable_gateway_is_one_actionable_line_and_exit_2(params string[] verb)
    {
        var (code, stdout, stderr) = await Run([.. verb, "--gateway", $"127.0.0.1:{ClosedPort()}"]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("cannot connect to the gateway", Assert.Single(Lines(stderr)));
    }

    [Fact]
    public void Progress_draws_and_clears_its_line_only_when_interactive()
    {
        var terminal = new StringWriter();
        using (Progress.Start(terminal, "waiting for bars", interactive: true))
            Assert.Contains("waiting for bars", terminal.ToString());
        Assert.EndsWith("\r", terminal.ToString()); // cleared

        var pipe = new StringWriter();
        using (Progress.Start(pipe, "waiting for bars", interactive: false)) { }
        Assert.Empty(pipe.ToString());
    }
}
