using System.Text.Json;

namespace TradingDesk.Hosting;

/// <summary>
/// Reads a JSON settings file the way the configuration's JSON provider does (comments and trailing commas allowed,
/// keys compared case-insensitively, array items keyed by index) and remembers the line of every key, so errors can
/// say where a setting was written. Malformed JSON becomes a <see cref="DeskStartException"/> with file and line.
/// </summary>
public sealed class JsonSettingsFile
{
    private readonly Dictionary<string, int> _lines;

    private JsonSettingsFile(string path, Dictionary<string, int> lines)
    {
        Path = path;
        _lines = lines;
    }

    /// <summary>The file as it is shown to the user (relative to the working directory when under it).</summary>
    public string Path { get; }

    /// <summary>Every key the file sets ("TradingDesk:Strategies:0:Name"), sections and list items included.</summary>
    public IEnumerable<string> Keys => _lines.Keys;

    /// <summary>The 1-based line where <paramref name="key"/> ("TradingDesk:Strategies:0:Name") is written, if it is.</summary>
    public int? LineOf(string key) => _lines.TryGetValue(key, out var line) ? line : null;

    /// <summary>Reads and checks <paramref name="fullPath"/>; throws <see cref="DeskStartException"/> when it is not valid JSON settings.</summary>
    public static JsonSettingsFile Read(string fullPath)
    {
        var shown = Display(fullPath);
        var bytes = File.ReadAllBytes(fullPath);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var data = bytes.AsMemory(start);
        var lineStarts = LineStarts(data.Span);
        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(data.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        int LineAt(long offset) => Line(lineStarts, offset);
        try
        {
            if (!reader.Read()) throw new DeskStartException($"{shown}: the file is empty; it must hold one JSON object ({{ ... }})");
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new DeskStartException($"{shown} line {LineAt(reader.TokenStartIndex)}: the file must hold one JSON object ({{ ... }}), not a {Describe(reader.TokenType)}");
            Walk(ref reader, "", lines, LineAt, shown);
            if (reader.Read()) throw new DeskStartException($"{shown} line {LineAt(reader.TokenStartIndex)}: more JSON after the closing '}}' of the file's object");
        }
        catch (JsonException ex)
        {
            throw new DeskStartException($"{shown} line {(ex.LineNumber ?? 0) + 1}: malformed JSON: {Explain(ex)}");
        }
        return new JsonSettingsFile(shown, lines);
    }

    // Positioned on StartObject; returns positioned on its EndObject.
    private static void Walk(ref Utf8JsonReader reader, string prefix, Dictionary<string, int> lines, Func<long, int> lineAt, string shown)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            var line = lineAt(reader.TokenStartIndex);
            var key = prefix.Length == 0 ? name : $"{prefix}:{name}";
            if (!seen.TryAdd(name, line))
                throw new DeskStartException($"{shown} line {line}: {key} is set twice in the same object (first on line {seen[name]}); keep one");
            lines[key] = line;
            reader.Read();
            Value(ref reader, key, lines, lineAt, shown);
        }
    }

    private static void Value(ref Utf8JsonReader reader, string key, Dictionary<string, int> lines, Func<long, int> lineAt, string shown)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                Walk(ref reader, key, lines, lineAt, shown);
                break;
            case JsonTokenType.StartArray:
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = $"{key}:{index++}";
                    lines[item] = lineAt(reader.TokenStartIndex);
                    Value(ref reader, item, lines, lineAt, shown);
                }
                break;
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "list ([ ... ])",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string Explain(JsonException ex)
    {
        var text = ex.Message;
        var cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0) cut = text.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) text = text[..cut];
        if (text.Contains("Expected depth to be zero", StringComparison.Ordinal) || text.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
            return "the file ends before every '{' and '[' is closed (a missing '}' or ']', or a value after the last ':')";
        if (text.Contains("after a single JSON value", StringComparison.Ordinal))
            return "more JSON after the closing '}' of the file's object";
        return text.TrimEnd('.') + " (a missing comma, quote or bracket nearby?)";
    }

    private static List<int> LineStarts(ReadOnlySpan<byte> data)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < data.Length; i++) if (data[i] == (byte)'\n') starts.Add(i + 1);
        return starts;
    }

    private static int Line(List<int> starts, long offset)
    {
        var i = starts.BinarySearch((int)offset);
        return (i >= 0 ? i : ~i - 1) + 1;
    }

    private static string Display(string fullPath)
    {
        var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
