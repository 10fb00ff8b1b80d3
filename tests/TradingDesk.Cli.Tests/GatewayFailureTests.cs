using TradingDesk.Cli.Commands;
using TradingDesk.Desk;
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
        var (code, stdout, stderr) = await _gw.Desk("order", "buy", "1", "AAPL", "--limit", "1", "--wait", "30");
        Assert.True(code == 1, $"exit {code}: {stderr}");
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

        var (code, output, error) = await Run("time", "--client-id", "5", "--gateway", _gw.Gateway); // not Desk(): client 5 stays connected
        Assert.Equal(2, code);
        Assert.Empty(output);
        var line = Assert.Single(Lines(error));
        Assert.Contains("client id 5", line);

        _gw.Simulator.Faults.DropAllConnections();
        Assert.Equal(2, await first.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_client_id_in_use_says_326_and_what_to_do_not_EOF()
    {
        // Two connections with the same client id: the simulator answers the second with 326, then closes it.
        var stdout = new LineWriter();
        var stderr = new StringWriter();
        var first = _gw.Start(stdout, stderr, "quote", "AAPL", "--count", "1000", "--json", "--client-id", "9");
        Assert.True(await stdout.NextLineAsync(TimeSpan.FromSeconds(30)), stderr.ToString());

        // Several times: the gateway's 326 and its close arrive back to back, and the line must name the 326 every time.
        for (var i = 0; i < 5; i++)
        {
            var (code, output, error) = await Run("positions", "--client-id", "9", "--gateway", _gw.Gateway);
            Assert.Equal(2, code);
            Assert.Empty(output);
            var line = Assert.Single(Lines(error));
            Assert.StartsWith($"desk positions: client id 9 is already in use at the gateway at {_gw.Gateway} (error 326: ", line);
            Assert.Contains("pass another --client-id", line);
            Assert.Contains("close the other session", line);
            Assert.DoesNotContain("EOF", line);
        }

        _gw.Simulator.Faults.DropAllConnections();
        Assert.Equal(2, await first.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    private DeskOptions Options => new() { Port = _gw.Simulator.Port, ClientId = 23, MaxReconnectAttempts = 0, PacerStatusInterval = TimeSpan.Zero };

    [Fact]
    public async Task Ctrl_c_during_a_verb_is_one_line_and_exit_130()
    {
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = GatewayVerb.RunAsync("test", Options, false, new StringWriter(), stderr, async ctx =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ctx.Cancellation);
            return 0;
        }, stop.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        stop.Cancel();
        Assert.Equal(GatewayVerb.Cancelled, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("desk test: cancelled", Assert.Single(Lines(stderr.ToString())));
    }

    [Fact]
    public async Task An_unforeseen_exception_in_a_verb_is_still_one_line()
    {
        var stderr = new StringWriter();
        var code = await GatewayVerb.RunAsync("test", Options, false, new StringWriter(), stderr,
            _ => throw new InvalidOperationException("boom\nsecond line"), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, code);
        Assert.Equal("desk test: failed: boom second line", Assert.Single(Lines(stderr.ToString())));
    }

    [Fact]
    public async Task Options_the_desk_refuses_are_one_line_and_exit_2()
    {
        var stderr = new StringWriter();
        var code = await GatewayVerb.RunAsync("test", Options with { MaxVersion = 99 }, false, new StringWriter(), stderr,
            _ => Task.FromResult(0), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, code);
        Assert.Contains("MaxVersion", Assert.Single(Lines(stderr.ToString())));
    }
}
