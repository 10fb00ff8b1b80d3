using Microsoft.Extensions.Logging;
using TradingDesk.Actors;
using TradingDesk.Actors.Event;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Strategies.StrategyHostMessages;

namespace TradingDesk.Desk.Strategies;

/// <summary>
/// Starts named strategies, keeps them running and reports their state. Each strategy runs under its own
/// <see cref="BackoffSupervisor"/> (OnFailure mode): a strategy that throws is stopped and started again after a
/// growing delay, so a strategy that fails on every tick does not spin. The host learns what happens from the
/// EventStream: <see cref="Error"/> (a failure: Restarting, count + 1), <see cref="StrategyLifecycle.Started"/> (Running),
/// and from watching the supervisor (Stopped: on request, or the strategy stopped itself, or restarts ran out).
/// Per strategy: Starting → Running ⇄ Restarting; any → Stopping → Stopped; Running/Restarting → Stopped (gave up).
/// </summary>
public sealed class StrategyHost : ReceiveActor
{
    private sealed class Entry(string name, IActorRef supervisor, DateTimeOffset since)
    {
        public string Name { get; } = name;
        public IActorRef Supervisor { get; } = supervisor;
        public StrategyRunState State { get; set; } = StrategyRunState.Starting;
        public int Failures { get; set; }
        public string? LastFailure { get; set; }
        public DateTimeOffset Since { get; set; } = since;
        public List<IActorRef> StopWaiters { get; } = [];
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
        Receive<Error>(OnError);
        Receive<StrategyLifecycle.Started>(OnStarted);
        Receive<StrategyLifecycle.Stopped>(_ => { });
        Receive<Terminated>(OnTerminated);
    }

    public static Props Props(StrategyHostOptions? options = null) =>
        Actors.Props.Create(() => new StrategyHost(options ?? new StrategyHostOptions()));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe<Error>(Self);
        Context.System.EventStream.Subscribe<StrategyLifecycle.Started>(Self);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private DateTimeOffset Now => Context.System.TimeProvider.GetUtcNow();

    private void Start(StartStrategy s)
    {
        if (_entries.TryGetValue(s.Name, out var existing) && existing.State != StrategyRunState.Stopped)
        {
            Sender.Tell(new RequestFailed(s, new InvalidRequest($"a strategy named '{s.Name}' is already {existing.State}")));
            return;
        }
        var backoff = BackoffOptions.OnFailure(s.Props, "strategy", _options.MinBackoff, _options.MaxBackoff, _options.RandomFactor)
            .WithMaxNrOfRetries(_options.MaxRestarts)
            .WithAutoReset(_options.ResetAfter);
        IActorRef supervisor;
        try
        {
            supervisor = Context.ActorOf(BackoffSupervisor.Props(backoff), s.Name);
        }
        catch (InvalidActorNameException ex)
        {
            Sender.Tell(new RequestFailed(s, new InvalidRequest(ex.Message)));
            return;
        }
        Context.Watch(supervisor);
        _entries[s.Name] = new Entry(s.Name, supervisor, Now);
        Log.LogInformation("Strategy {Name} starting", s.Name);
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
        Context.Stop(e.Supervisor);
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
            Context.Stop(e.Supervisor);
        }
    }

    private Entry? Owning(IActorRef actor) =>
        _entries.Values.FirstOrDefault(e => actor.Path.Parent is { } parent && parent.Equals(e.Supervisor.Path) && e.State != StrategyRunState.Stopped);

    private void OnError(Error error)
    {
        if (Owning(error.Actor) is not { } e) return;
        e.Failures++;
        e.LastFailure = $"{error.Cause.GetType().Name}: {error.Cause.Message}";
        Log.LogWarning("Strategy {Name} failed ({Count} so far): {Failure}", e.Name, e.Failures, e.LastFailure);
        if (e.State != StrategyRunState.Stopping) Transition(e, StrategyRunState.Restarting);
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
            Log.LogWarning("Strategy {Name} stopped by itself or was given up after {Count} failures", e.Name, e.Failures);
        Transition(e, StrategyRunState.Stopped);
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
