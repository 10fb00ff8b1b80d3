using Akka.Actor;
using Akka.Event;

namespace TradingDesk.Desk.Strategies;

/// <summary>
/// Keeps one strategy running for the <see cref="StrategyHost"/>: a strategy that throws (in a handler or in its
/// constructor) is stopped and started again after a growing delay (the n-th restart waits
/// min(MaxBackoff, MinBackoff × 2ⁿ), stretched by up to RandomFactor), so one that fails on every tick does not spin.
/// It tells its parent of every failure AFTER the restart timer is armed (<see cref="ChildFailed"/> with the delay), so
/// whoever hears of the restart can advance a virtual clock past it and know the timer fires. Gives up (stops itself)
/// after MaxRestarts restarts, or when the strategy stops by itself. Messages sent to it go to the current incarnation
/// (dead letters while it waits to restart). A strategy that ran ResetAfter without failing starts again from
/// MinBackoff.
/// </summary>
internal sealed class StrategySupervisor : ReceiveActor, IWithTimers
{
    /// <summary>Told to the parent for every failure. <paramref name="RestartAfter"/> is null when it gave up.</summary>
    public sealed record ChildFailed(Exception Cause, int Restarts, TimeSpan? RestartAfter) : INoSerializationVerificationNeeded;

    /// <summary>
    /// From the host: a strategy leaves the desk first (<see cref="StrategyActor.Leave"/>) and stops itself; one that has
    /// not stopped within <see cref="StrategyHostOptions.LeaveTimeout"/> (the desk unreachable) is stopped. Any other
    /// actor, and a strategy waiting to restart, stops now.
    /// </summary>
    public sealed record StopGracefully : INoSerializationVerificationNeeded;

    private sealed record LeaveTimedOut : INoSerializationVerificationNeeded;

    private sealed record StartChild : INoSerializationVerificationNeeded;

    private sealed record ResetRestarts(int Generation) : INoSerializationVerificationNeeded;

    private const string ChildName = "strategy";
    private readonly Props _child;
    private readonly StrategyHostOptions _options;
    private IActorRef? _current;
    private Exception? _failure;
    private int _restarts;
    private int _generation;
    private bool _stopping;
    private readonly ILoggingAdapter _log = Context.GetLogger();

    public ITimerScheduler Timers { get; set; } = null!;

    public StrategySupervisor(Props child, StrategyHostOptions options)
    {
        _child = child;
        _options = options;
        Receive<StartChild>(_ => StartNow());
        Receive<StopGracefully>(_ => BeginStop());
        Receive<LeaveTimedOut>(_ => LeaveTimedOutNow());
        Receive<ResetRestarts>(r => { if (r.Generation == _generation) _restarts = 0; });
        Receive<Terminated>(t => t.ActorRef.Equals(_current), _ => OnChildTerminated());
        ReceiveAny(m => (_current ?? Context.System.DeadLetters).Forward(m));
    }

    public static Props Props(Props child, StrategyHostOptions options) => Akka.Actor.Props.Create(() => new StrategySupervisor(child, options));

    protected override void PreStart() => StartNow();

    // Stop the failed incarnation; its Terminated arms the delayed restart.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(cause =>
    {
        _failure = cause;
        return Directive.Stop;
    });

    private void StartNow()
    {
        _failure = null;
        _generation++;
        _current = Context.Watch(Context.ActorOf(_child, ChildName));
        Timers.StartSingleTimer("reset", new ResetRestarts(_generation), _options.ResetAfter);
    }

    private void BeginStop()
    {
        if (_stopping) return;
        _stopping = true;
        if (_current is null || !typeof(StrategyActor).IsAssignableFrom(_child.Type))
        {
            Context.Stop(Self);
            return;
        }
        Timers.StartSingleTimer("leave", new LeaveTimedOut(), _options.LeaveTimeout);
        _current.Tell(new StrategyActor.Leave());
    }

    private void LeaveTimedOutNow()
    {
        if (_current is null) return;
        _log.Warning("Strategy {0} did not leave the desk within {1}: stopped without the desk's confirmation", _current.Path, _options.LeaveTimeout);
        Context.Stop(_current);
    }

    private void OnChildTerminated()
    {
        _current = null;
        Timers.Cancel("reset");
        if (_stopping)
        {
            Context.Stop(Self);
            return;
        }
        if (_failure is not { } cause)
        {
            Context.Stop(Self); // it stopped by itself: nothing to restart
            return;
        }
        if (_options.MaxRestarts >= 0 && _restarts >= _options.MaxRestarts)
        {
            Context.Parent.Tell(new ChildFailed(cause, _restarts, null));
            Context.Stop(Self);
            return;
        }
        var delay = RestartBackoff.Delay(_restarts, _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor, Random.Shared.NextDouble());
        _restarts++;
        Timers.StartSingleTimer("backoff", new StartChild(), delay);
        Context.Parent.Tell(new ChildFailed(cause, _restarts, delay));
    }
}
