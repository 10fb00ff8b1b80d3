using System.Text;

namespace TradingDesk.Testing;

public abstract partial class TestKitBase
{
    /// <summary>Expects a message of type <typeparamref name="T"/> within the timeout (default: <see cref="RemainingOrDefault"/>).</summary>
    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsg<T>((Func<T, bool>?)null, timeout);

    /// <summary>Expects a message equal to <paramref name="expected"/>.</summary>
    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) =>
        ExpectMsg<T>(m => Equals(m, expected), timeout, $"{typeof(T).Name} equal to {expected}");

    /// <summary>
    /// Expects the next message to be a <typeparamref name="T"/> satisfying <paramref name="predicate"/>.
    /// <code>var fill = ExpectMsg&lt;Filled&gt;(f =&gt; f.Quantity == 100m, TimeSpan.FromSeconds(3));</code>
    /// </summary>
    public T ExpectMsg<T>(Func<T, bool>? predicate, TimeSpan? timeout = null, string? hint = null)
    {
        var wait = timeout ?? RemainingOrDefault;
        var what = hint ?? (predicate is null ? typeof(T).Name : $"{typeof(T).Name} matching the predicate");
        if (!TryTake(wait, out var r))
            throw Failure($"Expected {what} within {Format(wait)}, but no message arrived.");
        if (r.Message is not T typed)
            throw Failure($"Expected {what} within {Format(wait)}, but received {Describe(r)}.");
        if (predicate is not null && !predicate(typed))
            throw Failure($"Expected {what} within {Format(wait)}, but received {Describe(r)}, which does not match.");
        return typed;
    }

    /// <summary>Expects no message for <paramref name="duration"/> (default: <see cref="TestKitOptions.DefaultNoMessageWait"/>).</summary>
    public void ExpectNoMsg(TimeSpan? duration = null)
    {
        var wait = duration ?? Options.DefaultNoMessageWait;
        if (TryTake(wait, out var r))
            throw Failure($"Expected no message for {Format(wait)}, but received {Describe(r)}.");
    }

    /// <summary>Receives the next message of any type.</summary>
    public object ReceiveOne(TimeSpan? timeout = null)
    {
        var wait = timeout ?? RemainingOrDefault;
        return TryTake(wait, out var r) ? r.Message : throw Failure($"Expected a message within {Format(wait)}, but none arrived.");
    }

    /// <summary>Receives exactly <paramref name="count"/> messages, all within <paramref name="timeout"/> in total.</summary>
    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null)
    {
        var wait = timeout ?? RemainingOrDefault;
        var end = DateTime.UtcNow + wait;
        var result = new List<object>(count);
        while (result.Count < count)
        {
            if (!TryTake(Clamp(end - DateTime.UtcNow), out var r))
                throw Failure($"Expected {count} messages within {Format(wait)}, but received only {result.Count}.");
            result.Add(r.Message);
        }
        return result;
    }

    /// <summary>
    /// Skips messages until one satisfies <paramref name="isTheOne"/> and returns it; fails if none does
    /// within the timeout.
    /// </summary>
    public object FishForMessage(Func<object, bool> isTheOne, TimeSpan? timeout = null, string? hint = null) =>
        FishForMessage<object>(isTheOne, timeout, hint);

    /// <summary>Skips messages until a <typeparamref name="T"/> satisfying <paramref name="isTheOne"/> arrives.</summary>
    public T FishForMessage<T>(Func<T, bool>? isTheOne = null, TimeSpan? timeout = null, string? hint = null)
    {
        var wait = timeout ?? RemainingOrDefault;
        var end = DateTime.UtcNow + wait;
        var skipped = 0;
        while (true)
        {
            if (!TryTake(Clamp(end - DateTime.UtcNow), out var r))
                throw Failure($"Fished for {hint ?? typeof(T).Name} for {Format(wait)} and skipped {skipped} messages, but none matched.");
            if (r.Message is T t && (isTheOne is null || isTheOne(t))) return t;
            skipped++;
        }
    }

    private bool TryTake(TimeSpan wait, out Received received)
    {
        if (_available.Wait(Clamp(wait)) && _queue.TryDequeue(out received))
        {
            LastSender = received.Sender;
            lock (_history)
            {
                _history.Add(received);
                if (_history.Count > 10) _history.RemoveAt(0);
            }
            return true;
        }
        received = default;
        return false;
    }

    private TestKitAssertionException Failure(string text)
    {
        var sb = new StringBuilder(text).Append(" (failed at ").Append(At(_clock.Elapsed)).Append(')');
        lock (_history)
        {
            if (_history.Count > 0)
            {
                sb.AppendLine().Append("Last messages taken:");
                foreach (var h in _history) sb.AppendLine().Append("  ").Append(Describe(h));
            }
        }
        if (!_queue.IsEmpty)
        {
            sb.AppendLine().Append("Still queued:");
            foreach (var q in _queue.Take(10)) sb.AppendLine().Append("  ").Append(Describe(q));
        }
        return new TestKitAssertionException(sb.ToString());
    }

    private static string Describe(Received r) =>
        $"{r.Message.GetType().Name} {r.Message} from {r.Sender.Path} at {At(r.At)}";

    private static string At(TimeSpan t) => $"+{t.TotalSeconds:0.000}s";

    private static string Format(TimeSpan t) => t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.###} s" : $"{t.TotalMilliseconds:0} ms";

    private static TimeSpan Clamp(TimeSpan t) => t < TimeSpan.Zero ? TimeSpan.Zero : t;
}
