using System.Diagnostics;
using Npgsql;

namespace TradingDesk.Hosting.Tests;

/// <summary>
/// A PostgreSQL server of one test, which the test may stop and start again (<see cref="PauseAsync"/>,
/// <see cref="ResumeAsync"/>) on the same port, so the desk's connection string reaches it again: the shared server of
/// <c>TRADINGDESK_TEST_POSTGRES</c> serves other tests and must stay up. Driven through <c>scripts/postgres.sh</c>
/// (initdb, pg_ctl; as root the server runs as the postgres user). Disposing stops it and removes its directory,
/// whatever state the test left it in.
/// </summary>
public sealed class OwnedPostgres : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromSeconds(90);
    private readonly string _dir;

    private OwnedPostgres(string dir, string connectionString)
    {
        _dir = dir;
        ConnectionString = connectionString;
        Port = new NpgsqlConnectionStringBuilder(connectionString).Port;
    }

    /// <summary>The server's maintenance database as the script prints it (trust authentication, no password).</summary>
    public string ConnectionString { get; }

    public int Port { get; }

    /// <summary>initdb and start on a free loopback port, in a new directory under /tmp (the postgres user must reach it).</summary>
    public static async Task<OwnedPostgres> StartAsync()
    {
        var dir = Path.Combine("/tmp", "tradingdesk-pg-owned-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var connection = (await RunAsync("start", dir)).Trim();
            return new OwnedPostgres(dir, connection);
        }
        catch
        {
            await RunAsync("stop", dir);
            throw;
        }
    }

    /// <summary>Stops the server at once, as a crash would (connections cut, nothing flushed).</summary>
    public Task PauseAsync() => RunAsync("pause", _dir);

    /// <summary>Starts it again on <see cref="Port"/>; returns once it accepts connections.</summary>
    public Task ResumeAsync() => RunAsync("resume", _dir);

    public async ValueTask DisposeAsync() => await RunAsync("stop", _dir);

    /// <summary>Runs the script and returns its stdout; a non-zero exit fails with its stderr.</summary>
    private static async Task<string> RunAsync(string verb, string dir)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(verb);
        info.ArgumentList.Add(dir);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(ScriptTimeout))
        {
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"postgres.sh {verb} {dir} did not finish within {ScriptTimeout.TotalSeconds} s");
            }
        }
        if (process.ExitCode != 0) throw new InvalidOperationException($"postgres.sh {verb} {dir} failed ({process.ExitCode}): {await stderr}");
        return await stdout;
    }

    private static string Script { get; } = FindScript();

    private static string FindScript()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradingDesk.sln"))) dir = dir.Parent;
        return dir is null
            ? throw new InvalidOperationException("TradingDesk.sln not found above the test directory")
            : Path.Combine(dir.FullName, "scripts", "postgres.sh");
    }
}
