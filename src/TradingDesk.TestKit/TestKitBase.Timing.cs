using System.Diagnostics;

namespace TradingDesk.Testing;

public abstract partial class TestKitBase
{
    /// <summary>
    /// Runs <paramref name="action"/> and fails if it takes longer than <paramref name="max"/>. Inside the
    /// block, Expect methods without an explicit timeout wait at most for the time that is left.
    /// </summary>
    public void Within(TimeSpan max, Action action) => Within(TimeSpan.Zero, max, action);

    /// <summary>Like <see cref="Within(TimeSpan, Action)"/>, also failing if the block ends before <paramref name="min"/>.</summary>
    public void Within(TimeSpan min, TimeSpan max, Action action) => Within(min, max, () =>
    {
        action();
        return true;
    });

    /// <summary>Within that returns the block's result.</summary>
    public T Within<T>(TimeSpan max, Func<T> func) => Within(TimeSpan.Zero, max, func);

    public T Within<T>(TimeSpan min, TimeSpan max, Func<T> func)
    {
        var outer = _deadline;
        var start = Stopwatch.GetTimestamp();
        var deadline = DateTime.UtcNow + max;
        _deadline = outer is { } o && o < deadline ? o : deadline;
        try
        {
            var result = func();
            var took = Stopwatch.GetElapsedTime(start);
            if (took > max) throw Failure($"Block took {Format(took)}, more than the allowed {Format(max)}.");
            if (took < min) throw Failure($"Block took {Format(took)}, less than the required {Format(min)}.");
            return result;
        }
        finally
        {
            _deadline = outer;
        }
    }

    /// <summary>
    /// Retries <paramref name="assertion"/> every <paramref name="interval"/> (default 50 ms) until it stops
    /// throwing, for at most <paramref name="duration"/>; then rethrows its last exception wrapped with the time spent.
    /// <code>AwaitAssert(() =&gt; Assert.Equal(3, positions.Count));</code>
    /// </summary>
    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        var max = duration ?? RemainingOrDefault;
        var pause = interval ?? TimeSpan.FromMilliseconds(50);
        var start = Stopwatch.GetTimestamp();
        var attempts = 0;
        while (true)
        {
            attempts++;
            try
            {
                assertion();
                return;
            }
            catch (Exception ex) when (Stopwatch.GetElapsedTime(start) < max)
            {
                _ = ex;
            }
            catch (Exception ex)
            {
                throw new TestKitAssertionException(
                    $"Assertion still failing after {Format(Stopwatch.GetElapsedTime(start))} ({attempts} attempts): {ex.Message}");
            }
            // The one place the TestKit waits by time: polling an assertion that has no event to wait on.
            Thread.Sleep(Min(pause, Clamp(max - Stopwatch.GetElapsedTime(start))));
        }
    }

    /// <summary>Waits until <paramref name="condition"/> is true, polling like <see cref="AwaitAssert"/>.</summary>
    public void AwaitCondition(Func<bool> condition, TimeSpan? duration = null, string? message = null) =>
        AwaitAssert(() =>
        {
            if (!condition()) throw new TestKitAssertionException(message ?? "Condition not met.");
        }, duration);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
