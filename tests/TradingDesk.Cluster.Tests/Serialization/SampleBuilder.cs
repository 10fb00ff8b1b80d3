using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Cluster.Tests.Serialization;

/// <summary>
/// Builds a sample of any message type with every constructor parameter and settable property at a non-default value
/// (each value distinct), so a field the serializer forgets comes back different; and dumps an object graph to a
/// canonical text (decimals with their scale, times with ticks and offset, lists in order, sets sorted) to compare a
/// value with its round trip by content.
/// </summary>
internal sealed class SampleBuilder(IActorRef actor)
{
    private int _next;

    public object Build(Type type) => Value(type, depth: 0);

    private object Value(Type type, int depth)
    {
        var n = ++_next;
        if (Nullable.GetUnderlyingType(type) is { } inner) return Value(inner, depth);
        if (type == typeof(string)) return $"text-{n}-é✓";
        if (type == typeof(int)) return 1000 + n;
        if (type == typeof(long)) return 9_000_000_000L + n;
        if (type == typeof(bool)) return true;
        if (type == typeof(decimal)) return -12345.6700m - n;
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(-5)).AddTicks(1234567 + n);
        if (type == typeof(TimeSpan)) return TimeSpan.FromTicks(98_765_432 + n);
        if (type == typeof(IActorRef)) return actor;
        if (type == typeof(object)) return new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL"), $"233,{n}");
        if (type == typeof(DeskFailure)) return new RiskDenied($"rule-{n}", "détail");
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1)!;
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlySet<>))
            return new HashSet<string>(StringComparer.OrdinalIgnoreCase) { $"SYM{n}", $"ALT{n}" };
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
            list.Add(Value(element, depth + 1));
            list.Add(Value(element, depth + 1));
            return list;
        }
        if (depth > 6) throw new InvalidOperationException($"{type} nests too deep for a sample");
        return Record(type, depth);
    }

    private object Record(Type type, int depth)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var instance = constructor.Invoke(parameters.Select(p => Value(p.ParameterType, depth + 1)).ToArray());
        var fromConstructor = parameters.Select(p => p.Name!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            // Only the type's own init properties: a base record's (DeskFailure.Reason, StateChanged.State) are derived.
            if (property.DeclaringType == type && property.CanWrite && property.SetMethod!.IsPublic && !fromConstructor.Contains(property.Name))
                property.SetValue(instance, Value(property.PropertyType, depth + 1));
        return instance;
    }

    /// <summary>The canonical text of a value's whole graph.</summary>
    public static string Dump(object? value)
    {
        var text = new StringBuilder();
        Dump(value, text);
        return text.ToString();
    }

    private static void Dump(object? value, StringBuilder text)
    {
        switch (value)
        {
            case null: text.Append("null"); return;
            case string s: text.Append('"').Append(s).Append('"'); return;
            case decimal d: text.Append(d.ToString(CultureInfo.InvariantCulture)).Append('m'); return;
            case DateTimeOffset t: text.Append(t.UtcTicks).Append('@').Append(t.Offset); return;
            case TimeSpan span: text.Append(span.Ticks).Append("ticks"); return;
            case IActorRef a: text.Append(a.Path.ToStringWithUid()); return;
            case Enum e: text.Append(e.GetType().Name).Append('.').Append(Convert.ToInt64(e, CultureInfo.InvariantCulture)); return;
            case bool or int or long: text.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); return;
            case IReadOnlySet<string> set: text.Append("set{").AppendJoin(',', set.Order(StringComparer.Ordinal)).Append('}'); return;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items) { Dump(item, text); text.Append(';'); }
                text.Append(']');
                return;
        }
        var type = value.GetType();
        text.Append(type.Name).Append('{');
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            text.Append(property.Name).Append('=');
            Dump(property.GetValue(value), text);
            text.Append(',');
        }
        text.Append('}');
    }
}
