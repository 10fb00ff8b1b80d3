using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace TradingDesk.Hosting;

/// <summary>
/// Binds a configuration section onto an options record, in the user's words: every key must name a property
/// (otherwise: the key, where it was written, the nearest valid name and the valid ones), and every value must convert
/// (otherwise: the setting, where, what was given and what is expected). Durations go through <see cref="Durations"/>.
/// Replaces the configuration binder, whose errors speak of .NET types and BinderOptions.
/// </summary>
public sealed class SettingsBinder(SettingLocations where)
{
    /// <summary>Binds <paramref name="section"/> onto a new <typeparamref name="T"/> (defaults for what is not set).</summary>
    public T Bind<T>(IConfigurationSection section) where T : class, new() => (T)BindRecord(typeof(T), section);

    /// <summary>The keys <paramref name="type"/> takes at the top level (its settable public properties).</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Keys(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true })
            .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>"unknown setting X (file line n); did you mean Y? (Z takes: …)".</summary>
    public string Unknown(string path, string key, IEnumerable<string> valid, string what = "setting")
    {
        var names = valid.ToList();
        var parent = path.Contains(':', StringComparison.Ordinal) ? path[..path.LastIndexOf(':')] : null;
        var nearest = NearestName.Of(key, names);
        return $"unknown {what} {path}{where.Suffix(path)}" +
            (nearest is null ? "" : $"; did you mean {nearest}?") +
            (names.Count == 0 ? $" ({parent ?? "it"} takes none)" : $" ({(parent is null ? "valid" : parent + " takes")}: {string.Join(", ", names)})");
    }

    private object BindRecord(Type type, IConfigurationSection section)
    {
        var keys = Keys(type);
        var instance = Activator.CreateInstance(type)!;
        foreach (var child in section.GetChildren())
        {
            if (!keys.TryGetValue(child.Key, out var property)) throw new DeskStartException(Unknown(child.Path, child.Key, keys.Keys));
            property.SetValue(instance, BindValue(property.PropertyType, child, IsNullable(property)));
        }
        return instance;
    }

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null ||
        new NullabilityInfoContext().Create(property).WriteState == NullabilityState.Nullable;

    private object? BindValue(Type type, IConfigurationSection section, bool nullable)
    {
        var children = section.GetChildren().ToList();
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var empty = children.Count == 0 && string.IsNullOrEmpty(section.Value);
        if (empty && nullable) return null; // JSON null, or an empty value
        if (underlying == typeof(string))
            return children.Count == 0 ? section.Value ?? "" : throw Problem(section, "is a section ({ ... }); expected text");
        if (Scalar(underlying) is { } expected)
        {
            if (children.Count > 0) throw Problem(section, $"is a section ({{ ... }}); expected {expected}");
            return Convert(underlying, section);
        }
        if (underlying.IsArray)
        {
            var element = underlying.GetElementType()!;
            if (children.Count == 0 && !empty) throw Problem(section, $"is {Given(section.Value)}; expected a list [ ... ]");
            var items = children.Select(c => (Index: int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1, Section: c)).ToList();
            if (items.Any(i => i.Index < 0)) throw Problem(section, "is a section ({ ... }); expected a list [ ... ]");
            var array = Array.CreateInstance(element, items.Count == 0 ? 0 : items.Max(i => i.Index) + 1);
            foreach (var (index, item) in items) array.SetValue(BindValue(element, item, nullable: false), index);
            return array;
        }
        if (underlying == typeof(Dictionary<string, string>))
        {
            if (children.Count == 0 && !empty) throw Problem(section, $"is {Given(section.Value)}; expected a section of names and text values");
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var c in children)
                map[c.Key] = c.GetChildren().Any() ? throw Problem(c, "is a section ({ ... }); expected text (write numbers and durations as strings, e.g. \"5s\")") : c.Value ?? "";
            return map;
        }
        if (children.Count == 0 && !empty)
            throw Problem(section, $"is {Given(section.Value)}; expected a section with: {string.Join(", ", Keys(underlying).Keys)}");
        return BindRecord(underlying, section);
    }

    private static string? Scalar(Type t) =>
        t == typeof(int) || t == typeof(long) ? "a whole number"
        : t == typeof(decimal) || t == typeof(double) ? "a number"
        : t == typeof(bool) ? "true or false"
        : t == typeof(TimeSpan) ? Durations.Expected
        : t == typeof(DateTimeOffset) ? "a date and time such as \"2026-01-05T15:00:00Z\""
        : t.IsEnum ? string.Join(" or ", Enum.GetNames(t))
        : null;

    private object Convert(Type t, IConfigurationSection section)
    {
        var text = section.Value?.Trim() ?? "";
        var inv = CultureInfo.InvariantCulture;
        if (t == typeof(TimeSpan))
            return Durations.TryParse(text, out var span, out var problem) ? span : throw Problem(section, problem);
        object? value = t switch
        {
            _ when t == typeof(int) => int.TryParse(text, NumberStyles.Integer, inv, out var i) ? i : null,
            _ when t == typeof(long) => long.TryParse(text, NumberStyles.Integer, inv, out var l) ? l : null,
            _ when t == typeof(decimal) => decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, inv, out var d) ? d : null,
            _ when t == typeof(double) => double.TryParse(text, NumberStyles.Float, inv, out var f) && double.IsFinite(f) ? f : null,
            _ when t == typeof(bool) => bool.TryParse(text, out var b) ? b : null,
            // By name only: Enum.TryParse would also take "7" or "1,2", which name no setting.
            _ when t.IsEnum => Enum.GetNames(t).FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse(t, name) : null,
            _ => DateTimeOffset.TryParse(text, inv, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
        };
        return value ?? throw Problem(section, $"is {Given(section.Value)}; expected {Scalar(t)}");
    }

    private static string Given(string? value) => string.IsNullOrEmpty(value) ? "empty" : $"\"{value}\"";

    private DeskStartException Problem(IConfigurationSection section, string problem) => new($"{section.Path}{where.Suffix(section.Path)} {problem}");
}
