using Akka.Actor;
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

    /// <summary>An actor system with Akka.NET's defaults; <paramref name="hocon"/> overrides them (e.g. the scheduler tick).</summary>
    public static ActorSystem Create(string name, string? hocon = null) =>
        ActorSystem.Create(name, hocon is null
            ? ConfigurationFactory.ParseString(Quiet)
            : ConfigurationFactory.ParseString(hocon).WithFallback(ConfigurationFactory.ParseString(Quiet)));
}
