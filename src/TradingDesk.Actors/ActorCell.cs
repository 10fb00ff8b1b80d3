using TradingDesk.Actors.Event;

namespace TradingDesk.Actors;

/// <summary>
/// The runtime side of one actor: mailbox, lifecycle state, children, watchers. Everything except the
/// producer side of the mailbox and the children map is touched only on the actor's own turn (Execute),
/// which the scheduled flag keeps exclusive, so those fields need no locks.
/// Split into partials: Dispatch (mailbox, turns), Lifecycle (create, restart, stop), DeathWatch,
/// Supervision, Async (ReceiveAsync), Children.
/// </summary>
internal sealed partial class ActorCell : IActorContext
{
    [ThreadStatic] private static ActorCell? t_current;

    private static long s_uid;

    private readonly ActorSystem _system;
    private readonly ActorCell? _parent;
    private readonly Props _props;
    private readonly LocalActorRef _self;
    private ActorBase? _actor;
    private Envelope? _current;
    private CellState _state;
    private bool _awaitingAsync;
    private bool _creatingActor;
    private bool _stopRequestedByParent; // read and written only on the parent's turn
    private HashSet<IActorRef>? _watchers; // who watches me
    private HashSet<IActorRef>? _watching; // whom I watch
    private CellExtras? _extras;

    internal ActorCell(ActorSystem system, ActorCell? parent, Props props, ActorPath path)
    {
        _system = system;
        _parent = parent;
        _props = props;
        _self = new LocalActorRef(this, path, Interlocked.Increment(ref s_uid));
        _user.Init();
        _sys.Init();
    }

    private enum CellState : byte
    {
        Normal,
        Failed, // waiting for the supervisor's directive
        Restarting, // waiting for stopping children before the new instance is created
        Terminating, // waiting for children before PostStop
    }

    /// <summary>The cell whose turn runs on this thread, if any.</summary>
    internal static ActorCell? Current => t_current;

    internal bool IsCreatingActor => _creatingActor;

    internal LocalActorRef SelfRef => _self;

    internal ActorCell? ParentCell => _parent;

    internal ActorBase? Actor => _actor;

    internal IActorRef? SenderOrNull => _current?.Sender;

    private CellExtras Extras => _extras ??= new CellExtras();

    public IActorRef Self => _self;

    public IActorRef Sender => _current?.Sender ?? _system.DeadLetters;

    public IActorRef Parent => (IActorRef?)_parent?._self ?? ActorRefs.Nobody;

    public ActorSystem System => _system;

    public Props Props => _props;

    public TimeSpan? ReceiveTimeout => _extras?.ReceiveTimeout;

    public void Become(Receive receive) => LiveActor.Become(receive, discardOld: true);

    public void BecomeStacked(Receive receive) => LiveActor.Become(receive, discardOld: false);

    public void UnbecomeStacked() => LiveActor.Unbecome();

    private ActorBase LiveActor
    {
        get
        {
            EnsureOnTurn();
            return _actor ?? throw new InvalidOperationException("The actor is not running.");
        }
    }

    /// <summary>
    /// The context mutates state owned by the actor's turn. Used from another thread — typically a task
    /// continuation inside a handler — it would race with the next message, so we refuse loudly.
    /// </summary>
    internal void EnsureOnTurn()
    {
        if (t_current != this)
            throw new InvalidOperationException(
                $"The context of [{_self.Path}] was used outside the actor's turn (e.g. in a task continuation). " +
                "Send the result to the actor with PipeTo(Self), or use ReceiveAsync.");
    }

    public void Stop(IActorRef actor)
    {
        EnsureOnTurn();
        if (actor is not ActorRefBase r) return;
        // Only a child still in our map will send ChildTerminated; marking any other would make a restart
        // wait for a notification that never comes.
        if (r is LocalActorRef l && l.Cell._parent == this && IsCurrentChild(l)) MarkChildStopping(l.Cell);
        r.SendSystem(Terminate.Instance);
    }

    internal void PublishUnhandled(object message)
    {
        var sender = _current?.Sender;
        _system.EventStream.Publish(new UnhandledMessage(message, sender, _self));
        _system.LogUnhandled(message, sender, _self);
    }

    public override string ToString() => $"ActorCell({_self.Path})";

    /// <summary>Rarely used per-actor state, allocated on first use so an idle plain actor stays small.</summary>
    private sealed class CellExtras
    {
        public LinkedList<Envelope>? Prepend; // unstashed messages, handled before the mailbox
        public Stash? Stash;
        public TimerScheduler? Timers;
        public TimeSpan? ReceiveTimeout;
        public ITimer? ReceiveTimeoutTimer;
        public Exception? RestartCause;
        public object? FailedMessage;
        public int StoppingChildren; // children we asked to stop that have not reported ChildTerminated yet
        public Dictionary<IActorRef, ChildRestartStats>? RestartStats;
        public ActorSynchronizationContext? SyncContext;
        public Task? AsyncTask;
        public Envelope? AsyncEnvelope;
    }
}
