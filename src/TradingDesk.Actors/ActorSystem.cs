using Microsoft.Extensions.Logging;
using TradingDesk.Actors.Event;

namespace TradingDesk.Actors;

/// <summary>
/// The root of a tree of actors: the root guardian <c>/</c>, the user guardian <c>/user</c> (parent of
/// actors created with <see cref="ActorOf"/>) and the system guardian <c>/system</c>.
/// <code>
/// var system = ActorSystem.Create("desk");
/// var counter = system.ActorOf(Props.Create(() =&gt; new Counter()), "counter");
/// counter.Tell(new Increment());
/// var n = await counter.Ask&lt;int&gt;(new GetCount(), TimeSpan.FromSeconds(1));
/// await system.Terminate();
/// </code>
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _root;
    private readonly TimeProviderScheduler _scheduler;
    private int _terminateRequested;
    private long _tempCounter;

    private ActorSystem(string name, ActorSystemSettings settings)
    {
        Name = name;
        Settings = settings;
        Log = settings.LoggerFactory.CreateLogger("TradingDesk.Actors.ActorSystem");
        _scheduler = new TimeProviderScheduler(settings.TimeProvider);
        var rootPath = ActorPath.Root(name);
        DeadLetters = new DeadLetterActorRef(this, rootPath / "deadLetters");
        TempPath = rootPath / "temp";
        _root = new ActorCell(this, null, Props.Create<RootGuardian>(), rootPath);
        UserGuardian = _root.MakeChild(Props.Create<Guardian>(), "user").Cell;
        SystemGuardian = _root.MakeChild(Props.Create<Guardian>(), "system").Cell;
        _root.SendSystem(Actors.Create.Instance);
    }

    public string Name { get; }

    public ActorSystemSettings Settings { get; }

    public EventStream EventStream { get; } = new();

    public IScheduler Scheduler => _scheduler;

    /// <summary>Where undeliverable messages go.</summary>
    public IActorRef DeadLetters { get; }

    public TimeProvider TimeProvider => Settings.TimeProvider;

    public ILoggerFactory LoggerFactory => Settings.LoggerFactory;

    /// <summary>Completes once every actor has stopped after <see cref="Terminate"/>.</summary>
    public Task WhenTerminated => _terminated.Task;

    internal ILogger Log { get; }

    internal ActorCell UserGuardian { get; }

    internal ActorCell SystemGuardian { get; }

    internal ActorPath TempPath { get; }

    /// <summary>Creates a system. Names are letters, digits, '-' and '_', starting with a letter or digit.</summary>
    public static ActorSystem Create(string name, ActorSystemSettings? settings = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!char.IsAsciiLetterOrDigit(name[0]) || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
            throw new ArgumentException($"Invalid actor system name [{name}]: use letters, digits, '-' and '_'.", nameof(name));
        settings ??= new ActorSystemSettings();
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Throughput, 1, nameof(settings));
        return new ActorSystem(name, settings);
    }

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null) => UserGuardian.MakeChild(props, name);

    public IActorRef ActorOf<TActor>(string? name = null) where TActor : ActorBase, new() =>
        ActorOf(Props.Create<TActor>(), name);

    /// <summary>Stops an actor asynchronously (its current message completes first).</summary>
    public void Stop(IActorRef actor)
    {
        if (actor is ActorRefBase r) r.SendSystem(Actors.Terminate.Instance);
    }

    /// <summary>
    /// Stops all actors in order: the user guardian stops its children top-down (each actor's children
    /// finish, PostStop included, before the actor's own PostStop), then the system guardian, then the
    /// root; then <see cref="WhenTerminated"/> completes. Idempotent.
    /// </summary>
    public Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminateRequested, 1) == 0) UserGuardian.SelfRef.SendSystem(Actors.Terminate.Instance);
        return WhenTerminated;
    }

    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    public override string ToString() => $"ActorSystem({Name})";

    internal void OnRootTerminated()
    {
        _scheduler.CancelAll();
        Log.LogDebug("Actor system {Name} terminated", Name);
        _terminated.TrySetResult();
    }

    internal ActorPath NextTempPath() => TempPath / ("$" + Interlocked.Increment(ref _tempCounter));

    /// <summary>Stops the root once the user guardian has stopped: that stops /system, then the root.</summary>
    private sealed class RootGuardian : UntypedActor
    {
        protected override void PreStart() => Context.Watch(Context.Child("user"));

        protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

        protected override void OnReceive(object message)
        {
            if (message is Terminated) Context.Stop(Self);
            else Unhandled(message);
        }
    }

    private sealed class Guardian : UntypedActor
    {
        protected override void OnReceive(object message) => Unhandled(message);
    }
}
