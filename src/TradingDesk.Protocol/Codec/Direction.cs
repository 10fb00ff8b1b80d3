namespace TradingDesk.Protocol.Codec;

/// <summary>Which way a message travels. Ids overlap between directions (1 is tickPrice in, reqMktData out).</summary>
public enum Direction
{
    /// <summary>Requests: what a client sends and a gateway (or the simulator) reads.</summary>
    ClientToServer,

    /// <summary>Replies, ticks, notices: what a gateway sends and a client reads.</summary>
    ServerToClient,
}

/// <summary>How one frame's payload is encoded.</summary>
public enum WireEncoding
{
    /// <summary>NUL-terminated ASCII fields (with an ASCII id before server 201, a binary id from 201).</summary>
    Text,

    /// <summary>One serialized protobuf message under binary id = message id + 200 (server 201 and later).</summary>
    Protobuf,
}
