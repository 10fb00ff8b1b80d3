using System.Net;
using TradingDesk.Protocol;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Server;

/// <summary>How the simulated gateway listens and behaves on the wire. Defaults are IB Gateway's paper defaults.</summary>
public sealed record GatewayOptions
{
    /// <summary>Address to listen on. Default: loopback only, as TWS's "allow connections from localhost only".</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (tests). Default 4002, IB Gateway's paper port.</summary>
    public int Port { get; init; } = 4002;

    /// <summary>Lowest server version accepted. Default 100, the V100+ handshake floor.</summary>
    public int MinVersion { get; init; } = ServerVersions.Min;

    /// <summary>Highest server version offered; lower it to emulate an older gateway (176, 193, 200, 203, 213). Default 225.</summary>
    public int MaxVersion { get; init; } = ServerVersions.Max;

    /// <summary>Accounts reported by managedAccounts. Default one paper account.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = ["DU111111"];

    /// <summary>Simultaneous API clients, told apart by client id. IB allows 32 per TWS session (the default);
    /// more (up to 1024) only for load tests and benchmarks.</summary>
    public int MaxClients { get; init; } = 32;

    /// <summary>Client messages per second before error 100. IB's limit is 50.</summary>
    public int MaxMessagesPerSecond { get; init; } = 50;

    /// <summary>
    /// The zone of the gateway's clock. The handshake reply's connection time is the local time in this zone followed
    /// by its short name ("20261120 10:00:00 EST"), as IB Gateway writes its machine's local time. Default US/Eastern.
    /// </summary>
    public ExchangeTimeZone TimeZone { get; init; } = ExchangeTimeZone.Eastern;

    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"Port {Port} is not a TCP port (0..65535)");
        if (MinVersion < ServerVersions.Min || MaxVersion > ServerVersions.Max || MinVersion > MaxVersion)
            throw new ArgumentException($"version range {MinVersion}..{MaxVersion} must lie inside {ServerVersions.Min}..{ServerVersions.Max}");
        if (Accounts.Count == 0 || Accounts.Any(string.IsNullOrWhiteSpace)) throw new ArgumentException("at least one non-empty account is needed");
        if (MaxClients is < 1 or > 1024) throw new ArgumentException($"MaxClients {MaxClients} must be 1..1024 (IB's own limit is 32)");
        if (MaxMessagesPerSecond < 1) throw new ArgumentException("MaxMessagesPerSecond must be positive");
    }
}
