using System.Globalization;
using TradingDesk.Cluster;
using TradingDesk.Hosting;

namespace TradingDesk.Cluster.NodeHost;

/// <summary>
/// One probe strategy to host: its id, the stock symbols it subscribes, and the market buy it places on its first tick
/// (0: none). With <see cref="OrderAfterFailover"/> it places one more on its first tick after each desk failover; with
/// <see cref="Loop"/> one on every <see cref="ProbeSpec.LoopEvery"/>th price tick until told to stop trading. Written
/// <c>ID:SYM1+SYM2[:QTY[:again|:loop]]</c>.
/// </summary>
public sealed record ProbeSpec(string Id, IReadOnlyList<string> Symbols, decimal OrderQuantity, bool OrderAfterFailover, bool Loop = false)
{
    /// <summary>Ticks between two orders of a looping probe: with two symbols ticking every 250 ms, about one order a second.</summary>
    public const int LoopEvery = 8;

    public static ProbeSpec Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 4 || parts[0].Length == 0 || parts[1].Length == 0 || (parts.Length == 4 && parts[3] is not ("again" or "loop")))
            throw new ArgumentException($"--strategy '{text}': use ID:SYMBOL[+SYMBOL...][:QUANTITY[:again|:loop]]");
        var quantity = parts.Length > 2 ? decimal.Parse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture) : 0m;
        var mode = parts.Length > 3 ? parts[3] : "";
        return new ProbeSpec(parts[0], parts[1].Split('+'), quantity, mode == "again", mode == "loop");
    }
}

/// <summary>
/// The command line: <c>--roles desk|strategy|both --port N [--seed akka.tcp://trading-desk@host:port]...
/// [--gateway host:port --client-id N] [--store sqlite:PATH|postgres:CONNECTION] [--die-before-send N] [--strategy SPEC]...
/// [--serialize-messages on|off]</c>. A desk node needs the gateway. <c>--store</c> journals the desk's orders to an
/// SQLite file or a PostgreSQL database (default Akka's in-memory journal: a desk that takes over then knows only what
/// the gateway tells it); desk nodes given the same store recover from one journal. <c>--die-before-send N</c> makes
/// the desk kill its own process with SIGKILL once its Nth new order is journaled, before its placeOrder is written.
/// <c>--serialize-messages</c> (default on) verifies that every message between actors survives serialization.
/// </summary>
public sealed record HostArgs(
    IReadOnlyList<string> Roles, int Port, IReadOnlyList<string> Seeds, string GatewayHost, int GatewayPort, int ClientId,
    IReadOnlyList<ProbeSpec> Strategies, bool SerializeMessages, StoreLocation? Journal = null, int DieBeforeSend = 0)
{
    public static HostArgs Parse(string[] args)
    {
        IReadOnlyList<string> roles = DeskRoles.All;
        int port = 0, gatewayPort = 0, clientId = 1;
        var gatewayHost = "127.0.0.1";
        var seeds = new List<string>();
        var strategies = new List<ProbeSpec>();
        var serializeMessages = true;
        StoreLocation? journal = null;
        var dieBeforeSend = 0;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--roles":
                    roles = Value() switch
                    {
                        "desk" => [DeskRoles.Desk],
                        "strategy" => [DeskRoles.Strategy],
                        "both" => DeskRoles.All,
                        var other => throw new ArgumentException($"--roles '{other}': use desk, strategy or both"),
                    };
                    break;
                case "--port": port = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--seed": seeds.Add(Value()); break;
                case "--gateway":
                    var endpoint = Value();
                    var colon = endpoint.LastIndexOf(':');
                    if (colon <= 0) throw new ArgumentException($"--gateway '{endpoint}': use host:port");
                    gatewayHost = endpoint[..colon];
                    gatewayPort = int.Parse(endpoint[(colon + 1)..], CultureInfo.InvariantCulture);
                    break;
                case "--client-id": clientId = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                case "--strategy": strategies.Add(ProbeSpec.Parse(Value())); break;
                case "--store":
                    journal = StoreLocation.TryParse(Value(), out var store, out var problem) ? store : throw new ArgumentException($"--store: {problem}");
                    break;
                case "--die-before-send":
                    dieBeforeSend = int.Parse(Value(), CultureInfo.InvariantCulture);
                    if (dieBeforeSend < 1) throw new ArgumentException("--die-before-send: use a count of 1 or more");
                    break;
                case "--serialize-messages":
                    serializeMessages = Value() switch
                    {
                        "on" => true,
                        "off" => false,
                        var other => throw new ArgumentException($"--serialize-messages '{other}': use on or off"),
                    };
                    break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        if (roles.Contains(DeskRoles.Desk) && gatewayPort == 0) throw new ArgumentException("a desk node needs --gateway host:port");
        return new HostArgs(roles, port, seeds, gatewayHost, gatewayPort, clientId, strategies, serializeMessages, journal, dieBeforeSend);
    }
}
