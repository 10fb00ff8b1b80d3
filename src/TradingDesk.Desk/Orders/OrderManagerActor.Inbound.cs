using Microsoft.Extensions.Logging;
using TradingDesk.Actors;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using Pb = IBApi.protobuf;

namespace TradingDesk.Desk.Orders;

/// <summary>Inbound order messages, their delivery to owners and subscribers, and subscriptions.</summary>
public sealed partial class OrderManagerActor
{
    private void OnInbound(GatewayMessages.Inbound inbound)
    {
        var message = inbound.Message;
        Collect(message, inbound.ReceivedAt);
        if (message is Pb.NextValidId n)
        {
            OfferIds(n.OrderId, "nextValidId");
            return;
        }
        if (message is Pb.ErrorMessage e && SettlesCancel(e)) return;
        foreach (var ev in _book.Observe(message, inbound.ReceivedAt))
        {
            Apply(ev);
            if (ev is BookEvent.Observed o) Deliver(o);
        }
    }

    /// <summary>
    /// Errors that answer a cancel of ours: 135/161 (and 10147/10148) fail the cancel's askers with the gateway's
    /// error; 202 "Order Canceled" is the normal end of a cancel and is not passed on. True when handled here.
    /// </summary>
    private bool SettlesCancel(Pb.ErrorMessage e)
    {
        var id = new OrderId(e.Id);
        if (!_pendingCancels.TryGetValue(id, out var askers)) return false;
        if (e.ErrorCode == 202)
        {
            _pendingCancels.Remove(id);
            return true;
        }
        if (!OrderBook.IsCancelFailure(e.ErrorCode)) return false;
        _pendingCancels.Remove(id);
        var failure = new GatewayError(e.ErrorCode, e.ErrorMsg, string.IsNullOrEmpty(e.AdvancedOrderRejectJson) ? null : e.AdvancedOrderRejectJson);
        Log.LogInformation("Cancel of order {OrderId} failed: {Failure}", id, failure);
        foreach (var (command, asker) in askers) asker.Tell(new RequestFailed(command, failure));
        return askers.Count > 0;
    }

    /// <summary>To the owning strategy (if it is bound) and to every order-update subscriber, each once.</summary>
    private void Deliver(BookEvent.Observed observed)
    {
        IActorRef? owner = null;
        if (observed.Owned && _book.Orders.TryGetValue(observed.Event.OrderId, out var order) && order.Strategy is { } s)
            _strategies.TryGetValue(s, out owner);
        owner?.Tell(observed.Event, Self);
        foreach (var subscriber in _subscribers.Values.Distinct())
            if (!subscriber.Equals(owner)) subscriber.Tell(observed.Event, Self);
        if (observed.Event is OrderEvents.OrderRejected r)
            Log.LogWarning("Order {OrderId} rejected: {Reason}", r.OrderId, r.Reason);
    }

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
        foreach (var s in _strategies.Where(kv => kv.Value.Equals(t.ActorRef)).Select(kv => kv.Key).ToList()) _strategies.Remove(s);
    }
}
