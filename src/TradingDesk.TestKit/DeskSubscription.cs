using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Testing;

/// <summary>
/// A Subscribe command a strategy sent to a <see cref="DeskProbe"/>. Confirm it with <see cref="Subscribed"/>, then
/// stream items into the subscriber; every item carries this subscription's <see cref="Id"/>, as the desk's would.
/// <code>
/// var bars = desk.ExpectSubscribe&lt;SubscribeRealTimeBars&gt;();
/// bars.Subscribed();
/// bars.Bar(close: 101m);
/// bars.End();
/// </code>
/// </summary>
public sealed class DeskSubscription<TCommand> : DeskRequest<TCommand>
{
    private bool _confirmed;

    internal DeskSubscription(DeskProbe desk, TCommand command, IActorRef sender, SubscriptionId id) : base(desk, command, sender) => Id = id;

    /// <summary>The subscription's id (the probe numbers them 1, 2, … unless <see cref="Subscribed"/> is given one).</summary>
    public SubscriptionId Id { get; private set; }

    /// <summary>The desk's first reply: <see cref="SubscriptionMessages.Subscribed"/> with <see cref="Id"/> (or <paramref name="id"/>).</summary>
    public DeskSubscription<TCommand> Subscribed(SubscriptionId? id = null)
    {
        if (id is { } given) Id = given;
        _confirmed = true;
        Reply(new SubscriptionMessages.Subscribed(Id, Command!));
        return this;
    }

    /// <summary>Streams one item built for this subscription's id into the subscriber.</summary>
    public DeskSubscription<TCommand> Send(Func<SubscriptionId, object> item)
    {
        if (!_confirmed)
            throw new InvalidOperationException($"Confirm {typeof(TCommand).Name} with Subscribed() before streaming items: the desk always answers Subscribed before the first item.");
        Reply(item(Id));
        return this;
    }

    /// <summary>A level-1 tick (<see cref="Tick"/>) stamped with the virtual now.</summary>
    public DeskSubscription<TCommand> Tick(TickType type, decimal? price, decimal? size = null, string? text = null) =>
        Send(id => new Tick(id, type, price, size, text, 0, Desk.Now));

    /// <summary>Bid and ask ticks, in that order.</summary>
    public DeskSubscription<TCommand> Quote(decimal bid, decimal ask, decimal size = 100) =>
        Tick(TickType.Bid, bid, size).Tick(TickType.Ask, ask, size);

    /// <summary>A 5-second bar (<see cref="RealTimeBar"/>) with every price at <paramref name="close"/> unless given.</summary>
    public DeskSubscription<TCommand> Bar(decimal close, decimal? open = null, decimal? high = null, decimal? low = null, decimal volume = 100) =>
        Send(id => new RealTimeBar(id, Desk.Now, open ?? close, high ?? Math.Max(open ?? close, close), low ?? Math.Min(open ?? close, close),
            close, volume, close, 1, Desk.Now));

    /// <summary>A market depth update (<see cref="DepthUpdate"/>).</summary>
    public DeskSubscription<TCommand> Depth(int position, DepthOperation operation, DepthSide side, decimal? price, decimal size) =>
        Send(id => new DepthUpdate(id, position, operation, side, price, size, null, false, Desk.Now));

    /// <summary>The desk re-sent the subscription after a reconnect (<see cref="SubscriptionMessages.Resubscribed"/>).</summary>
    public DeskSubscription<TCommand> Resubscribed(string reason = "reconnected") =>
        Send(id => new SubscriptionMessages.Resubscribed(id, reason, Desk.Now));

    /// <summary>A warning for the subscription (<see cref="SubscriptionMessages.SubscriptionNotice"/>); the stream stays open.</summary>
    public DeskSubscription<TCommand> Notice(int code, string message) =>
        Send(id => new SubscriptionMessages.SubscriptionNotice(id, code, message, Desk.Now));

    /// <summary>Ends the subscription: <see cref="SubscriptionMessages.SubscriptionEnded"/>, by request (no failure) or with <paramref name="failure"/>.</summary>
    public void End(DeskFailure? failure = null) => Reply(new SubscriptionMessages.SubscriptionEnded(Id, failure));

    /// <summary>
    /// Expects the strategy to end this subscription: <see cref="SubscriptionMessages.Unsubscribe"/> with its id (for
    /// order updates <see cref="OrderCommands.UnsubscribeOrderUpdates"/>), e.g. when it stops.
    /// </summary>
    public void ExpectUnsubscribe(TimeSpan? timeout = null)
    {
        if (Command is OrderCommands.SubscribeOrderUpdates)
            Desk.ExpectCommand<OrderCommands.UnsubscribeOrderUpdates>(u => u.Id == Id, timeout, $"UnsubscribeOrderUpdates({Id})");
        else
            Desk.ExpectCommand<SubscriptionMessages.Unsubscribe>(u => u.Id == Id, timeout, $"Unsubscribe({Id})");
    }
}
