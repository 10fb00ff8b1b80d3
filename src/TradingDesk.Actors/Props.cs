namespace TradingDesk.Actors;

/// <summary>
/// How to create an actor: its factory plus deployment options. Immutable; reuse one Props for many actors.
/// <code>
/// var props = Props.Create(() =&gt; new OrderActor(orderId, risk));
/// var order = Context.ActorOf(props, $"order-{orderId}");
/// </code>
/// </summary>
public sealed class Props
{
    private Props(Type actorType, Func<ActorBase> factory, SupervisorStrategy? strategy, int mailboxCapacity)
    {
        ActorType = actorType;
        Factory = factory;
        SupervisorStrategy = strategy;
        MailboxCapacity = mailboxCapacity;
    }

    /// <summary>The type of actor this Props creates.</summary>
    public Type ActorType { get; }

    /// <summary>Overrides the actor's own SupervisorStrategy() for its children when set.</summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>
    /// 0 for an unbounded mailbox (the default). Otherwise the most user messages the mailbox holds;
    /// overflow policy: a message told to a full mailbox is not enqueued and goes to dead letters
    /// (logged and published as <see cref="Event.DeadLetter"/>). System messages are never bounded.
    /// </summary>
    public int MailboxCapacity { get; }

    internal Func<ActorBase> Factory { get; }

    /// <summary>Creates actors with <paramref name="factory"/>; called once per incarnation (again on restart).</summary>
    public static Props Create<TActor>(Func<TActor> factory) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory, null, 0);
    }

    /// <summary>Creates actors with their parameterless constructor.</summary>
    public static Props Create<TActor>() where TActor : ActorBase, new() =>
        new(typeof(TActor), static () => new TActor(), null, 0);

    /// <summary>Creates actors of <paramref name="actorType"/> through reflection with the given arguments.</summary>
    public static Props Create(Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType))
            throw new ArgumentException($"{actorType} is not an actor (does not derive from ActorBase).", nameof(actorType));
        return new Props(actorType, () => (ActorBase)Activator.CreateInstance(actorType, args)!, null, 0);
    }

    /// <summary>Sets the strategy with which the created actor supervises its children.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy) =>
        new(ActorType, Factory, strategy ?? throw new ArgumentNullException(nameof(strategy)), MailboxCapacity);

    /// <summary>
    /// Bounds the mailbox to <paramref name="capacity"/> user messages; see <see cref="MailboxCapacity"/>
    /// for the overflow policy.
    /// </summary>
    public Props WithBoundedMailbox(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return new Props(ActorType, Factory, SupervisorStrategy, capacity);
    }

    public override string ToString() => $"Props({ActorType.Name})";
}
