using System.ComponentModel;
using System.Diagnostics;
using Xunit;

namespace TradingDesk.Client.Tests.Support;

/// <summary>Runs a script of samples/clients/node (strategy.js, research.js) with node; fails the test with what to do when
/// node or the packages are missing.</summary>
public static class NodeRunner
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static string SampleDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradingDesk.sln"))) dir = dir.Parent;
            Assert.True(dir is not null, $"no TradingDesk.sln above {AppContext.BaseDirectory}");
            return Path.Combine(dir.FullName, "samples", "clients", "node");
        }
    }

    public static Task<Run> RunStrategyAsync(IReadOnlyDictionary<string, string> environment, TimeSpan bound, params string[] args) =>
        RunScriptAsync("strategy.js", environment, bound, args);

    public static Task<Run> RunResearchAsync(IReadOnlyDictionary<string, string> environment, TimeSpan bound, params string[] args) =>
        RunScriptAsync("research.js", environment, bound, args);

    private static async Task<Run> RunScriptAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan bound, string[] args)
    {
        var sample = SampleDirectory;
        Assert.True(Directory.Exists(Path.Combine(sample, "node_modules", "@grpc", "grpc-js")),
            $"the Node sample's packages are not installed: run `npm ci` in {sample}");
        var start = new ProcessStartInfo("node") { WorkingDirectory = sample, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in environment) start.Environment[key] = value;

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"node is not on PATH ({e.Message}): install Node.js 18 or later, then run `npm ci` in {sample}");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(bound);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node {script} did not exit within {bound}: {await stderr}");
            }
            return new Run(process.ExitCode, await stdout, await stderr);
        }
    }
}
