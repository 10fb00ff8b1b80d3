using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradingDesk.Cli.Commands;

/// <summary>One output record: ordered (IB field name, value) pairs, printed as a table row or as one JSON object.</summary>
public sealed class Row : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));
}

/// <summary>
/// A computed average (avgCost, avgFillPrice, avgPrice): the gateway sends a double such as 78.3739215686274, which a
/// table shows rounded to <see cref="Decimals"/> places while --json keeps the gateway's value.
/// </summary>
public readonly record struct Average(decimal Value, int Decimals)
{
    /// <summary>4 decimal places; 6 for currency pairs, whose prices already have 5.</summary>
    public static Average? Of(decimal? value, TradingDesk.Desk.Domain.SecType? secType) =>
        value is { } v ? new Average(v, secType == TradingDesk.Desk.Domain.SecType.Forex ? 6 : 4) : null;

    public override string ToString() =>
        Math.Round(Value, Decimals, MidpointRounding.AwayFromZero).ToString("0." + new string('#', Decimals), CultureInfo.InvariantCulture);
}

/// <summary>
/// Prints rows either as a readable aligned table (headers are the IB field names) or, with <c>--json</c>, as one JSON
/// object per line. Numbers stay numbers in JSON; null values are left out of JSON and blank in tables.
/// </summary>
public static class RowWriter
{
    public static void Write(TextWriter stdout, IReadOnlyList<Row> rows, bool json, string empty)
    {
        if (json)
        {
            foreach (var row in rows) stdout.WriteLine(Json(row));
            return;
        }
        if (rows.Count == 0)
        {
            stdout.WriteLine(empty);
            return;
        }
        // Columns empty in every row (e.g. no expiry for stocks) are left out of the table.
        var headers = rows[0].Select(c => c.Key).Where(h => rows.Any(r => r.FirstOrDefault(c => c.Key == h).Value is not null)).ToList();
        var cells = rows.Select(r => headers.Select(h => Text(r.FirstOrDefault(c => c.Key == h).Value)).ToList()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, cells.Max(r => r[i].Length))).ToList();
        var numeric = headers.Select((_, i) => rows.All(r => r.FirstOrDefault(c => c.Key == headers[i]).Value is null or decimal or int or long or double or Average)).ToList();
        stdout.WriteLine(Line(headers, widths, numeric));
        stdout.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var r in cells) stdout.WriteLine(Line(r, widths, numeric));
    }

    private static string Line(IReadOnlyList<string> cells, IReadOnlyList<int> widths, IReadOnlyList<bool> numeric) =>
        string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();

    public static string Text(object? value) => value switch
    {
        null => "",
        Average a => a.ToString(),
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Json(Row row)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            foreach (var (name, value) in row)
            {
                switch (value)
                {
                    case null: break;
                    case decimal d: json.WriteNumber(name, d); break;
                    case Average a: json.WriteNumber(name, a.Value); break;
                    case int i: json.WriteNumber(name, i); break;
                    case long l: json.WriteNumber(name, l); break;
                    case double d: json.WriteNumber(name, d); break;
                    case bool b: json.WriteBoolean(name, b); break;
                    default: json.WriteString(name, Text(value)); break;
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
