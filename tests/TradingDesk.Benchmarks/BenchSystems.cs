using Akka.Actor;
using Akka.Actor.Setup;
using Akka.Configuration;

namespace TradingDesk.Benchmarks;

/// <summary>
/// Actor systems for the benchmarks: Akka.NET's defaults (dispatcher, mailbox, scheduler) with logging quietened so a
/// benchmark's own dead letters at shutdown do not land in the measured time or the output.
/// </summary>
internal static class BenchSystems
{
    private const string Quiet = """
        akka.loglevel = WARNING
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """;

    /// <summary>
    /// An actor system with Akka.NET's defaults; <paramref name="hocon"/> overrides them (e.g. the scheduler tick), and
    /// <paramref name="setup"/> adds what HOCON cannot carry (the SQLite journal's connection options).
    /// </summary>
    public static ActorSystem Create(string name, string? hocon = null, Setup? setup = null)
    {
        var config = hocon is null
            ? ConfigurationFactory.ParseString(Quiet)
            : ConfigurationFactory.ParseString(hocon).WithFallback(ConfigurationFactory.ParseString(Quiet));
        var bootstrap = BootstrapSetup.Create().WithConfig(config);
        return ActorSystem.Create(name, setup is null ? ActorSystemSetup.Create(bootstrap) : bootstrap.And(setup));
    }
}
