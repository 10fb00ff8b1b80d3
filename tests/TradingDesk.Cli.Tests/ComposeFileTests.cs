using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using TradingDesk.Cli.Commands;
using TradingDesk.Hosting;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary>
/// docker-compose.yml at the repository root: valid for docker-compose (Debian's 1.29, no Docker engine needed), and
/// every command it gives the desk image is one the CLI accepts, with the shipped config.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly string Repo = RepositoryRoot();

    [Fact]
    public async Task Docker_compose_accepts_the_file()
    {
        var (code, _, stderr) = await Tool("docker-compose", ["-f", "docker-compose.yml", "config", "-q"]);
        Assert.True(code == 0, $"docker-compose config -q exited {code}: {stderr}");
    }

    [Fact]
    public async Task Every_service_of_the_desk_image_runs_a_command_the_cli_accepts()
    {
        var services = await Services();
        Assert.Equal(["desk-1", "desk-2", "ib-gateway", "postgres", "strategy-1", "strategy-2"], services.Keys.Order(StringComparer.Ordinal));
        var shipped = DeskConfiguration.BindOptions(DeskConfiguration.Load(Path.Combine(Repo, "config"), "Paper"));
        var ours = services.Where(s => s.Value.TryGetProperty("build", out _)).ToDictionary(s => s.Key, s => s.Value);
        Assert.Equal(["desk-1", "desk-2", "strategy-1", "strategy-2"], ours.Keys.Order(StringComparer.Ordinal));
        var deskNodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, service) in ours)
        {
            var args = service.GetProperty("command").EnumerateArray().Select(a => a.GetString()!).ToArray();
            var parse = Program.Parse(args);
            Assert.True(parse.Errors.Count == 0, $"{name}: {string.Join("; ", ParseErrors.Lines(parse))}");
            var verb = parse.CommandResult.Command.Name;
            Assert.True(verb is "run" or "node", $"{name} runs desk {verb}");
            var options = ClusterRequest.From(parse).ApplyTo(shipped).Validated();
            var cluster = options.Cluster;
            Assert.True(cluster.Enabled, $"{name} is not a cluster node");
            Assert.Equal("0.0.0.0", cluster.Hostname);
            Assert.Equal(name, cluster.PublicHostname); // others reach it by its service name
            Assert.NotEmpty(cluster.SeedNodes);
            if (verb == "run")
            {
                deskNodes.Add($"akka.tcp://trading-desk@{name}:{cluster.Port}");
                Assert.Equal(["desk"], cluster.Roles);
                Assert.Equal("ib-gateway:4004", parse.GetValue<string?>("--gateway"));
            }
            else
            {
                Assert.Equal(["strategy"], cluster.Roles);
                Assert.NotEmpty(cluster.RunStrategies!);
            }
        }
        Assert.Equal(2, deskNodes.Count);
        foreach (var (name, service) in ours)
            foreach (var seed in ClusterRequest.From(Program.Parse([.. service.GetProperty("command").EnumerateArray().Select(a => a.GetString()!)])).SeedNodes)
                Assert.True(deskNodes.Contains(seed), $"{name}: seed node {seed} is not a desk node of the file");
        // The sample strategies of the shipped config, each on exactly one strategy node.
        var placed = ours.Where(s => s.Key.StartsWith("strategy-", StringComparison.Ordinal))
            .SelectMany(s => ClusterRequest.From(Program.Parse([.. s.Value.GetProperty("command").EnumerateArray().Select(a => a.GetString()!)])).Strategies!).ToList();
        Assert.Equal(shipped.Strategies.Where(s => s.Enabled).Select(s => s.Name).Order(StringComparer.Ordinal), placed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Both_desk_nodes_journal_to_the_compose_PostgreSQL_and_strategy_nodes_get_no_store()
    {
        var services = await Services();
        foreach (var name in new[] { "desk-1", "desk-2" })
        {
            var environment = services[name].GetProperty("environment");
            var text = environment.GetProperty("TRADINGDESK_TradingDesk__Store").GetString();
            Assert.True(StoreLocation.TryParse(text, out var store, out var problem), $"{name}: {problem}");
            Assert.Equal("PostgreSQL postgres:5432/tradingdesk", store!.Describe());
            Assert.Equal("Paper", environment.GetProperty("TRADINGDESK_ENVIRONMENT").GetString());
        }
        foreach (var name in new[] { "strategy-1", "strategy-2" })
            Assert.False(services[name].GetProperty("environment").TryGetProperty("TRADINGDESK_TradingDesk__Store", out _), name);
    }

    [Fact]
    public void No_secret_is_written_in_the_file()
    {
        var text = File.ReadAllText(Path.Combine(Repo, "docker-compose.yml"));
        Assert.Contains("TWS_USERID: ${TWS_USERID", text, StringComparison.Ordinal);
        Assert.Contains("TWS_PASSWORD: ${TWS_PASSWORD", text, StringComparison.Ordinal);
        Assert.Contains("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD", text, StringComparison.Ordinal);
        Assert.Contains("Password=${POSTGRES_PASSWORD:-};", text, StringComparison.Ordinal);
        Assert.Contains("TRADING_MODE: ${TRADING_MODE:-paper}", text, StringComparison.Ordinal);
    }

    /// <summary>The services as docker-compose resolves them (its YAML turned into JSON by the YAML library it runs on).</summary>
    private static async Task<Dictionary<string, JsonElement>> Services()
    {
        var (code, yaml, stderr) = await Tool("docker-compose", ["-f", "docker-compose.yml", "config"]);
        Assert.True(code == 0, $"docker-compose config exited {code}: {stderr}");
        var (jsonCode, json, jsonErr) = await Tool("python3", ["-c", "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)"], yaml);
        Assert.True(jsonCode == 0, $"python3 (the YAML library docker-compose needs) exited {jsonCode}: {jsonErr}");
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("services").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Tool(string file, string[] args, string? stdin = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Repo, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            Assert.Fail($"{file} is not installed: scripts/test.sh installs it (Debian package docker-compose), or apt-get install docker-compose");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(deadline.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TradingDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no TradingDesk.sln above {AppContext.BaseDirectory}");
    }
}
