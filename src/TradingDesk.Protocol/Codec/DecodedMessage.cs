using Google.Protobuf;

namespace TradingDesk.Protocol.Codec;

/// <summary>
/// One decoded frame. Whatever the encoding, a known message decodes to the same generated
/// <c>IBApi.protobuf</c> type; text sentinels become unset fields.
/// </summary>
/// <param name="Id">IB's message id in the text numbering (a protobuf frame's binary id less 200).</param>
/// <param name="Direction">The direction the frame was decoded for.</param>
/// <param name="Encoding">How the payload was encoded.</param>
/// <param name="Message">The decoded message; null when <see cref="Unknown"/> is set.</param>
/// <param name="Companion">
/// A second message carried by the same frame: only text historicalData before server 196, which ends with its
/// start and end dates (decoded as a <c>HistoricalDataEnd</c>).
/// </param>
/// <param name="Unknown">Set for an id this codec does not know, so a connection can log it and go on.</param>
public readonly record struct DecodedMessage(
    int Id,
    Direction Direction,
    WireEncoding Encoding,
    IMessage? Message,
    IMessage? Companion = null,
    UnknownMessage? Unknown = null)
{
    public bool IsUnknown => Unknown is not null;

    /// <summary>IB's name for the message (its EWrapper callback or EClient method).</summary>
    public string Name => MessageNames.Of(Direction, Id);
}

/// <summary>A frame whose id the codec does not know. The payload is a copy: it does not reference the frame's buffer.</summary>
public sealed record UnknownMessage(int Id, WireEncoding Encoding, byte[] Payload);

/// <summary>Names of message ids per direction.</summary>
public static class MessageNames
{
    public static string Of(Direction direction, int id) =>
        (direction == Direction.ServerToClient ? IncomingIds.NameOf(id) : OutgoingIds.NameOf(id)) ?? $"unknown({id})";
}
