namespace TradingDesk.Simulator.Market;

/// <summary>
/// A random walk with random access, in "Brownian units" (variance one per second), pinned to 0 at the model's
/// anchor instant and built outwards in both directions (side 0 forward, side 1 backward in time).
/// </summary>
/// <remarks>
/// Each side is a binary tree over 2^28 seconds (about 8.5 years). A node knows its start and end values and its
/// high and low; splitting a node draws the midpoint (Brownian-bridge style) and hands the node's high and low
/// to one child each, sampling the other child's extremes below them. Every draw comes from a hash of
/// (seed, conId, side, level, index), so a node is a pure function of its coordinates, any point costs one
/// descent (28 levels), and the high/low of any interval costs two descents — and because extremes are handed
/// down rather than recomputed, a 1-minute bar's high is exactly the highest of its 5-second bars.
/// When a node must carry an extreme far beyond its end values, the midpoint is pulled towards it, so extremes
/// are reached by the path rather than appearing as one-second spikes.
/// </remarks>
internal sealed class PricePath(long seed, int conId, double volumePerSecond)
{
    internal const int Depth = 28;
    internal const long Horizon = 1L << Depth;
    private const double Pull = 1.5;

    internal readonly record struct Node(long Start, long Length, double S, double E, double Hi, double Lo, long Volume);

    /// <summary>Aggregated values over a closed interval of offsets: open, close, high, low, volume.</summary>
    internal readonly record struct Stats(double Open, double Close, double Hi, double Lo, long Volume);

    private Node Root(int side)
    {
        var key = PathRandom.Key(seed, conId, (ulong)side, 0xFFFF);
        var scale = Math.Sqrt(Horizon);
        var e = scale * PathRandom.Normal(key, 0);
        var hi = Math.Max(0, e) + 0.5 * scale * PathRandom.Exponential(key, 2);
        var lo = Math.Min(0, e) - 0.5 * scale * PathRandom.Exponential(key, 3);
        return new Node(0, Horizon, 0, e, hi, lo, (long)(volumePerSecond * Horizon));
    }

    private (Node Left, Node Right) Split(int side, Node n)
    {
        var half = n.Length / 2;
        var level = Depth - (int)Math.Log2(n.Length);
        var key = PathRandom.Key(seed, conId, (ulong)side, (ulong)level, (ulong)(n.Start / n.Length));
        var r = Math.Sqrt(half);
        var maxEnd = Math.Max(n.S, n.E);
        var minEnd = Math.Min(n.S, n.E);
        var bigHi = n.Hi - maxEnd > Pull * r;
        var bigLo = minEnd - n.Lo > Pull * r;
        double m;
        if (bigHi && !bigLo) m = n.Hi - Pull * r * PathRandom.Uniform(key, 0);
        else if (bigLo && !bigHi) m = n.Lo + Pull * r * PathRandom.Uniform(key, 0);
        else m = Reflect((n.S + n.E) / 2 + Math.Sqrt(n.Length) / 2 * PathRandom.Normal(key, 1), n.Lo, n.Hi);

        // Which child carries the node's high and low: the one whose outer end value is nearer the extreme (so
        // the path does not have to travel far to reach it); a coin decides when the two are close. With both
        // extremes far away they go to different children.
        var hiLeft = Math.Abs(n.S - n.E) > 0.5 * r ? n.S > n.E : PathRandom.Uniform(key, 3) < 0.5;
        var loLeft = Math.Abs(n.S - n.E) > 0.5 * r ? n.S < n.E : PathRandom.Uniform(key, 4) < 0.5;
        if (bigHi && bigLo) loLeft = !hiLeft;

        // The child that does not carry an extreme gets a modest one of its own, capped below the next level's
        // pull threshold: otherwise far extremes would multiply down the tree and show up as wild intraday swings.
        var cap = 1.0 * r;
        double OtherHi(double a, double b, int draw) =>
            Math.Max(a, b) + Math.Min(n.Hi - Math.Max(a, b), Math.Min(cap, 0.6 * r * PathRandom.Exponential(key, draw)));
        double OtherLo(double a, double b, int draw) =>
            Math.Min(a, b) - Math.Min(Math.Min(a, b) - n.Lo, Math.Min(cap, 0.6 * r * PathRandom.Exponential(key, draw)));

        var leftHi = hiLeft ? n.Hi : OtherHi(n.S, m, 5);
        var rightHi = hiLeft ? OtherHi(m, n.E, 6) : n.Hi;
        var leftLo = loLeft ? n.Lo : OtherLo(n.S, m, 7);
        var rightLo = loLeft ? OtherLo(m, n.E, 8) : n.Lo;

        // Volume splits 40–60 % so that sums over children always equal the parent.
        var leftVolume = (long)Math.Round(n.Volume * (0.4 + 0.2 * PathRandom.Uniform(key, 9)));
        return (new Node(n.Start, half, n.S, m, leftHi, leftLo, leftVolume),
                new Node(n.Start + half, half, m, n.E, rightHi, rightLo, n.Volume - leftVolume));
    }

    // A midpoint drawn beyond the node's extremes is reflected back inside rather than clamped, so that values
    // do not pile up exactly on the extremes.
    private static double Reflect(double m, double lo, double hi)
    {
        if (m > hi) m = hi - (m - hi);
        if (m < lo) m = lo + (lo - m);
        return Math.Clamp(m, lo, hi);
    }

    // The last descent per side: consecutive seconds share all but the last few levels, so matching that steps
    // second by second costs a couple of splits per quote instead of 28.
    private readonly Node[][] _descent = [new Node[Depth + 1], new Node[Depth + 1]];
    private readonly int[] _descentLength = [0, 0];

    /// <summary>The value at an offset in [0, Horizon] on a side.</summary>
    internal double Point(int side, long offset)
    {
        lock (_descent)
        {
            var stack = _descent[side];
            var level = _descentLength[side] - 1;
            while (level > 0 && (offset < stack[level].Start || offset > stack[level].Start + stack[level].Length)) level--;
            if (level <= 0)
            {
                stack[0] = Root(side);
                level = 0;
            }
            while (true)
            {
                var node = stack[level];
                _descentLength[side] = level + 1;
                if (offset == node.Start) return node.S;
                if (offset == node.Start + node.Length) return node.E;
                var (left, right) = Split(side, node);
                stack[++level] = offset < right.Start ? left : right;
            }
        }
    }

    /// <summary>Open/close/high/low over the closed interval [a, b] and volume over [a, b), 0 ≤ a &lt; b ≤ Horizon.</summary>
    internal Stats Range(int side, long a, long b)
    {
        var hi = double.NegativeInfinity;
        var lo = double.PositiveInfinity;
        long volume = 0;
        Walk(side, Root(side), a, b, ref hi, ref lo, ref volume);
        return new Stats(Point(side, a), Point(side, b), hi, lo, volume);
    }

    private void Walk(int side, Node n, long a, long b, ref double hi, ref double lo, ref long volume)
    {
        var end = n.Start + n.Length;
        if (end <= a || n.Start >= b) return;
        if (n.Start >= a && end <= b)
        {
            hi = Math.Max(hi, n.Hi);
            lo = Math.Min(lo, n.Lo);
            volume += n.Volume;
            return;
        }
        var (left, right) = Split(side, n);
        Walk(side, left, a, b, ref hi, ref lo, ref volume);
        Walk(side, right, a, b, ref hi, ref lo, ref volume);
    }
}
