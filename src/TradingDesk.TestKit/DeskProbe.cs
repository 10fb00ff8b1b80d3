using System.Text;
using Akka.Actor;
using Akka.TestKit;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Testing;

/// <summary>
/// A stand-in for the desk that speaks its protocol: give <see cref="Ref"/> to a strategy as its desk, expect what the
/// strategy asks for and answer it as the desk would — replies to the command's sender, stream items to the
/// subscriber, order events to the order's owner (the actor registered for its strategy id). Create it with
/// <see cref="DeskTestKit.CreateDeskProbe"/>.
/// <code>
/// var desk = CreateDeskProbe();
/// var maker = Sys.ActorOf(MakerStrategy.Props(desk.Ref, new StrategyId("maker"), options));
/// desk.ExpectRegisterStrategy();
/// desk.ExpectSubscribe&lt;SubscribeMarketData&gt;().Subscribed().Quote(bid: 99m, ask: 100m);
/// desk.ExpectPlaceOrder().Accept(new OrderId(7)).Fill(10, 99m);
/// desk.ExpectNoCommand(DeskTestKit.Quiet);
/// </code>
/// Every Expect takes the NEXT command (as Akka's ExpectMsg takes the next message) and fails with a
/// <see cref="DeskProtocolException"/> saying what was expected, what came and what came before. For anything else
/// use the underlying <see cref="Probe"/>.
/// </summary>
public sealed class DeskProbe
{
    private const int HistoryLength = 10;
    private readonly Dictionary<StrategyId, IActorRef> _registered = [];
    private readonly Dictionary<OrderId, DeskOrder> _orders = [];
    private readonly Queue<string> _history = new();
    private long _nextSubscription = 1;

    internal DeskProbe(TestProbe probe)
    {
        Probe = probe;
        // Bookkeeping between a strategy's base class and the desk, sent after every fill and every order ending the
        // strategy handled: not a command a test expects. Probe.IgnoreNoMessages() shows them again. (One predicate:
        // each IgnoreMessages call replaces the last.)
        Probe.IgnoreMessages(m => m is OrderCommands.AcknowledgeFills or OrderCommands.AcknowledgeEndings);
    }

    /// <summary>The Akka probe underneath (ExpectMsg, FishForMessage, Reply… for what this class does not cover).</summary>
    public TestProbe Probe { get; }

    /// <summary>The desk reference to give the strategy.</summary>
    public IActorRef Ref => Probe.Ref;

    /// <summary>The virtual now of the system's scheduler: the LocalTime of every item and event the probe sends.</summary>
    public DateTimeOffset Now => Probe.Sys.Scheduler.Now;

    /// <summary>
    /// Expects the <see cref="OrderCommands.RegisterStrategy"/> every <c>StrategyActor</c> sends on start and answers it
    /// with <see cref="OrderEvents.StrategyRegistered"/>; the sender becomes the owner of that strategy's orders. To refuse
    /// it instead: <c>ExpectCommand&lt;RegisterStrategy&gt;().Fail(new StrategyIdInUse(…))</c>.
    /// </summary>
    public OrderCommands.RegisterStrategy ExpectRegisterStrategy(StrategyId? strategy = null, TimeSpan? timeout = null)
    {
        var request = ExpectCommand<OrderCommands.RegisterStrategy>(r => strategy is null || r.Strategy == strategy, timeout,
            strategy is null ? null : $"RegisterStrategy({strategy})");
        _registered[request.Command.Strategy] = request.Sender;
        request.Reply(new OrderEvents.StrategyRegistered(request.Command.Strategy));
        return request.Command;
    }

    /// <summary>
    /// Expects a Subscribe command (<c>SubscribeMarketData</c>, <c>SubscribeRealTimeBars</c>, <c>SubscribeDepth</c>,
    /// <c>SubscribeOrderUpdates</c>…); the handle confirms it, streams items and ends it. Ids are 1, 2, … in order.
    /// </summary>
    public DeskSubscription<TCommand> ExpectSubscribe<TCommand>(Func<TCommand, bool>? predicate = null, TimeSpan? timeout = null)
        where TCommand : IDeskCommand
    {
        var request = ExpectCommand(predicate, timeout);
        return new DeskSubscription<TCommand>(this, request.Command, request.Sender, new SubscriptionId(_nextSubscription++));
    }

