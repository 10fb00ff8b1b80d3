using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace TradingDesk.Desk.Orders.Journal;

/// <summary>
/// Writes the order journal's events (<see cref="BookEvent"/>) and snapshots (<see cref="OrderBook"/>) as JSON under a
/// short manifest from <see cref="OrderJournal.Manifests"/>, never a CLR type name. Bound by <see cref="Hocon"/> (an
/// actor system that journals orders needs it; Akka's default would write CLR type names into the store).
/// </summary>
public sealed class OrderJournalSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// <summary>The serializer's fixed id in the store (Akka reserves 0–100; the wire serializer is 711).</summary>
    public const int Id = 712;

    public const string Name = "tradingdesk-journal";

    /// <summary>The serializer and its bindings, for an actor system's configuration (a TestKit's, or Akka.Hosting's AddHocon).</summary>
    public const string Hocon = """
        akka.actor {
          serializers { tradingdesk-journal = "TradingDesk.Desk.Orders.Journal.OrderJournalSerializer, TradingDesk.Desk" }
          serialization-identifiers { "TradingDesk.Desk.Orders.Journal.OrderJournalSerializer, TradingDesk.Desk" = 712 }
          serialization-bindings {
            "TradingDesk.Desk.Orders.BookEvent, TradingDesk.Desk" = tradingdesk-journal
            "TradingDesk.Desk.Orders.OrderBook, TradingDesk.Desk" = tradingdesk-journal
          }
        }
        """;

    public override int Identifier => Id;

    public override string Manifest(object o) => OrderJournal.ManifestOf(o.GetType())
        ?? throw new SerializationException($"{o.GetType().Name} is not journaled (a session effect or not an order-book type)");

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), JournalJson.Options);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        var type = OrderJournal.TypeOf(manifest)
            ?? throw new SerializationException($"'{manifest}' is not an order journal entry this desk knows (a journal written by a newer desk?)");
        try
        {
            return JsonSerializer.Deserialize(bytes, type, JournalJson.Options)
                ?? throw new SerializationException($"the journal entry '{manifest}' is empty");
        }
        catch (JsonException e)
        {
            throw new SerializationException($"the journal entry '{manifest}' cannot be read: {e.Message}", e);
        }
    }
}
