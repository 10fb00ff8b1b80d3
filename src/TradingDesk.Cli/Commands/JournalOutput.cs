using System.Globalization;
using System.Text.Json;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>How <c>desk journal</c> prints a <see cref="JournalReport.Report"/>: aligned text, or one JSON document.</summary>
internal static class JournalOutput
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteText(TextWriter stdout, JournalContents contents, JournalReport.Report report, JournalCommand.Request request)
    {
        var where = $"{contents.Store.Describe()}, client id {contents.ClientId}";
        if (contents.Empty)
        {
            stdout.WriteLine($"desk journal: the journal is empty ({where})");
            return;
        }
        stdout.WriteLine($"desk journal: {where}: {contents.Events} events" +
            (contents.SnapshotTime is { } taken ? $" after a snapshot of {Time(taken)}" : "") +
            (request.Since is { } since ? $"; orders and fills since {Time(since)}" : ""));
        stdout.WriteLine($"order-id high-water mark: {report.HighWaterMark} (every id below it is used)");
        if (report.Strategies.Count == 0) stdout.WriteLine(request.Strategy is { } s ? $"no orders of strategy {s}" : "no orders");
        foreach (var section in report.Strategies)
        {
            stdout.WriteLine();
            stdout.WriteLine($"strategy {section.Strategy}");
            stdout.WriteLine($"  orders ({section.Orders.Count})");
            foreach (var o in section.Orders)
                stdout.WriteLine(string.Create(Invariant, $"    {o.Id,6} {o.Side,-6} {o.Quantity,10:0.########} {o.Contract,-20} {o.Status,-14} filled {o.Filled:0.########}"));
            stdout.WriteLine($"  fills ({section.Fills.Count})");
            foreach (var f in section.Fills)
                stdout.WriteLine(string.Create(Invariant, $"    {f.ExecId,-26} {Time(f.Time)} order {f.OrderId,-6} {f.Side,-4} {f.Quantity,10:0.########} @ {f.Price:0.########} {f.Contract}"));
            stdout.WriteLine("  positions");
            if (section.Positions.Count == 0) stdout.WriteLine("    none");
            foreach (var p in section.Positions)
                stdout.WriteLine(string.Create(Invariant, $"    {p.Contract,-20} {p.Quantity,10:+0.########;-0.########;0} avg cost {p.AverageCost:0.########}"));
        }
    }

    /// <summary>Field names are part of the contract; decimals are strings so no JSON reader rounds them.</summary>
    public static void WriteJson(TextWriter stdout, JournalContents contents, JournalReport.Report report, JournalCommand.Request request)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("store", contents.Store.Describe());
            json.WriteNumber("clientId", contents.ClientId);
            json.WriteBoolean("empty", contents.Empty);
            json.WriteNumber("events", contents.Events);
            WriteTime(json, "snapshotTime", contents.SnapshotTime);
            WriteTime(json, "since", request.Since);
            json.WriteNumber("orderIdHighWaterMark", report.HighWaterMark);
            json.WriteStartArray("strategies");
            foreach (var section in report.Strategies) WriteSection(json, section);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteSection(Utf8JsonWriter json, JournalReport.StrategySection section)
    {
        json.WriteStartObject();
        json.WriteString("strategy", section.Strategy);
        json.WriteStartArray("orders");
        foreach (var o in section.Orders)
        {
            json.WriteStartObject();
            json.WriteNumber("id", o.Id);
            json.WriteString("contract", o.Contract);
            json.WriteString("side", o.Side);
            json.WriteString("quantity", Exact(o.Quantity));
            json.WriteString("status", o.Status);
            json.WriteString("filled", Exact(o.Filled));
            WriteTime(json, "journaled", o.Journaled);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("fills");
        foreach (var f in section.Fills)
        {
            json.WriteStartObject();
            json.WriteString("execId", f.ExecId);
            json.WriteNumber("orderId", f.OrderId);
            WriteTime(json, "time", f.Time);
            WriteTime(json, "received", f.Received);
            json.WriteString("contract", f.Contract);
            json.WriteString("side", f.Side);
            json.WriteString("quantity", Exact(f.Quantity));
            json.WriteString("price", Exact(f.Price));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("positions");
        foreach (var p in section.Positions)
        {
            json.WriteStartObject();
            json.WriteString("contract", p.Contract);
            json.WriteString("quantity", Exact(p.Quantity));
            json.WriteString("averageCost", Exact(p.AverageCost));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } t) json.WriteString(name, Time(t));
        else json.WriteNull(name);
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", Invariant);

    /// <summary>The decimal as written, without trailing zeros ("10", "100.4").</summary>
    private static string Exact(decimal d) => (d / 1.0000000000000000000000000000m).ToString(Invariant);
}
