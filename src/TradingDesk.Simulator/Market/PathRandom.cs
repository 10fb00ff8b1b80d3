namespace TradingDesk.Simulator.Market;

/// <summary>
/// Counter-based randomness: every draw is a pure function of its coordinates (seed, conId, node, draw number),
/// so any point of any path can be computed without replaying from the start.
/// </summary>
internal static class PathRandom
{
    /// <summary>SplitMix64's finaliser: a strong 64-bit mix.</summary>
    internal static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    internal static ulong Key(long seed, int conId, ulong a, ulong b = 0, ulong c = 0) =>
        Mix(Mix(Mix(Mix((ulong)seed) ^ (uint)conId) ^ a) ^ b) ^ Mix(c + 0x9E3779B97F4A7C15UL);

    /// <summary>The n-th uniform draw in (0, 1) for a key.</summary>
    internal static double Uniform(ulong key, int n) =>
        ((Mix(key + (ulong)(n + 1) * 0x9E3779B97F4A7C15UL) >> 11) + 0.5) / (1UL << 53);

    /// <summary>A standard normal draw (Box–Muller on draws n and n+1).</summary>
    internal static double Normal(ulong key, int n)
    {
        var u1 = Uniform(key, n);
        var u2 = Uniform(key, n + 1);
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>An exponential(1) draw.</summary>
    internal static double Exponential(ulong key, int n) => -Math.Log(Uniform(key, n));
}
