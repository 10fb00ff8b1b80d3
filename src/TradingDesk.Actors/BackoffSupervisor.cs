namespace TradingDesk.Actors;

/// <summary>
/// Keeps one child alive, restarting it after exponentially growing delays (see <see cref="BackoffOptions"/>),
/// so a child that keeps failing — a connection to a gateway that is down — does not retry in a hot loop.
/// Messages sent to the supervisor are forwarded to the current child (dead letters while it is down).
/// Delays run on the system's TimeProvider. States: ChildRunning --child stops/fails--> WaitingToRestart
/// --backoff timer--> ChildRunning; gives up (stops itself) after MaxNrOfRetries restarts, or in OnFailure
/// mode when the child stops by itself.
/// </summary>
public sealed class BackoffSupervisor : ReceiveActor, IWithTimers
{
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;
    private int _generation;
    private bool _childFailed;

    public BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
        Receive<GetCurrentChild>(_ => Sender.Tell(new CurrentChild(_child)));
        Receive<GetRestartCount>(_ => Sender.Tell(new RestartCount(_restartCount)));
        Receive<Reset>(_ => _restartCount = 0);
        Receive<StartChild>(_ => StartChildNow());
        Receive<ResetRestartCount>(r => { if (r.Generation == _generation) _restartCount = 0; });
        Receive<Terminated>(t => t.ActorRef.Equals(_child), _ => OnChildTerminated());
        ReceiveAny(m => (_child ?? Context.System.DeadLetters).Forward(m));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(BackoffOptions options) => Actors.Props.Create(() => new BackoffSupervisor(options));

    /// <summary>Ask the supervisor for its child; answered with <see cref="CurrentChild"/>.</summary>
    public sealed record GetCurrentChild
    {
        public static readonly GetCurrentChild Instance = new();
    }

    /// <summary>The current child, or null while waiting to restart it.</summary>
    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Ask for the number of restarts since the last reset; answered with <see cref="RestartCount"/>.</summary>
    public sealed record GetRestartCount
    {
        public static readonly GetRestartCount Instance = new();
    }

    public sealed record RestartCount(int Count);

    /// <summary>Resets the restart count, so the next restart waits MinBackoff again.</summary>
    public sealed record Reset
    {
        public static readonly Reset Instance = new();
    }

    private sealed record StartChild;

    private sealed record ResetRestartCount(int Generation);

    protected override void PreStart() => StartChildNow();

    protected override SupervisorStrategy SupervisorStrategy() => _options.Mode == BackoffMode.OnFailure
        ? new OneForOneStrategy(_ =>
        {
            // Stop the failed child; its Terminated then schedules the delayed restart.
            _childFailed = true;
            return Directive.Stop;
        })
        : Actors.SupervisorStrategy.DefaultStrategy;

    private void StartChildNow()
    {
        _childFailed = false;
        _generation++;
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_options.ResetBackoff is { } reset)
            Timers.StartSingleTimer("reset", new ResetRestartCount(_generation), reset);
    }

    private void OnChildTerminated()
    {
        _child = null;
        Timers.Cancel("reset");
        var restart = _options.Mode == BackoffMode.OnStop || _childFailed;
        if (!restart || (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries))
        {
            Context.Stop(Self);
            return;
        }
        var delay = _options.DelayFor(_restartCount, Random.Shared.NextDouble());
        _restartCount++;
        Timers.StartSingleTimer("backoff", new StartChild(), delay);
    }
}
