using System.Globalization;
using Microsoft.Extensions.Logging;

namespace TradingDesk.Simulator;

/// <summary>
/// Fires <see cref="ScheduledFault"/>s on the simulator's clock: timers made with <see cref="GatewaySimulator.Clock"/>,
/// so real time drives them in <c>desk simulator</c> and a test's manual clock drives them in tests. Faults due at
/// start fire before <see cref="Start"/> returns, so no client can slip in before them. Every firing is logged.
/// </summary>
public sealed class FaultSchedule : IDisposable
{
    private readonly GatewaySimulator _simulator;
    private readonly ILogger _logger;
    private readonly object _gate = new();
    private readonly List<ITimer> _timers = [];
    private bool _disposed;

    private FaultSchedule(GatewaySimulator simulator, ILogger logger)
    {
        _simulator = simulator;
        _logger = logger;
    }

    /// <summary>Raised after each firing (tests wait on it instead of sleeping). Runs on the timer's thread.</summary>
    public event Action<ScheduledFault>? Fired;

    /// <summary>Schedules every fault, counting from now on the simulator's clock.</summary>
    public static FaultSchedule Start(GatewaySimulator simulator, IEnumerable<ScheduledFault> faults, ILogger logger)
    {
        var schedule = new FaultSchedule(simulator, logger);
        foreach (var fault in faults) schedule.Add(fault);
        return schedule;
    }

    private void Add(ScheduledFault fault)
    {
        _logger.LogInformation("fault '{Fault}' scheduled: {When}", fault, When(fault));
        var entry = new Entry(fault);
        var period = fault.Every ?? Timeout.InfiniteTimeSpan;
        if (fault.At == TimeSpan.Zero)
        {
            Fire(entry);
            if (fault.Every is { } every) AddTimer(entry, every, period);
            return;
        }
        AddTimer(entry, fault.At, period);
    }

    // One per scheduled fault (two equal faults count their firings apart).
    private sealed class Entry(ScheduledFault fault)
    {
        public ScheduledFault Fault { get; } = fault;
        public int Firings { get; set; }
    }

    private void AddTimer(Entry entry, TimeSpan due, TimeSpan period)
    {
        lock (_gate)
        {
            if (_disposed) return;
            _timers.Add(_simulator.Clock.CreateTimer(_ => Fire(entry), null, due, period));
        }
    }

    private void Fire(Entry entry)
    {
        var fault = entry.Fault;
        int firing;
        lock (_gate)
        {
            if (_disposed) return;
            firing = ++entry.Firings;
        }
        var repeat = fault.Every is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (#{firing})");
        _logger.LogWarning("fault '{Fault}'{Repeat}: {Effect}", fault, repeat, Effect(fault));
        try
        {
            Inject(fault);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
        {
            _logger.LogInformation("fault '{Fault}' not injected: the simulator is stopping ({Reason})", fault, ex.Message);
            return;
        }
        Fired?.Invoke(fault);
    }

    private void Inject(ScheduledFault fault)
    {
        var faults = _simulator.Faults;
        switch (fault.Kind)
        {
            case FaultKind.Drop: faults.DropAllConnections(); break;
            case FaultKind.RestartKeepingState: Observe(fault, faults.RestartKeepingStateAsync()); break;
            case FaultKind.RestartLosingState: Observe(fault, faults.RestartLosingStateAsync()); break;
            case FaultKind.Refuse: faults.RefuseConnections(fault.Length); break;
            case FaultKind.Stall: faults.StallResponses(fault.Length); break;
            case FaultKind.ConnectivityLost: faults.ConnectivityLost(); break;
            case FaultKind.ConnectivityRestoredDataLost: faults.ConnectivityRestored(dataLost: true); break;
            case FaultKind.ConnectivityRestoredDataMaintained: faults.ConnectivityRestored(dataLost: false); break;
            case FaultKind.Garbage: faults.SendGarbageFrame(fault.ClientId); break;
            case FaultKind.Truncate: faults.SendTruncatedFrameAndClose(fault.ClientId); break;
            case FaultKind.RejectOrders: Observe(fault, faults.RejectNextOrdersAsync(fault.Count, $"Simulated rejection (fault '{fault}')")); break;
            default: throw new ArgumentOutOfRangeException(nameof(fault), fault.Kind, "unknown fault kind");
        }
    }

    // The market's faults run on its loop; a failure there is logged, not lost.
    private void Observe(ScheduledFault fault, Task work) =>
        work.ContinueWith(t => _logger.LogError(t.Exception?.GetBaseException(), "fault '{Fault}' failed", fault),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private static string When(ScheduledFault f)
    {
        var at = f.At == TimeSpan.Zero ? "at start" : "at " + Format(f.At);
        return f.Every is { } every ? $"{at}, then every {Format(every)}" : at;
    }

    private string Effect(ScheduledFault f) => f.Kind switch
    {
        FaultKind.Drop => $"closing every connection ({_simulator.Connections.Count} open)",
        FaultKind.RestartKeepingState => "gateway restart keeping state: every connection drops; orders, positions and executions survive",
        FaultKind.RestartLosingState => "gateway restart losing state: every connection drops; orders, positions and executions are forgotten and nextValidId starts again from 1",
        FaultKind.Refuse => $"refusing new connections for {Format(f.Length)}",
        FaultKind.Stall => $"holding every response for {Format(f.Length)}",
        FaultKind.ConnectivityLost => "sending 1100 (connectivity between IB and the gateway lost) to every client",
        FaultKind.ConnectivityRestoredDataLost => "sending 1101 (connectivity restored, data lost) to every client",
        FaultKind.ConnectivityRestoredDataMaintained => "sending 1102 (connectivity restored, data maintained) to every client",
        FaultKind.Garbage => string.Create(CultureInfo.InvariantCulture, $"sending a garbage frame to client {f.ClientId}"),
        FaultKind.Truncate => string.Create(CultureInfo.InvariantCulture, $"sending a truncated frame to client {f.ClientId}, then closing it"),
        FaultKind.RejectOrders => f.Count == 1 ? "the next new order gets error 201" : string.Create(CultureInfo.InvariantCulture, $"the next {f.Count} new orders get error 201"),
        _ => f.Kind.ToString(),
    };

    private static string Format(TimeSpan t) =>
        t.TotalMilliseconds < 1000 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0.###}ms")
        : t.TotalSeconds < 120 ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.###}s")
        : t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var t in _timers) t.Dispose();
            _timers.Clear();
        }
    }
}
