namespace TradingDesk.Actors.Event;

/// <summary>
/// System-wide publish/subscribe by type: a subscriber to a type receives every published event assignable
/// to it (so subscribing to a base class or interface receives all its implementations). Subscribers that
/// have stopped are removed on the next publish that would reach them.
/// <code>
/// Sys.EventStream.Subscribe&lt;DeadLetter&gt;(TestActor);
/// </code>
/// </summary>
public sealed class EventStream
{
    private readonly object _gate = new();
    private Subscription[] _subscriptions = [];

    /// <summary>Subscribes <paramref name="subscriber"/> to events assignable to <paramref name="channel"/>. False if already subscribed.</summary>
    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            foreach (var s in _subscriptions)
                if (s.Channel == channel && s.Subscriber.Equals(subscriber)) return false;
            _subscriptions = [.. _subscriptions, new Subscription(subscriber, channel)];
            return true;
        }
    }

    public bool Subscribe<T>(IActorRef subscriber) => Subscribe(subscriber, typeof(T));

    /// <summary>Removes one subscription. False if there was none.</summary>
    public bool Unsubscribe(IActorRef subscriber, Type channel) =>
        Remove(s => s.Channel == channel && s.Subscriber.Equals(subscriber));

    /// <summary>Removes all subscriptions of <paramref name="subscriber"/>.</summary>
    public bool Unsubscribe(IActorRef subscriber) => Remove(s => s.Subscriber.Equals(subscriber));

    /// <summary>Delivers <paramref name="event"/> to every matching subscriber (no sender).</summary>
    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        List<IActorRef>? dead = null;
        foreach (var s in Volatile.Read(ref _subscriptions))
        {
            if (!s.Channel.IsAssignableFrom(type)) continue;
            // Delivering to a stopped subscriber would create a dead letter that is published again.
            if (s.Subscriber.IsTerminated())
            {
                (dead ??= []).Add(s.Subscriber);
                continue;
            }
            s.Subscriber.Tell(@event, null);
        }
        if (dead is not null)
            foreach (var d in dead) Unsubscribe(d);
    }

    private bool Remove(Func<Subscription, bool> match)
    {
        lock (_gate)
        {
            var kept = _subscriptions.Where(s => !match(s)).ToArray();
            if (kept.Length == _subscriptions.Length) return false;
            _subscriptions = kept;
            return true;
        }
    }

    private sealed record Subscription(IActorRef Subscriber, Type Channel);
}
