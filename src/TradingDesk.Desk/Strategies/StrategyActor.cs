using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Strategies;

/// <summary>
/// Base class of strategies. A strategy knows only the desk (the DeskActor, or anything that speaks the desk's
/// messages) and its <see cref="StrategyId"/>. It
/// <list type="bullet">
/// <item>registers with the order manager on start, so events of its orders arrive in its mailbox even when the
/// orders were placed through <see cref="AskDesk{T}"/> or by an earlier incarnation (if another live actor holds its
/// strategy id, the registration is refused and the strategy fails with <see cref="StrategyIdInUse"/>);</item>
/// <item>asks the desk from <c>ReceiveAsync</c> handlers with <see cref="AskDesk{T}"/> (RequestFailed becomes a
/// <see cref="DeskRequestException"/>; no answer within the timeout, measured on the scheduler, becomes one with RequestTimedOut);</item>
/// <item>subscribes with <see cref="Subscribe"/> (items arrive in its mailbox) and remembers the id of every
/// <see cref="SubscriptionMessages.Subscribed"/> reply; on stop (and before a restart) it unsubscribes each;</item>
/// <item>on a real stop, cancels its working orders when <see cref="StrategyOptions.CancelOrdersOnStop"/> is set.</item>
/// </list>
/// Override <see cref="OnStart"/> / <see cref="OnStop"/> instead of PreStart / PostStop; use this class's
/// <see cref="Become(Action)"/> so the base handlers stay registered.
/// </summary>
public abstract class StrategyActor : ReceiveActor
{
    private readonly Dictionary<SubscriptionId, object> _subscriptions = [];

    protected StrategyActor(IActorRef desk, StrategyId strategyId, StrategyOptions? options = null)
    {
        Desk = desk ?? throw new ArgumentNullException(nameof(desk));
        StrategyId = strategyId;
        Options = options ?? StrategyOptions.Default;
        RegisterBaseHandlers();
    }

    protected IActorRef Desk { get; }

    protected StrategyId StrategyId { get; }

    protected StrategyOptions Options { get; }

    /// <summary>The live subscriptions (ids of Subscribed replies not yet ended or unsubscribed).</summary>
    protected IReadOnlyCollection<SubscriptionId> Subscriptions => _subscriptions.Keys;

    /// <summary>Runs when the strategy starts and again after every restart: subscribe here.</summary>
    protected virtual void OnStart()
    {
    }

    /// <summary>Runs when the strategy stops and before a restart, before its subscriptions are released.</summary>
    protected virtual void OnStop()
    {
    }

    /// <summary>A subscription was confirmed (its id is already remembered).</summary>
    protected virtual void OnSubscribed(SubscriptionMessages.Subscribed subscribed)
    {
    }

    /// <summary>A subscription ended (by request or failure); it is already forgotten.</summary>
    protected virtual void OnSubscriptionEnded(SubscriptionMessages.SubscriptionEnded ended)
    {
    }

    /// <summary>Sends a command to the desk with this strategy as the sender (replies and stream items come here).</summary>
    protected void TellDesk(object command) => Desk.Tell(command, Self);

    /// <summary>Starts a subscription: the Subscribed reply and the items arrive in this strategy's mailbox.</summary>
    protected void Subscribe(object subscribeCommand) => Desk.Tell(subscribeCommand, Self);

    /// <summary>Ends a subscription (the desk's Unsubscribe, or the order manager's for order updates).</summary>
    protected void Unsubscribe(SubscriptionId id)
    {
        if (_subscriptions.Remove(id, out var request)) Desk.Tell(UnsubscribeFor(id, request), Self);
    }

