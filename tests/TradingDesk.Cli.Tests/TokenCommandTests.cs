using TradingDesk.Grpc;
using TradingDesk.Hosting;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk token new</c> and <c>desk run --grpc</c>: what a user sees, and what ends up in clients.json.</summary>
public sealed class TokenCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-token-").FullName;

    public TokenCommandTests() => File.WriteAllText(Path.Combine(_dir, "appsettings.json"), "{}");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private GrpcClientSettings[] Clients() =>
        DeskConfiguration.BindOptions(DeskConfiguration.Load(_dir, null, [])).Validated().Grpc.Clients;

    [Fact]
    public void A_new_token_is_printed_alone_and_only_its_hash_is_kept()
    {
        var (code, stdout, stderr) = DeskCli.Run("token", "new", "py", "--config", _dir);

        Assert.Equal(0, code);
        var token = Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(AccessTokens.Prefix, token, StringComparison.Ordinal);
        var client = Assert.Single(Clients());
        Assert.Equal(("py", "py", GrpcAccess.Trading, AccessTokens.Hash(token)), (client.Name, client.StrategyName, client.Access, client.TokenSha256));
        Assert.DoesNotContain(token, File.ReadAllText(Path.Combine(_dir, GrpcClientsFile.FileName)), StringComparison.Ordinal);
        Assert.Contains("client 'py' (trading, strategy 'py') added to", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_client_with_a_strategy_of_its_own()
    {
        var (code, _, _) = DeskCli.Run("token", "new", "watcher", "--read-only", "--strategy", "ops", "--config", _dir);

        Assert.Equal(0, code);
        var client = Assert.Single(Clients());
        Assert.Equal(("watcher", "ops", GrpcAccess.ReadOnly), (client.Name, client.StrategyName, client.Access));
    }

    [Theory]
    [InlineData("bad name", "desk token: the new client 'bad name': Name must be 1 to 64 letters, digits, '-', '_' or '.', not 'bad name'")]
    [InlineData("crossover", "desk token: the new client 'crossover': Strategy 'crossover' is the name of a configured strategy (TradingDesk:Strategies): give the client another")]
    public void A_name_the_desk_would_refuse_is_refused_now_and_nothing_is_written(string name, string expected)
    {
        File.WriteAllText(Path.Combine(_dir, "appsettings.json"),
            """{ "TradingDesk": { "Strategies": [ { "Name": "crossover", "Type": "MovingAverageCrossover" } ] } }""");

        var (code, stdout, stderr) = DeskCli.Run("token", "new", name, "--config", _dir);

        Assert.Equal((2, "", expected), (code, stdout, stderr.TrimEnd()));
        Assert.False(File.Exists(Path.Combine(_dir, GrpcClientsFile.FileName)));
    }

    [Fact]
    public void A_name_taken_keeps_the_old_token()
    {
        var (_, first, _) = DeskCli.Run("token", "new", "py", "--config", _dir);

        var (code, stdout, stderr) = DeskCli.Run("token", "new", "py", "--config", _dir);

        Assert.Equal((2, ""), (code, stdout));
        Assert.Contains("a client named 'py' is in", stderr, StringComparison.Ordinal);
        Assert.Equal(AccessTokens.Hash(first.Trim()), Assert.Single(Clients()).TokenSha256);
    }

    [Theory]
    [InlineData("50051", "--grpc must be host:port with an IP address or localhost, for example 127.0.0.1:50051, not '50051'")]
    [InlineData("127.0.0.1:http", "--grpc must be host:port with an IP address or localhost, for example 127.0.0.1:50051, not '127.0.0.1:http'")]
    public void A_malformed_grpc_address_is_refused_before_anything_starts(string listen, string expected)
    {
        var (code, _, stderr) = DeskCli.Run("run", "--grpc", listen, "--config", _dir);

        Assert.Equal(2, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_grpc_address_off_this_machine_without_tls_is_refused_with_the_setting_to_change()
    {
        var (code, _, stderr) = DeskCli.Run("run", "--grpc", "0.0.0.0:50051", "--duration", "5", "--config", _dir);

        Assert.Equal(2, code);
        Assert.Contains("TradingDesk:Grpc:Listen 0.0.0.0:50051 is not a loopback address: configure TradingDesk:Grpc:CertificatePath (TLS)", stderr, StringComparison.Ordinal);
    }
    [Fact]
    public void Desk_run_serves_the_front_and_says_where_and_to_whom()
    {
        DeskCli.Run("token", "new", "py", "--config", _dir);
        DeskCli.Run("token", "new", "watcher", "--read-only", "--config", _dir);

        var (code, stdout, stderr) = DeskCli.Run("run", "--grpc", "127.0.0.1:0", "--strategies", "none", "--duration", "15", "--plain", "--config", _dir);

        Assert.True(code == 0, stderr);
        var line = Assert.Single(stdout.Split('\n'), l => l.StartsWith("desk run: gRPC front on ", StringComparison.Ordinal));
        Assert.Matches(@"^desk run: gRPC front on http://127\.0\.0\.1:\d+/ \(clients: py, watcher \(read-only\)\); see docs/grpc\.md", line);
    }
}
