using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary>What a verb does when the gateway misbehaves: one line on stderr, never a stack trace.</summary>
public sealed class GatewayFailureTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;

    public async Task InitializeAsync() => _gw = await StartAsync();
    public async Task DisposeAsync() => await _gw.DisposeAsync();

    [Fact]
    public async Task A_connection_lost_mid_verb_is_one_line_and_exit_2()
    {
        var stdout = new LineWriter();
        var stderr = new StringWriter();
        var run = _gw.Start(stdout, stderr, "quote", "AAPL", "--count", "1000", "--json");
        Assert.True(await stdout.NextLineAsync(TimeSpan.FromSeconds(30)), stderr.ToString()); // streaming
        _gw.Simulator.Faults.DropAllConnections();
        Assert.Equal(2, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        var line = Assert.Single(Lines(stderr.ToString()));
        Assert.Contains("lost the connection to the gateway", line);
        Assert.DoesNotContain("   at ", stderr.ToString());
    }

    [Fact]
    public async Task A_rejected_order_is_one_line_and_exit_1()
    {
        await _gw.Simulator.Faults.RejectNextOrdersAsync(1, "Simulated rejection");
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "1", "AAPL", "--limit", "1");
        Assert.Equal(1, code);
        Assert.Empty(stdout);
        var line = Assert.Single(Lines(stderr));
        Assert.Contains("rejected", line);
        Assert.Contains("Simulated rejection", line);
    }

    [Fact]
    public async Task A_client_id_already_in_use_is_one_actionable_line_and_exit_2()
    {
        var stdout = new LineWriter();
        var stderr = new StringWriter();
        var first = _gw.Start(stdout, stderr, "quote", "AAPL", "--count", "1000", "--json", "--client-id", "5");
        Assert.True(await stdout.NextLineAsync(TimeSpan.FromSeconds(30)), stderr.ToString());

        var (code, output, error) = await _gw.Desk("time", "--client-id", "5");
        Assert.Equal(2, code);
        Assert.Empty(output);
        var line = Assert.Single(Lines(error));
        Assert.Contains("client id 5", line);

        _gw.Simulator.Faults.DropAllConnections();
        Assert.Equal(2, await first.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}
