using System.Diagnostics;
using TradingDesk.Client.Tests.Support;
using Xunit;

namespace TradingDesk.Client.Tests;

/// <summary>samples/GrpcClient as a process against the scripted desk.</summary>
public sealed class SampleClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_console_sample_places_a_limit_away_from_the_market_cancels_it_and_exits_0()
    {
        var script = new DeskScript();
        script.MarketData.Add(DeskScript.Tick(2, price: "250.00"));
        await using var server = await TestDeskServer.StartAsync(script);

        var (code, stdout, stderr) = await RunAsync("--url", server.Address, "--token", DeskScript.GoodToken, "msft");

        Assert.True(code == 0, $"exit {code}: {stderr}\n{stdout}");
        Assert.Contains("cancel confirmed; done", stdout, StringComparison.Ordinal);
        var placed = await script.OrderPlaced.Task.WaitAsync(Bound);
        Assert.Equal(("MSFT", "225.00"), (placed.Contract.Symbol, placed.Order.LimitPrice));
        Assert.Equal(42, (await script.OrderCancelled.Task.WaitAsync(Bound)).OrderId);
    }

    [Theory]
    [InlineData("no token", "--url", "http://127.0.0.1:1")]
    [InlineData("not a desk address", "--url", "127.0.0.1:1", "--token", "t")]
    [InlineData("unknown option --bogus", "--bogus", "--token", "t")]
    public async Task Bad_arguments_exit_2_with_one_line(string expected, params string[] args)
    {
        var (code, _, stderr) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    // The sample's own build output, in the configuration these tests were built in (bin/<configuration>/net10.0/).
    private static string SampleDll
    {
        get
        {
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var samples = Path.Combine(Path.GetDirectoryName(NodeRunner.SampleDirectory)!, "..", "GrpcClient", "src");
            var dll = Path.GetFullPath(Path.Combine(samples, "bin", configuration, framework.Name, "TradingDesk.Samples.GrpcClient.dll"));
            Assert.True(File.Exists(dll), $"{dll} is missing: build samples/GrpcClient/src in {configuration}");
            return dll;
        }
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(SampleDll);
        foreach (var a in args) start.ArgumentList.Add(a);
        // The environment must not supply what the test leaves out.
        start.Environment.Remove("TRADINGDESK_URL");
        start.Environment.Remove("TRADINGDESK_TOKEN");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Bound);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"the sample did not exit within {Bound}: {await stdout}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
