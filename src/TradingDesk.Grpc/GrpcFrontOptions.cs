using TradingDesk.Desk.Risk;

namespace TradingDesk.Grpc;

/// <summary>
/// The gRPC front's options (section <c>TradingDesk:Grpc</c>). Check them with <see cref="Validate"/> before
/// <see cref="GrpcFront.StartAsync"/>, which refuses options with problems.
/// </summary>
public sealed record GrpcFrontOptions
{
    /// <summary>The default <see cref="Listen"/>: loopback only, where plain HTTP/2 (h2c) is acceptable.</summary>
    public const string DefaultListen = "127.0.0.1:50051";

    /// <summary>
    /// Where the front listens, <c>host:port</c>: an IP address (IPv6 in brackets, <c>[::1]:50051</c>) or
    /// <c>localhost</c>; port 0 takes a free port (read it from <see cref="RunningGrpcFront.Address"/>). Default
    /// <see cref="DefaultListen"/>. Anything but loopback needs <see cref="CertificatePath"/>.
    /// </summary>
    public string Listen { get; init; } = DefaultListen;

    /// <summary>A PKCS#12 (.pfx) file with the server certificate and its key: the front then speaks TLS. Default none.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The password of <see cref="CertificatePath"/>, if it has one. Default none.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>Who may call: each client's name, strategy, token hash and access. Default none (every call is refused).</summary>
    public IReadOnlyList<GrpcClientOptions> Clients { get; init; } = [];

    /// <summary>
    /// How long a unary call waits for the desk when the caller set no deadline. Default 60 s; the desk answers its
    /// own deadlines (RequestTimedOut) before that for every request it sends to the gateway.
    /// </summary>
    public TimeSpan DefaultCallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many items a stream hands to a reader before it waits for the reader to take them. Beyond that market data
    /// is conflated (the latest per tick type) and other streams buffer up to <see cref="StreamBufferLimit"/>. Default 1024:
    /// a stream carries at most a window per round trip from its actor to the response and back, and on a loaded 2-core
    /// host that round trip took about a millisecond, so 64 held one client to about 64k ticks/s and conflated ticks of a
    /// reader that was only descheduled for a few milliseconds (docs/benchmarks.md, gRPC front).
    /// </summary>
    public int StreamWindow { get; init; } = 1024;

    /// <summary>
    /// The most items a stream other than market data ticks holds for a reader that does not read: beyond it the
    /// stream ends with RESOURCE_EXHAUSTED rather than grow without bound. Order updates are never limited. Default 4096.
    /// </summary>
    public int StreamBufferLimit { get; init; } = 4096;

    /// <summary>The problems of these options in the words of the configuration; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate() => GrpcFrontValidation.Problems(this);

    /// <summary>
    /// Whether <paramref name="listen"/> is a <see cref="Listen"/> the front can bind (an IP address or localhost, and a
    /// port), and whether it is loopback (served without TLS). The one parse of it, for the host's settings too.
    /// </summary>
    public static bool TryParseListen(string listen, out bool loopback, out string problem)
    {
        var parsed = GrpcFrontValidation.TryParseListen(listen, out var address, out _, out problem);
        loopback = parsed && GrpcFrontValidation.IsLoopback(address);
        return parsed;
    }
}

/// <summary>What a client may do.</summary>
public enum GrpcAccess
{
    /// <summary>Everything, orders included.</summary>
    Trading,

    /// <summary>Reference data, market data, account and order reads and streams; no PlaceOrder, PlaceBracket, ModifyOrder or CancelOrder.</summary>
    ReadOnly,
}

/// <summary>One client of the gRPC front: a strategy of the desk that speaks gRPC.</summary>
public sealed record GrpcClientOptions
{
    /// <summary>The client's name (logs, the caller's identity). Required, unique.</summary>
    public string Name { get; init; } = "";

    /// <summary>
    /// The strategy id its orders carry, whatever its requests say. Required, unique among trading clients. A read-only
    /// client's StreamOrderUpdates shows this strategy's order events without registering it, so it may watch a trading
    /// client's strategy or an actor strategy's.
    /// </summary>
    public string Strategy { get; init; } = "";

    /// <summary>
    /// Lower-case or upper-case hex of the SHA-256 of the client's token (<see cref="AccessTokens.Hash"/>): 64 hex
    /// characters. The token itself is never stored.
    /// </summary>
    public string TokenSha256 { get; init; } = "";

    /// <summary>What the client may do. Default <see cref="GrpcAccess.Trading"/>.</summary>
    public GrpcAccess Access { get; init; } = GrpcAccess.Trading;

    /// <summary>
    /// Limits for this client's strategy, applied with the desk's SetRiskLimits when its session starts (they replace
    /// the desk's limits for this strategy, so configure them at least as tight as the desk's). Default none: the
    /// desk's limits apply.
    /// </summary>
    public RiskLimits? RiskLimits { get; init; }
}
