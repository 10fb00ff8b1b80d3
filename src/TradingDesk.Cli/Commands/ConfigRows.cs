using System.Reflection;
using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.GatewayConfigMessages;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// The gateway's settings as rows of <c>desk config</c>: one per setting the gateway sent, under IB's dotted name
/// (the name an update's changed fields and errors use, so the two read alike); settings it did not send are left out.
/// </summary>
internal static class ConfigRows
{
    public static IReadOnlyList<Row> Of(GatewaySettings settings)
    {
        var rows = new List<Row>();
        Section(rows, "lockAndExit", settings.LockAndExit);
        foreach (var m in settings.Messages)
        {
            var prefix = $"messages[{m.Id}]";
            Add(rows, prefix + ".title", m.Title);
            Add(rows, prefix + ".enabled", m.Enabled);
            Add(rows, prefix + ".defaultAction", m.DefaultAction);
        }
        Section(rows, "api.precautions", settings.Precautions);
        Section(rows, "api.settings", settings.Api);
        Section(rows, "orders.smartRouting", settings.SmartRouting);
        return rows;
    }

    // The sections are flat records of IB's fields: each property is one setting, named in IB's camel case.
    private static void Section(List<Row> rows, string prefix, object? section)
    {
        if (section is null) return;
        foreach (var property in section.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.DeclaringType == section.GetType()))
        {
            var value = property.GetValue(section);
            if (value is IReadOnlyList<string> list) value = list.Count == 0 ? null : string.Join(',', list);
            Add(rows, $"{prefix}.{char.ToLowerInvariant(property.Name[0])}{property.Name[1..]}", value);
        }
    }

    private static void Add(List<Row> rows, string setting, object? value)
    {
        if (value is null) return;
        rows.Add(new Row { { "setting", setting }, { "value", value } });
    }
}
