using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using Google.Protobuf;

namespace TradingDesk.Cluster.Serialization;

/// <summary>
/// The desk's messages on the wire: each bound type maps to its protobuf twin in proto/desk (package tradingdesk.v1)
/// under a short manifest from <see cref="Manifests"/>, never a CLR type name, so the bytes mean the same to any
/// reader of the schema. Bind it with <see cref="DeskSerialization"/>.
/// </summary>
public sealed class DeskMessageSerializer : SerializerWithStringManifest
{
    /// <summary>The serializer's fixed id on the wire (Akka reserves 0–100 for its own).</summary>
    public const int Id = 711;

    private readonly WireContext _context;

    public DeskMessageSerializer(ExtendedActorSystem system) : base(system) => _context = new WireContext(system);

    public override int Identifier => Id;

    public override string Manifest(object o) => Entry(o).Manifest;

    public override byte[] ToBinary(object obj) => Entry(obj).Write(obj, _context);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        var entry = WireTable.Desk.ForManifest(manifest)
            ?? throw new SerializationException($"unknown manifest '{manifest}' for the desk's serializer ({Id}): written by a newer schema, or not a desk message");
        try
        {
            return entry.Read(bytes, _context);
        }
        catch (Exception e) when (e is SerializationException or InvalidProtocolBufferException or ArgumentException or FormatException)
        {
            throw new SerializationException($"a '{manifest}' ({entry.Type.Name}) could not be read: {e.Message}", e);
        }
    }

    private static WireEntry Entry(object message) =>
        WireTable.Desk.ForType(message.GetType())
        ?? throw new SerializationException($"{message.GetType()} is not a desk message: the desk's serializer ({Id}) has no manifest for it");
}
