namespace TradingDesk.Desk.Connection;

/// <summary>Fibonacci reconnect backoff: 1, 2, 3, 5, 8, 13 … units, capped. Pure.</summary>
public static class Backoff
{
    /// <summary>The wait before reconnect attempt number <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan unit, TimeSpan cap)
    {
        if (attempt < 1) throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "attempts count from 1");
        long a = 1, b = 2; // Fibonacci from 1, 2: 1, 2, 3, 5, 8 …
        for (var i = 1; i < attempt && a * unit.Ticks < cap.Ticks; i++) (a, b) = (b, a + b);
        var ticks = a * unit.Ticks;
        return ticks >= cap.Ticks || ticks < 0 ? cap : TimeSpan.FromTicks(ticks);
    }
}
