using TradingDesk.Grpc;
using Xunit;

namespace TradingDesk.Hosting.Tests;

/// <summary>The TradingDesk:Grpc section and config/clients.json: what the desk refuses at start, in the user's words.</summary>
public sealed class GrpcSettingsTests : IDisposable
{
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private readonly string _dir = Directory.CreateTempSubdirectory("desk-grpc-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string file, string json)
    {
        File.WriteAllText(Path.Combine(_dir, file), json);
        return _dir;
    }

    private TradingDeskOptions Load() => DeskConfiguration.BindOptions(DeskConfiguration.Load(_dir, null, []));

    private static string Refusal(TradingDeskOptions options) => Assert.Throws<InvalidSettingException>(() => options.Validated()).Message;

    private static TradingDeskOptions WithGrpc(GrpcSettings grpc) => new() { Grpc = grpc };

    private static GrpcClientSettings Client(string name, string? strategy = null) => new() { Name = name, Strategy = strategy, TokenSha256 = Hash };

    [Fact]
    public void By_default_there_is_no_front_and_no_client()
    {
        var grpc = new TradingDeskOptions().Validated().Grpc;
        Assert.False(grpc.Enabled);
        Assert.Empty(grpc.Clients);
    }

    [Theory]
    [InlineData("127.0.0.1:50051")]
    [InlineData("localhost:50051")]
    [InlineData("[::1]:50051")]
    [InlineData("127.0.0.1:0")]
    public void A_loopback_address_serves_without_tls(string listen) =>
        Assert.True(WithGrpc(new GrpcSettings { Listen = listen }).Validated().Grpc.Enabled);

    [Theory]
    [InlineData("0.0.0.0:50051")]
    [InlineData("192.168.1.20:50051")]
    public void Any_other_address_is_refused_without_a_certificate(string listen) =>
        Assert.Equal($"TradingDesk:Grpc:Listen {listen} is not a loopback address: configure TradingDesk:Grpc:CertificatePath (TLS) to serve there, and see the README on exposing the desk",
            Refusal(WithGrpc(new GrpcSettings { Listen = listen })));

    [Fact]
    public void A_certificate_that_is_not_there_is_refused_naming_the_file() =>
        Assert.Contains("TradingDesk:Grpc:CertificatePath: no file", Refusal(WithGrpc(new GrpcSettings { Listen = "0.0.0.0:50051", CertificatePath = Path.Combine(_dir, "none.pfx") })));

    [Theory]
    [InlineData("50051")]
    [InlineData("desk.example:50051")] // the front binds addresses, not names
    public void A_malformed_address_is_refused(string listen) =>
        Assert.Equal($"TradingDesk:Grpc:Listen must be host:port with an IP address or localhost (for example 127.0.0.1:50051), not '{listen}'",
            Refusal(WithGrpc(new GrpcSettings { Listen = listen })));

    [Fact]
    public void Two_clients_with_one_token_are_refused_by_the_fronts_own_checks_before_the_start() =>
        Assert.StartsWith("TradingDesk:Grpc:Clients: the token hash '9f86d081…' is used by 2 clients",
            Refusal(WithGrpc(new GrpcSettings { Listen = "127.0.0.1:0", Clients = [Client("a"), Client("b")] })));

    [Fact]
    public void Client_names_and_strategies_are_unique_and_apart_from_the_configured_strategies()
    {
        Assert.Equal("TradingDesk:Grpc:Clients:1:Name: the client name 'PY' is used twice",
            Refusal(WithGrpc(new GrpcSettings { Clients = [Client("py"), Client("PY")] })));
        Assert.Equal("TradingDesk:Grpc:Clients:1:Strategy 'shared' belongs to another client already: give each client a strategy of its own",
            Refusal(WithGrpc(new GrpcSettings { Clients = [Client("a", "shared"), Client("b", "shared")] })));
        var actor = new TradingDeskOptions
        {
            Strategies = [new StrategyConfig { Name = "crossover", Type = "MovingAverageCrossover" }],
            Grpc = new GrpcSettings { Clients = [Client("crossover")] },
        };
        Assert.Equal("TradingDesk:Grpc:Clients:0:Strategy 'crossover' is the name of a configured strategy (TradingDesk:Strategies): give the client another", Refusal(actor));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    public void A_token_hash_must_be_64_hex_digits(string hash) =>
        Assert.StartsWith("TradingDesk:Grpc:Clients:0:TokenSha256 must be the 64 hex digits of the token's SHA-256",
            Refusal(WithGrpc(new GrpcSettings { Clients = [Client("py") with { TokenSha256 = hash }] })));

    [Fact]
    public void Clients_come_from_clients_json_beside_appsettings()
    {
        Write("appsettings.json", """{ "TradingDesk": { "Grpc": { "Listen": "127.0.0.1:50051" } } }""");
        Write(GrpcClientsFile.FileName, $$"""{ "TradingDesk": { "Grpc": { "Clients": [ { "Name": "py", "TokenSha256": "{{Hash}}", "Access": "ReadOnly" } ] } } }""");

        var client = Assert.Single(Load().Validated().Grpc.Clients);
        Assert.Equal(("py", "py", GrpcAccess.ReadOnly), (client.Name, client.StrategyName, client.Access));
    }

    [Fact]
    public void Clients_listed_in_both_files_are_refused_rather_than_spliced()
    {
        Write("appsettings.json", $$"""
            { "TradingDesk": { "Grpc": { "Clients": [
                { "Name": "a", "TokenSha256": "{{Hash}}" } ] } } }
            """);
        Write(GrpcClientsFile.FileName, $$"""{ "TradingDesk": { "Grpc": { "Clients": [ { "Name": "b", "TokenSha256": "{{Hash}}" } ] } } }""");

        var message = Assert.Throws<DeskStartException>(Load).Message;
        Assert.Contains("appsettings.json line 2 lists gRPC clients, and so does", message);
        Assert.EndsWith("keep them in clients.json only (desk token new writes it)", message);
    }

    [Fact]
    public void Clients_json_holds_nothing_but_the_clients()
    {
        Write("appsettings.json", "{}");
        Write(GrpcClientsFile.FileName, """{ "TradingDesk": { "Gateway": "127.0.0.1:4002" } }""");

        var message = Assert.Throws<DeskStartException>(Load).Message;
        Assert.EndsWith("line 1: TradingDesk:Gateway does not belong here; clients.json holds only TradingDesk:Grpc:Clients (desk token new writes it), the rest goes in appsettings.json", message);
    }

    [Fact]
    public void Adding_a_client_writes_clients_json_and_refuses_a_name_taken()
    {
        Write("appsettings.json", "{}");
        var path = GrpcClientsFile.Add(_dir, Client("py"));
        GrpcClientsFile.Add(_dir, Client("node") with { Access = GrpcAccess.ReadOnly });

        Assert.Equal(Path.Combine(_dir, GrpcClientsFile.FileName), path);
        Assert.Equal(["node", "py"], Load().Validated().Grpc.Clients.Select(c => c.Name).Order());
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var before = File.ReadAllText(path);
        var message = Assert.Throws<DeskStartException>(() => GrpcClientsFile.Add(_dir, Client("py"))).Message;
        Assert.Equal($"a client named 'py' is in {path} already: choose another name, or remove its entry there to give it a new token", message);
        Assert.Equal(before, File.ReadAllText(path));
    }
}
