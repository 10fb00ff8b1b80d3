using System.Diagnostics;
using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary>
/// scripts/install-desk.sh (the README's one command for a real <c>desk</c>) packs the .NET tool and installs a
/// runnable <c>desk</c>: here into a temporary tool path, then used against the simulator. About 20–60 s: the build
/// is already done, so it packs and installs.
/// </summary>
public sealed class InstallScriptTests : IAsyncLifetime
{
    private GatewayVerbHarness _gw = null!;
    private readonly string _toolPath = Path.Combine(Path.GetTempPath(), $"desk-tool-{Guid.NewGuid():N}");

    public async Task InitializeAsync() => _gw = await StartAsync();

    public async Task DisposeAsync()
    {
        await _gw.DisposeAsync();
        if (Directory.Exists(_toolPath)) Directory.Delete(_toolPath, recursive: true);
    }

    [Fact]
    public async Task The_install_script_installs_a_desk_that_runs_a_verb()
    {
        var repo = RepositoryRoot();
        var (code, output) = await RunAsync("bash", [Path.Combine(repo, "scripts", "install-desk.sh"), "--tool-path", _toolPath], repo);
        Assert.True(code == 0, output);
        var desk = Path.Combine(_toolPath, OperatingSystem.IsWindows() ? "desk.exe" : "desk");
        Assert.True(File.Exists(desk), output);

        (code, output) = await RunAsync(desk, ["time", "--json", "--gateway", _gw.Gateway], repo);
        Assert.True(code == 0, output);
        var time = Assert.Single(JsonLines(output));
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 15, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), time.GetProperty("currentTime").GetInt64());
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TradingDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no TradingDesk.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>Runs a process to its end (bounded: a hung install fails the test instead of hanging it).</summary>
    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string directory)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish: {await stdout}{await stderr}");
        }
        // stdout alone for the verb (its data); both for the diagnostics of a failure.
        return (process.ExitCode, process.ExitCode == 0 && file != "bash" ? await stdout : await stdout + await stderr);
    }
}