    /// <summary>
    /// Asks the desk and awaits the reply as a <typeparamref name="T"/>. Use from ReceiveAsync handlers: the code after
    /// the await runs on the actor's turn. Throws <see cref="DeskRequestException"/> with the typed failure.
    /// Do not subscribe through it: stream items would go to the temporary asker, not to this strategy.
    /// </summary>
    protected async Task<T> AskDesk<T>(object command, TimeSpan? timeout = null)
    {
        var wait = timeout ?? Options.AskTimeout;
        // The deadline is a scheduler timer, not Ask's own timeout (which runs on real time): one virtual clock then
        // drives it in tests, like every other deadline of the desk.
        // Not disposed: the TestKit's scheduler ignores the cancelable and runs Cancel after the reply too, which must
        // then be a harmless no-op (a source with no timer of its own holds nothing that needs disposing).
        var deadline = new CancellationTokenSource();
        var timer = Context.System.Scheduler.Advanced.ScheduleOnceCancelable(wait, deadline.Cancel);
        object reply;
        try
        {
            reply = await Desk.Ask(command, cancellationToken: deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new DeskRequestException(new RequestTimedOut(wait));
        }
        finally
        {
            timer.Cancel();
        }
        return reply switch
        {
            RequestFailed failed => throw new DeskRequestException(failed.Failure),
            T typed => typed,
            _ => throw new DeskRequestException(new InvalidRequest($"{command.GetType().Name} was answered with {reply.GetType().Name}, not {typeof(T).Name}")),
        };
    }

    /// <summary>Places an order for this strategy; returns its id once it is sent.</summary>
    protected async Task<OrderId> PlaceOrderAsync(ContractSpec contract, OrderSpec order, decimal? referencePrice = null) =>
        (await AskDesk<OrderEvents.OrderAccepted>(new OrderCommands.PlaceOrder(contract, order, StrategyId, referencePrice))).OrderId;

    protected Task<OrderEvents.BracketAccepted> PlaceBracketAsync(ContractSpec contract, Bracket bracket, decimal? referencePrice = null) =>
        AskDesk<OrderEvents.BracketAccepted>(new OrderCommands.PlaceBracket(contract, bracket, StrategyId, referencePrice));

    protected Task<OrderEvents.OrderModifySent> ModifyOrderAsync(OrderId id, OrderSpec order) =>
        AskDesk<OrderEvents.OrderModifySent>(new OrderCommands.ModifyOrder(id, order, StrategyId));

    protected Task<OrderEvents.CancelSent> CancelOrderAsync(OrderId id) =>
        AskDesk<OrderEvents.CancelSent>(new OrderCommands.CancelOrder(id));

    /// <summary>Replaces the behaviour, keeping the base handlers (subscription bookkeeping) in front.</summary>
    protected new void Become(Action configure) => base.Become(() =>
    {
        RegisterBaseHandlers();
        configure();
    });

    /// <summary>Pushes a behaviour, keeping the base handlers in front.</summary>
    protected new void BecomeStacked(Action configure) => base.BecomeStacked(() =>
    {
        RegisterBaseHandlers();
        configure();
    });

    protected sealed override void PreStart()
    {
        Desk.Tell(new OrderCommands.RegisterStrategy(StrategyId), Self);
        Context.System.EventStream.Publish(new StrategyLifecycle.Started(StrategyId, Self, Context.System.Scheduler.Now));
        OnStart();
    }

    protected sealed override void PostStop()
    {
        try
        {
            OnStop();
        }
        finally
        {
            // From nobody: this actor is gone, so the replies (SubscriptionEnded, CancelsSent) would only be dead letters.
            // The router knows a subscriber by its ref and so ignores an Unsubscribe from nobody, but it watches every
            // subscriber: this actor's Terminated releases its lines there; the order manager ends by id.
            ReleaseSubscriptions(ActorRefs.Nobody);
            if (Options.CancelOrdersOnStop) Desk.Tell(new OrderCommands.CancelStrategyOrders(StrategyId), ActorRefs.Nobody);
            Context.System.EventStream.Publish(new StrategyLifecycle.Stopped(StrategyId, Self, Context.System.Scheduler.Now));
        }
    }

    /// <summary>Before a restart: release subscriptions (OnStart subscribes again) but keep the orders working.</summary>
    protected sealed override void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.GetChildren()) Context.Stop(child);
        try
        {
            OnStop();
        }
        finally
        {
            ReleaseSubscriptions(Self); // the same ref lives on: the router must know it is this subscriber leaving
        }
    }

    private void ReleaseSubscriptions(IActorRef sender)
    {
        foreach (var (id, request) in _subscriptions) Desk.Tell(UnsubscribeFor(id, request), sender);
        _subscriptions.Clear();
    }

    /// <summary>Order-update subscriptions end at the order manager; every other subscription at the desk's router.</summary>
    private static object UnsubscribeFor(SubscriptionId id, object request) => request is OrderCommands.SubscribeOrderUpdates
        ? new OrderCommands.UnsubscribeOrderUpdates(id)
        : new SubscriptionMessages.Unsubscribe(id);

    private void RegisterBaseHandlers()
    {
        Receive<SubscriptionMessages.Subscribed>(s =>
        {
            _subscriptions[s.Id] = s.Request;
            OnSubscribed(s);
        });
        Receive<SubscriptionMessages.SubscriptionEnded>(e =>
        {
            _subscriptions.Remove(e.Id);
            OnSubscriptionEnded(e);
        });
        Receive<OrderEvents.StrategyRegistered>(_ => { });
        // Another live actor runs under this strategy id: fail, so the host reports why and retries after a backoff
        // (by then the other may have stopped). Running on would mean never hearing of this strategy's own orders.
        Receive<RequestFailed>(f => f.Request is OrderCommands.RegisterStrategy, f => throw new DeskRequestException(f.Failure));
    }
}
