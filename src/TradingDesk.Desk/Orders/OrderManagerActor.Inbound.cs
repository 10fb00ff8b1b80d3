using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Orders;

/// <summary>Inbound order messages, their delivery to owners and subscribers, and subscriptions.</summary>
public sealed partial class OrderManagerActor
{
    private void OnInbound(GatewayMessages.Inbound inbound)
    {
        var message = inbound.Message;
        Collect(message, inbound.ReceivedAt);
        if (message is Tws.NextValidId n)
        {
            OfferIds(n.OrderId, "nextValidId");
            return;
        }
        if (message is Tws.ErrorMessage e && SettlesCancel(e, inbound.ReceivedAt)) return;
        var events = _book.Observe(message, inbound.ReceivedAt);
        Record(events, () =>
        {
            foreach (var ev in events)
                if (ev is BookEvent.Observed o) Deliver(o);
        });
    }

    /// <summary>
    /// Errors that answer a cancel of ours (<see cref="OrderErrors.Classify"/>). 202 "Order Canceled" is the normal end
    /// and is not passed on (the Cancelled status is). 135/10147 "not found" and 161/10148 "not cancellable" fail the
    /// cancel's askers with the gateway's error, once; the cancel is over. "Not found" also means the gateway does not
    /// know the order: a working order becomes Lost (owner and subscribers get OrderLost), so nothing counts it, waits
    /// for it or cancels it again. True when handled here; otherwise the error is observed as usual.
    /// </summary>
    private bool SettlesCancel(Tws.ErrorMessage e, DateTimeOffset local)
    {
        var id = new OrderId(e.Id);
        if (!_pendingCancels.TryGetValue(id, out var askers)) return false;
        var effect = OrderErrors.Classify(e.ErrorCode);
        if (effect == OrderErrorEffect.Cancelled)
        {
            _pendingCancels.Remove(id);
            return true;
        }
        if (effect is not (OrderErrorEffect.CancelNotFound or OrderErrorEffect.CancelRefused)) return false;
        _pendingCancels.Remove(id);
        var failure = new GatewayError(e.ErrorCode, e.ErrorMsg, string.IsNullOrEmpty(e.AdvancedOrderRejectJson) ? null : e.AdvancedOrderRejectJson);
        _log.Info("Cancel of order {0} failed: {1}", id, failure);
        foreach (var (command, asker) in askers) asker.Tell(new RequestFailed(command, failure));
        if (effect == OrderErrorEffect.CancelNotFound && _book.Orders.TryGetValue(id, out var order) && order.IsWorking)
        {
            Lose(order, $"the gateway answered the cancel with {e.ErrorCode} ({e.ErrorMsg}): it has no order with this id", local);
            return true;
        }
        return askers.Count > 0;
    }

    /// <summary>
    /// The order leaves the working set for good; its owner and subscribers get OrderLost. Askers of a cancel still
    /// waiting for the gateway's answer get a failure now: that answer would be about an order the gateway lost.
    /// </summary>
    private void Lose(OrderRecord order, string reason, DateTimeOffset local)
    {
        _log.Warning("Order {0} of {1} is lost: {2}", order.Id, order.Strategy, reason);
        var lost = new BookEvent.Observed(new OrderEvents.OrderLost(order.Id, order.Strategy, reason, local), true);
        Record([lost], () =>
        {
            Deliver(lost);
            if (!_pendingCancels.Remove(order.Id, out var askers)) return;
            foreach (var (command, asker) in askers)
                asker.Tell(new RequestFailed(command, new ConnectionLost($"order {order.Id} was lost ({reason}); the cancel cannot be confirmed")));
        });
    }

    /// <summary>
    /// To every order-update subscriber and to the owning strategy (if it is bound), each once. Subscribers first: in
    /// this process the event is then already in the desk monitor's mailbox when the owner handles it, so a view the
    /// owner (or whoever it tells) asks for next has it.
    /// </summary>
    private void Deliver(BookEvent.Observed observed)
    {
        IActorRef? owner = null;
        if (observed.Owned && _book.Orders.TryGetValue(observed.Event.OrderId, out var order) && order.Strategy is { } s
            && _strategies.TryGetValue(s, out var binding) && !HasStopped(binding.Holder))
            owner = binding.Holder;
        foreach (var subscriber in _subscribers.Values.Distinct())
            if (!subscriber.Equals(owner) && !HasStopped(subscriber)) subscriber.Tell(observed.Event, Self);
        if (owner is not null)
        {
            // A fill or an ending counts as delivered only once the holder acknowledges it (AcknowledgeFills,
            // AcknowledgeEndings): the holder may be dead without the desk knowing yet (stopped for a backoff restart,
            // its node gone), and then the next registration sends it again; a strategy that had it drops it. An owner
            // away now gets both at its registration, from the book (OrderBook.Undelivered, UndeliveredEndings).
            owner.Tell(observed.Event, Self);
        }
        if (observed.Event is OrderEvents.OrderRejected r)
            _log.Warning("Order {0} rejected with {1}: {2}", r.OrderId, r.Code, r.Reason);
    }

    /// <summary>
    /// A holder or subscriber in this process that has already stopped: its Terminated may be stashed behind the write
    /// that is being delivered now (Akka stashes every message while a persistent actor writes). Not told, so a clean
    /// stop leaves no dead letters; an unacknowledged fill waits for the next registration as for any absent owner.
    /// </summary>
    // Obsolete in Akka for ordinary use (watch instead): the desk does watch; this covers only the stash's delay.
#pragma warning disable CS0618
    private static bool HasStopped(IActorRef actor) => actor is IInternalActorRef { IsLocal: true, IsTerminated: true };
#pragma warning restore CS0618
    private void OnSubscribe(OrderCommands.SubscribeOrderUpdates command)
    {
        var id = new SubscriptionId(_nextSubscription++);
        _subscribers[id] = Sender;
        Context.Watch(Sender);
        Sender.Tell(new SubscriptionMessages.Subscribed(id, command));
    }

    private void OnUnsubscribe(OrderCommands.UnsubscribeOrderUpdates command)
    {
        _subscribers.Remove(command.Id);
        Sender.Tell(new SubscriptionMessages.SubscriptionEnded(command.Id, null));
    }

    private void OnTerminated(Terminated t)
    {
        foreach (var id in _subscribers.Where(kv => kv.Value.Equals(t.ActorRef)).Select(kv => kv.Key).ToList()) _subscribers.Remove(id);
        OnStrategyTerminated(t);
    }
}
