using System.Runtime.Serialization;
using Akka.Actor;
using Google.Protobuf;
using TradingDesk.Cluster.Serialization;

namespace TradingDesk.Grpc.Mapping;

/// <summary>
/// Requests in and replies out through the cluster serializer's own table (<see cref="WireTable.Desk"/>), so the
/// front and the cluster speak one mapping. The table maps a desk message to its protobuf bytes and back; the front
/// uses the table's entries (their protobuf objects out, their bytes in) rather than keep a second copy of every mapping.
/// </summary>
internal sealed class DeskWire(ActorSystem system)
{
    private readonly WireContext _context = new((ExtendedActorSystem)system);

    /// <summary>
    /// The desk's <typeparamref name="T"/> from its wire twin. A value the contract does not allow throws a
    /// <see cref="SerializationException"/> naming the field (the caller maps it to INVALID_ARGUMENT).
    /// </summary>
    public T In<T>(IMessage wire) where T : notnull
    {
        var entry = WireTable.Desk.ForType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} has no wire mapping");
        try
        {
            return (T)entry.Read(wire.ToByteArray(), _context);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            // Constructors of domain values refuse some values with these; to the caller they are a malformed field too.
            throw new SerializationException($"{wire.Descriptor.Name}: {e.Message}", e);
        }
    }

    /// <summary>The wire twin of a desk message.</summary>
    public TWire Out<TWire>(object message, MessageParser<TWire> parser) where TWire : IMessage<TWire>
    {
        var entry = WireTable.Desk.ForType(message.GetType()) ?? throw new InvalidOperationException($"{message.GetType()} has no wire mapping");
        // The table's own wire object, not its bytes parsed again: a stream maps every item it delivers.
        return entry.ToWire(message, _context) is TWire wire ? wire : parser.ParseFrom(entry.Write(message, _context));
    }
}
