using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;

namespace TradingDesk.Desk.Strategies;

/// <summary>
/// Starts named strategies, keeps them running and reports their state. Each strategy runs under its own
/// <see cref="StrategySupervisor"/> (<c>/user/&lt;host&gt;/&lt;name&gt;/strategy</c>): a strategy that throws, in a handler
/// or in its constructor, is stopped and started again after a growing delay, so a strategy that fails on every tick
/// does not spin. The host learns what happens from its supervisors (a failure, once the restart timer is armed:
/// Restarting, count + 1, and <see cref="StrategyLifecycle.RestartScheduled"/> on the EventStream), from the
/// EventStream (<see cref="StrategyLifecycle.Started"/>: Running), and from watching the supervisor (Stopped: on
/// request, or the strategy stopped itself, or restarts ran out).
/// Per strategy: Starting → Running ⇄ Restarting; any → Stopping → Stopped; Running/Restarting → Stopped (gave up).
/// </summary>
public sealed class StrategyHost : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private sealed class Entry(string name, IActorRef supervisor, DateTimeOffset since)
    {
        public string Name { get; } = name;
        public IActorRef Supervisor { get; } = supervisor;
        public StrategyRunState State { get; set; } = StrategyRunState.Starting;
        public int Failures { get; set; }
        public string? LastFailure { get; set; }
        public DateTimeOffset Since { get; set; } = since;
        public List<IActorRef> StopWaiters { get; } = [];
        public bool GaveUp { get; set; }
    }

    private readonly StrategyHostOptions _options;
    private readonly Dictionary<string, Entry> _entries = [];
    private readonly List<(IActorRef Asker, HashSet<string> Pending, List<string> Names)> _stopAll = [];

    public StrategyHost(StrategyHostOptions options)
    {
        _options = options.Validated();
        Receive<StartStrategy>(Start);
        Receive<StopStrategy>(s => Stop(s.Name, Sender, s));
        Receive<StopAll>(_ => StopEverything(Sender));
        Receive<SendToStrategy>(s =>
        {
            if (_entries.TryGetValue(s.Name, out var e) && e.State != StrategyRunState.Stopped) e.Supervisor.Forward(s.Message);
            else Sender.Tell(new RequestFailed(s, new InvalidRequest($"no running strategy named '{s.Name}'")));
        });
        Receive<GetStrategyStates>(_ => Sender.Tell(new StrategyStates(
            [.. _entries.Values.OrderBy(e => e.Name).Select(e => new StrategyState(e.Name, e.State, e.Failures, e.LastFailure, e.Since))])));
        Receive<StrategySupervisor.ChildFailed>(OnFailed);
        Receive<StrategyLifecycle.Started>(OnStarted);
        Receive<StrategyLifecycle.Stopped>(_ => { });
        Receive<Terminated>(OnTerminated);
    }

    public static Props Props(StrategyHostOptions? options = null) =>
        Akka.Actor.Props.Create(() => new StrategyHost(options ?? new StrategyHostOptions()));

    protected override void PreStart() => Context.System.EventStream.Subscribe<StrategyLifecycle.Started>(Self);

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private DateTimeOffset Now => Context.System.Scheduler.Now;

    private void Start(StartStrategy s)
    {
        if (_entries.TryGetValue(s.Name, out var existing) && existing.State != StrategyRunState.Stopped)
        {
            Sender.Tell(new RequestFailed(s, new InvalidRequest($"a strategy named '{s.Name}' is already {existing.State}")));
            return;
        }
        IActorRef supervisor;
        try
        {
            supervisor = Context.ActorOf(StrategySupervisor.Props(s.Props, _options), s.Name);
        }
        catch (InvalidActorNameException ex)
        {
            Sender.Tell(new RequestFailed(s, new InvalidRequest(ex.Message)));
            return;
        }
        Context.Watch(supervisor);
        _entries[s.Name] = new Entry(s.Name, supervisor, Now);
        _log.Info("Strategy {0} starting", s.Name);
        Sender.Tell(new StrategyStarted(s.Name, supervisor));
    }

    private void Stop(string name, IActorRef asker, object command)
    {
        if (!_entries.TryGetValue(name, out var e))
        {
            asker.Tell(new RequestFailed(command, new InvalidRequest($"no strategy named '{name}'")));
            return;
        }
        if (e.State == StrategyRunState.Stopped)
        {
            asker.Tell(new StrategyStopped(name));
            return;
        }
        e.StopWaiters.Add(asker);
        Transition(e, StrategyRunState.Stopping);
        e.Supervisor.Tell(new StrategySupervisor.StopGracefully());
    }

    private void StopEverything(IActorRef asker)
    {
        var live = _entries.Values.Where(e => e.State != StrategyRunState.Stopped).ToList();
        var names = _entries.Keys.Order().ToList();
        if (live.Count == 0)
        {
            asker.Tell(new AllStopped(names));
            return;
        }
        _stopAll.Add((asker, live.Select(e => e.Name).ToHashSet(), names));
        foreach (var e in live)
        {
            Transition(e, StrategyRunState.Stopping);
            e.Supervisor.Tell(new StrategySupervisor.StopGracefully());
        }
    }

    private Entry? Owning(IActorRef actor) =>
        _entries.Values.FirstOrDefault(e => actor.Path.Parent is { } parent && parent.Equals(e.Supervisor.Path) && e.State != StrategyRunState.Stopped);

    private void OnFailed(StrategySupervisor.ChildFailed failed)
    {
        var e = _entries.Values.FirstOrDefault(x => x.Supervisor.Equals(Sender) && x.State != StrategyRunState.Stopped);
        if (e is null) return;
        var cause = WhatTheStrategyThrew(failed.Cause);
        e.Failures++;
        e.LastFailure = $"{cause.GetType().Name}: {cause.Message}";
        _log.Warning("Strategy {0} failed ({1} so far): {2}", e.Name, e.Failures, e.LastFailure);
        if (failed.RestartAfter is null) e.GaveUp = true;
        if (e.State == StrategyRunState.Stopping || failed.RestartAfter is not { } delay) return;
        Transition(e, StrategyRunState.Restarting);
        Context.System.EventStream.Publish(new StrategyLifecycle.RestartScheduled(e.Name, e.Failures, delay, e.LastFailure, Now));
    }

    /// <summary>
    /// A constructor that throws reaches the supervisor wrapped by Akka: ActorInitializationException around the
    /// producer's TypeLoadException ("Error while creating actor instance…") around the reflection call's
    /// TargetInvocationException. Report what the strategy threw, not the wrappers (but keep a strategy's own inner
    /// exceptions: only these wrappers are taken off).
    /// </summary>
    internal static Exception WhatTheStrategyThrew(Exception cause)
    {
        while (cause is ActorInitializationException or TypeLoadException or System.Reflection.TargetInvocationException
               && cause.InnerException is { } inner)
            cause = inner;
        return cause;
    }

    private void OnStarted(StrategyLifecycle.Started started)
    {
        if (Owning(started.Actor) is { State: not StrategyRunState.Stopping } e) Transition(e, StrategyRunState.Running);
    }

    private void OnTerminated(Terminated t)
    {
        var e = _entries.Values.FirstOrDefault(x => x.Supervisor.Equals(t.ActorRef));
        if (e is null) return;
        if (e.State != StrategyRunState.Stopping)
            _log.Warning("Strategy {0} stopped by itself or was given up after {1} failures", e.Name, e.Failures);
        Transition(e, StrategyRunState.Stopped);
        if (e.GaveUp) Context.System.EventStream.Publish(new StrategyLifecycle.GaveUp(e.Name, e.Failures, e.LastFailure ?? "", Now));
        foreach (var waiter in e.StopWaiters) waiter.Tell(new StrategyStopped(e.Name));
        e.StopWaiters.Clear();
        foreach (var all in _stopAll.ToList())
        {
            all.Pending.Remove(e.Name);
            if (all.Pending.Count > 0) continue;
            all.Asker.Tell(new AllStopped(all.Names));
            _stopAll.Remove(all);
        }
    }

    private void Transition(Entry e, StrategyRunState state)
    {
        if (e.State == state) return;
        e.State = state;
        e.Since = Now;
    }
}