    /// <summary>Expects a <see cref="OrderCommands.PlaceOrder"/>; the handle accepts, refuses, fills, rejects or cancels it.</summary>
    public DeskOrder ExpectPlaceOrder(Func<OrderCommands.PlaceOrder, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var request = ExpectCommand(predicate, timeout);
        var owner = _registered.GetValueOrDefault(request.Command.Strategy) ?? request.Sender;
        return new DeskOrder(this, request.Command, request.Sender, owner);
    }

    /// <summary>Expects a <see cref="OrderCommands.CancelOrder"/> (of order <paramref name="id"/> when given).</summary>
    public DeskCancel ExpectCancelOrder(OrderId? id = null, TimeSpan? timeout = null)
    {
        var request = ExpectCommand<OrderCommands.CancelOrder>(c => id is null || c.OrderId == id, timeout, id is null ? null : $"CancelOrder({id})");
        return new DeskCancel(this, request.Command, request.Sender);
    }

    /// <summary>Expects a <see cref="OrderCommands.ModifyOrder"/> (of order <paramref name="id"/> when given).</summary>
    public DeskModify ExpectModifyOrder(OrderId? id = null, TimeSpan? timeout = null)
    {
        var request = ExpectCommand<OrderCommands.ModifyOrder>(c => id is null || c.OrderId == id, timeout, id is null ? null : $"ModifyOrder({id})");
        return new DeskModify(this, request.Command, request.Sender);
    }

    /// <summary>
    /// Expects the next command to be a <typeparamref name="TCommand"/> (matching <paramref name="predicate"/>): any
    /// request, e.g. <c>GetAccountSummary</c>, answered with <see cref="DeskRequest{TCommand}.Reply"/> or
    /// <see cref="DeskRequest{TCommand}.Fail"/>.
    /// </summary>
    public DeskRequest<TCommand> ExpectCommand<TCommand>(Func<TCommand, bool>? predicate = null, TimeSpan? timeout = null, string? hint = null)
    {
        var wait = timeout ?? Probe.RemainingOrDefault;
        var what = hint ?? (predicate is null ? typeof(TCommand).Name : $"{typeof(TCommand).Name} matching the predicate");
        if (!Probe.TryReceiveOne(out var envelope, wait))
            throw Failure($"Expected {what} within {Format(wait)}, but the strategy sent nothing.");
        var seen = Describe(envelope.Message, envelope.Sender);
        if (envelope.Message is not TCommand command)
            throw Failure($"Expected {what} within {Format(wait)}, but received {seen}.{HintFor(envelope.Message)}");
        if (predicate is not null && !predicate(command))
            throw Failure($"Expected {what} within {Format(wait)}, but received {seen}, which does not match.");
        Record(seen);
        return new DeskRequest<TCommand>(this, command, envelope.Sender);
    }

    /// <summary>Expects the strategy to send nothing for <paramref name="duration"/> (pass <see cref="DeskTestKit.Quiet"/>).</summary>
    public void ExpectNoCommand(TimeSpan duration)
    {
        if (Probe.TryReceiveOne(out var envelope, duration))
            throw Failure($"Expected no command for {Format(duration)}, but received {Describe(envelope.Message, envelope.Sender)}.");
    }

    /// <summary>The order accepted under <paramref name="id"/> through this probe.</summary>
    public DeskOrder OrderOf(OrderId id) =>
        _orders.GetValueOrDefault(id) ?? throw new InvalidOperationException($"No order {id} was accepted through this probe (Accept it on the handle of ExpectPlaceOrder).");

    internal void Remember(DeskOrder order) => _orders[order.Id] = order;

    private void Record(string seen)
    {
        _history.Enqueue(seen);
        if (_history.Count > HistoryLength) _history.Dequeue();
    }

    private DeskProtocolException Failure(string text)
    {
        var message = new StringBuilder(text);
        if (_history.Count > 0)
        {
            message.AppendLine().Append("Commands taken before:");
            foreach (var earlier in _history) message.AppendLine().Append("  ").Append(earlier);
        }
        return new DeskProtocolException(message.ToString());
    }

    private static string HintFor(object message) => message is OrderCommands.RegisterStrategy
        ? " Every StrategyActor registers on start: take it first with ExpectRegisterStrategy()."
        : "";

    private static string Describe(object message, IActorRef sender) => $"{message.GetType().Name} {message} from {sender.Path}";

    private static string Format(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.###} s" : $"{t.TotalMilliseconds:0} ms";
}
