using System.Runtime.Serialization;
using Akka.Actor;
using Google.Protobuf;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>
/// What a mapping needs from the actor system: Akka's serialization for the <c>object</c> fields (any bound type
/// rides inside, by its own serializer), and the provider for actor references.
/// </summary>
internal sealed class WireContext(ExtendedActorSystem system)
{
    private Akka.Serialization.Serialization Serialization => system.Serialization;

    public W.Payload Payload(object message)
    {
        var serializer = Serialization.FindSerializerFor(message);
        return new W.Payload
        {
            SerializerId = serializer.Identifier,
            Manifest = Akka.Serialization.Serialization.ManifestFor(serializer, message),
            Message = ByteString.CopyFrom(serializer.ToBinary(message)),
        };
    }

    public object Object(W.Payload? payload, string field)
    {
        if (payload is null) throw new SerializationException($"field {field}: a nested message is required");
        return Serialization.Deserialize(payload.Message.ToByteArray(), payload.SerializerId, payload.Manifest);
    }

    // The serialized path carries the address the remote side can reach (the transport's, while remoting writes).
    public static string Path(IActorRef actor) => Akka.Serialization.Serialization.SerializedActorPath(actor);

    public IActorRef Actor(string path) =>
        string.IsNullOrEmpty(path) ? ActorRefs.Nobody : system.Provider.ResolveActorRef(path);
}
