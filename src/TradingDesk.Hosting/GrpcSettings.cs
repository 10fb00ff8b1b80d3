using System.Text.RegularExpressions;
using TradingDesk.Grpc;

namespace TradingDesk.Hosting;

/// <summary>
/// The <c>TradingDesk:Grpc</c> section: the desk's gRPC front (proto/desk/service.proto), for strategies in any
/// language. Default: off (<see cref="Listen"/> null). Clients are kept in <c>config/clients.json</c>, which
/// <c>desk token new</c> writes (see <see cref="GrpcClientsFile"/>).
/// </summary>
public sealed partial record GrpcSettings
{
    /// <summary>
    /// "host:port" to serve gRPC on, e.g. "127.0.0.1:50051". Default null: no gRPC front. A loopback address serves
    /// plain HTTP/2 (h2c); any other address requires <see cref="CertificatePath"/> (TLS) and is refused without it.
    /// <c>desk run --grpc ADDRESS</c> overrides it.
    /// </summary>
    public string? Listen { get; init; }

    /// <summary>A PKCS#12 (.pfx) certificate with its private key, for TLS. Default null: no TLS (loopback only).</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The certificate's password. Default null. Better set through TRADINGDESK_TradingDesk__Grpc__CertificatePassword.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>The clients allowed in, each with the hash of its token. Default none: every call is refused.</summary>
    public GrpcClientSettings[] Clients { get; init; } = [];

    /// <summary>True when the front is to be served.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Listen);

    /// <summary>Equal settings: the clients by their contents (a record compares arrays by reference).</summary>
    public bool Equals(GrpcSettings? other) =>
        other is not null && Listen == other.Listen && CertificatePath == other.CertificatePath &&
        CertificatePassword == other.CertificatePassword && Clients.SequenceEqual(other.Clients);

    public override int GetHashCode() => HashCode.Combine(Listen, CertificatePath, Clients.Length);

    /// <summary>Never prints the certificate's password or the clients' token hashes.</summary>
    public override string ToString() => $"GrpcSettings {{ Listen = {Listen}, Tls = {CertificatePath is not null}, Clients = {Clients.Length} }}";

    internal void Validate(string at, IReadOnlyCollection<string> strategyNames)
    {
        if (Enabled)
        {
            // The front's own parse: what passes here, the front binds.
            if (!GrpcFrontOptions.TryParseListen(Listen!, out var loopback, out _))
                throw new InvalidSettingException($"{at}:Listen", $"{at}:Listen must be host:port with an IP address or localhost (for example 127.0.0.1:50051), not '{Listen}'");
            if (!loopback && string.IsNullOrWhiteSpace(CertificatePath))
                throw new InvalidSettingException($"{at}:Listen",
                    $"{at}:Listen {Listen} is not a loopback address: configure {at}:CertificatePath (TLS) to serve there, and see the README on exposing the desk");
        }
        if (!string.IsNullOrWhiteSpace(CertificatePath) && !File.Exists(CertificatePath))
            throw new InvalidSettingException($"{at}:CertificatePath", $"{at}:CertificatePath: no file {Path.GetFullPath(CertificatePath)}");
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var strategies = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Clients.Length; i++) Clients[i].Validate($"{at}:Clients:{i}", names, strategies, strategyNames);
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,64}$")]
    internal static partial Regex NamePattern();
}

/// <summary>One client of the gRPC front (an entry of <c>TradingDesk:Grpc:Clients</c>, kept in clients.json).</summary>
public sealed record GrpcClientSettings
{
    /// <summary>The client's name (letters, digits, '-', '_', '.'), as logged. Required, unique.</summary>
    public string Name { get; init; } = "";

    /// <summary>The strategy its orders are owned and journaled under. Default null: its <see cref="Name"/>.</summary>
    public string? Strategy { get; init; }

    /// <summary>SHA-256 of its token, 64 hex digits. The token itself is stored nowhere on the desk's side.</summary>
    public string TokenSha256 { get; init; } = "";

    /// <summary><see cref="GrpcAccess.Trading"/> (default) or <see cref="GrpcAccess.ReadOnly"/>.</summary>
    public GrpcAccess Access { get; init; } = GrpcAccess.Trading;

    /// <summary>Risk limits for this client's strategy, each tightening TradingDesk:Risk. Default null: the desk's.</summary>
    public RiskSettings? Risk { get; init; }

    /// <summary>The strategy its orders are owned by.</summary>
    public string StrategyName => string.IsNullOrWhiteSpace(Strategy) ? Name : Strategy;

    /// <summary>Never prints the token hash.</summary>
    public override string ToString() => $"GrpcClientSettings {{ Name = {Name}, Strategy = {StrategyName}, Access = {Access} }}";

    internal void Validate(string at, HashSet<string> names, HashSet<string> strategies, IReadOnlyCollection<string> strategyNames)
    {
        if (!GrpcSettings.NamePattern().IsMatch(Name))
            throw new InvalidSettingException($"{at}:Name", $"{at}:Name must be 1 to 64 letters, digits, '-', '_' or '.', not '{Name}'");
        if (!names.Add(Name)) throw new InvalidSettingException($"{at}:Name", $"{at}:Name: the client name '{Name}' is used twice");
        if (!GrpcSettings.NamePattern().IsMatch(StrategyName))
            throw new InvalidSettingException($"{at}:Strategy", $"{at}:Strategy must be 1 to 64 letters, digits, '-', '_' or '.', not '{Strategy}'");
        // Two owners of one strategy would see each other's fills; an actor strategy of that name would refuse both.
        if (!strategies.Add(StrategyName))
            throw new InvalidSettingException($"{at}:Strategy", $"{at}:Strategy '{StrategyName}' belongs to another client already: give each client a strategy of its own");
        if (strategyNames.Contains(StrategyName))
            throw new InvalidSettingException($"{at}:Strategy", $"{at}:Strategy '{StrategyName}' is the name of a configured strategy (TradingDesk:Strategies): give the client another");
        if (!AccessTokens.IsHash(TokenSha256))
            throw new InvalidSettingException($"{at}:TokenSha256",
                $"{at}:TokenSha256 must be the 64 hex digits of the token's SHA-256 (desk token new writes it), not {TokenSha256.Length} characters");
        Risk?.Validate($"{at}:Risk");
    }
}
