using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TradingDesk.Actors;

/// <summary>Options of an <see cref="ActorSystem"/>. Immutable; every property has a documented default.</summary>
public sealed record ActorSystemSettings
{
    /// <summary>Logging for the runtime and actors' <c>Log</c>. Default: no logging.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    /// <summary>Clock for the scheduler, timers, receive timeouts, Ask timeouts and restart windows. Default: system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>User messages an actor handles per turn before yielding its thread. Default 100.</summary>
    public int Throughput { get; init; } = 100;

    /// <summary>Timeout of an Ask called without one. Default 10 seconds.</summary>
    public TimeSpan DefaultAskTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Log dead letters at Information level. Default true.</summary>
    public bool LogDeadLetters { get; init; } = true;

    /// <summary>
    /// Dead letters logged before logging stops (one line then says so), so a stopped actor under a flood of
    /// messages cannot flood the log. They are always published on the EventStream. Default 1,000.
    /// </summary>
    public int MaxDeadLettersLogged { get; init; } = 1_000;

    /// <summary>Log unhandled messages at Debug level. Default true.</summary>
    public bool LogUnhandled { get; init; } = true;
}
