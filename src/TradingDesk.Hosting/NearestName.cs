namespace TradingDesk.Hosting;

/// <summary>The valid name closest to a misspelt one (edit distance, case-insensitive), for "did you mean" messages.</summary>
public static class NearestName
{
    public static string? Of(string given, IEnumerable<string> valid) =>
        valid.Select(v => (Name: v, Distance: Distance(given.ToUpperInvariant(), v.ToUpperInvariant())))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).Select(x => x.Name).FirstOrDefault();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
