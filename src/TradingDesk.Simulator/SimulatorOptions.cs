using System.Net;
using Microsoft.Extensions.Logging;
using TradingDesk.Protocol;

namespace TradingDesk.Simulator;

/// <summary>How the simulator's clock runs: with the wall clock (desk run, the CLI) or only when a test drives it.</summary>
public enum ClockMode
{
    RealTime,
    Manual,
}

/// <summary>Everything <see cref="GatewaySimulator.StartAsync"/> needs. Defaults: a paper gateway on port 0, seed 1, version 225.</summary>
public sealed record SimulatorOptions
{
    /// <summary>A Tuesday, 11:00 in New York: US stocks are in regular hours. The manual clock's default start.</summary>
    public static readonly DateTimeOffset DefaultManualStart = new(2026, 3, 10, 15, 0, 0, TimeSpan.Zero);

    /// <summary>TCP port; 0 picks a free one (read <see cref="GatewaySimulator.Port"/>).</summary>
    public int Port { get; init; }

    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Seed of the price paths: same seed and times, same prices.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Highest server version offered (emulate an older gateway with 176, 193, 200, 203, 213).</summary>
    public int MaxVersion { get; init; } = ServerVersions.Max;

    public int MinVersion { get; init; } = ServerVersions.Min;

    /// <summary>Managed accounts, each starting with <see cref="StartingCash"/> USD.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = ["DU111111"];

    public decimal StartingCash { get; init; } = 1_000_000m;

    /// <summary>Financial Advisor mode: the advisor's (master) account; <see cref="Accounts"/> are then its sub-accounts. Null: an individual account.</summary>
    public string? AdvisorAccount { get; init; }

    public ClockMode ClockMode { get; init; } = ClockMode.RealTime;

    /// <summary>The simulated start instant; default now (real time) or <see cref="DefaultManualStart"/> (manual).</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>
    /// The instant perm ids and exec ids are based on; default the simulated start, so a seed and a start give the same
    /// ids every run. Set it to the wall clock when runs may repeat a start (the embedded simulator of <c>desk run</c>
    /// starts each day at the same market time) and a desk with a durable journal sees them all: it takes a repeated
    /// exec id for a fill it already has.
    /// </summary>
    public DateTimeOffset? IdEpoch { get; init; }

    /// <summary>L1 / tick-by-tick / depth streaming period. Default 250 ms, IB's stock cadence.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan PnlInterval { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan AccountUpdateInterval { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Client messages per second before error 100 (IB: 50).</summary>
    public int MaxMessagesPerSecond { get; init; } = 50;

    public int MaxClients { get; init; } = 32;

    public ILoggerFactory? Loggers { get; init; }

    /// <summary>Faults to inject on the simulator's clock, counted from its start (see <see cref="FaultGrammar"/>).</summary>
    public IReadOnlyList<ScheduledFault> ScheduledFaults { get; init; } = [];
}
