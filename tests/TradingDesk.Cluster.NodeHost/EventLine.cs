using System.Text.Json;

namespace TradingDesk.Cluster.NodeHost;

/// <summary>
/// Writes one JSON object per line on stdout, each with an "event" name: what the tests read. Akka's own log lines go
/// to stdout too, but never start with '{', so a reader tells them apart by the first character.
/// </summary>
public static class EventLine
{
    public static void Write(string name, params (string Key, object? Value)[] fields)
    {
        var line = new Dictionary<string, object?>(fields.Length + 1) { ["event"] = name };
        foreach (var (key, value) in fields) line[key] = value;
        var text = JsonSerializer.Serialize(line);
        // Console.Out is synchronized: actors on several threads write, and each WriteLine lands whole, never
        // interleaved with another line. It flushes every write, so a reader sees the line at once.
        Console.Out.WriteLine(text);
    }
}
