namespace TradingDesk.Desk.Strategies;

/// <summary>
/// The delay before a failed strategy's next incarnation: min(max, min × 2ⁿ) for the n-th restart (from 0),
/// stretched by up to <c>randomFactor</c> so that strategies that fail together do not restart together. The same
/// formula as Akka's <c>BackoffSupervisor</c>; the strategy supervisor computes it itself because it also restarts a
/// strategy whose constructor threw, which Akka's backoff supervisor treats as final. Pure.
/// </summary>
public static class RestartBackoff
{
    public static TimeSpan Delay(int restartCount, TimeSpan min, TimeSpan max, double randomFactor, double random01)
    {
        var exponential = min.TotalMilliseconds * Math.Pow(2, Math.Min(restartCount, 30));
        if (exponential >= max.TotalMilliseconds) return max;
        var stretched = exponential * (1 + random01 * randomFactor);
        return TimeSpan.FromMilliseconds(Math.Min(stretched, max.TotalMilliseconds));
    }
}
