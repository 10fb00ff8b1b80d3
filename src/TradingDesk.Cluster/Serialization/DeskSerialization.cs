using Akka.Configuration;
using Akka.Hosting;

namespace TradingDesk.Cluster.Serialization;

/// <summary>
/// Binds every desk message to <see cref="DeskMessageSerializer"/>, so none travels with Akka's JSON fallback:
/// <c>ActorSystem.Create(name, DeskSerialization.Config.WithFallback(...))</c>, or
/// <see cref="WithDeskSerialization"/> on an Akka.Hosting builder.
/// </summary>
public static class DeskSerialization
{
    /// <summary>The serializer's name in <c>akka.actor.serializers</c>.</summary>
    public const string SerializerName = "tradingdesk";

    /// <summary>Every type the serializer is bound to (exact types: a subclass would need its own binding).</summary>
    public static IReadOnlyList<Type> BoundTypes { get; } = WireTable.Desk.Entries.Select(e => e.Type).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();

    /// <summary>The binding as HOCON text, for APIs that take a string (a TestKit's configuration).</summary>
    public static string Hocon { get; } = BuildHocon();

    /// <summary>The binding as configuration: the serializer, its id and a serialization binding for each bound type.</summary>
    public static Config Config { get; } = ConfigurationFactory.ParseString(Hocon);

    /// <summary>The same binding through Akka.Hosting.</summary>
    public static AkkaConfigurationBuilder WithDeskSerialization(this AkkaConfigurationBuilder builder) =>
        builder.WithCustomSerializer(SerializerName, BoundTypes, system => new DeskMessageSerializer(system));

    private static string BuildHocon()
    {
        var serializer = Quote(TypeName(typeof(DeskMessageSerializer)));
        var bindings = string.Join("\n", BoundTypes.Select(t => $"      {Quote(TypeName(t))} = {SerializerName}"));
        return $$"""
            akka.actor {
              serializers { {{SerializerName}} = {{serializer}} }
              serialization-identifiers { {{serializer}} = {{DeskMessageSerializer.Id}} }
              serialization-bindings {
            {{bindings}}
              }
            }
            """;
    }

    private static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private static string Quote(string text) => $"\"{text}\"";
}
