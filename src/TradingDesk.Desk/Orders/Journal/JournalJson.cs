using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Orders.Journal;

/// <summary>
/// How the journal's events and snapshots are written: JSON in the desk's own terms. Typed ids are plain strings (also
/// as dictionary keys), enums are their names, computed properties are left out, and an order event inside
/// <see cref="BookEvent.Observed"/> says which one it is under <c>"$event"</c> with a stable name from
/// <see cref="EventNames"/>. Nothing names a CLR type, so renaming a class does not orphan a journal.
/// </summary>
internal static class JournalJson
{
    /// <summary>The stable names of the order events a journal holds. A name, once written, is never reused for another shape.</summary>
    public static readonly IReadOnlyList<(Type Type, string Name)> EventNames =
    [
        (typeof(OrderEvents.OrderStatusChanged), "status"),
        (typeof(OrderEvents.OpenOrderUpdated), "open-order"),
        (typeof(OrderEvents.Filled), "fill"),
        (typeof(OrderEvents.CommissionReported), "commission"),
        (typeof(OrderEvents.OrderRejected), "rejected"),
        (typeof(OrderEvents.OrderLost), "lost"),
        (typeof(OrderEvents.OrderNotice), "notice"),
    ];

    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(OrderEventsArePolymorphic);
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = resolver,
            IgnoreReadOnlyProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters =
            {
                new JsonStringEnumConverter(),
                new IdConverter<OrderId>(id => id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), s => new OrderId(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))),
                new IdConverter<PermId>(id => id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), s => new PermId(long.Parse(s, System.Globalization.CultureInfo.InvariantCulture))),
                new IdConverter<ConId>(id => id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), s => new ConId(int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))),
                new IdConverter<ExecId>(id => id.Value, s => new ExecId(s)),
                new IdConverter<StrategyId>(id => id.Value, s => new StrategyId(s)),
            },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void OrderEventsArePolymorphic(JsonTypeInfo info)
    {
        if (info.Type != typeof(OrderEvents.IOrderEvent)) return;
        info.PolymorphismOptions = new JsonPolymorphismOptions
        {
            TypeDiscriminatorPropertyName = "$event",
            UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization,
        };
        foreach (var (type, name) in EventNames) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(type, name));
    }

    /// <summary>A typed id as a JSON string, as a value and as a dictionary key.</summary>
    private sealed class IdConverter<T>(Func<T, string> write, Func<string, T> read) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            read(reader.GetString() ?? throw new JsonException($"a {typeof(T).Name} must not be null"));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(write(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            read(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WritePropertyName(write(value));
    }
}
