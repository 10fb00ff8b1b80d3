namespace TradingDesk.Protocol;

/// <summary>
/// The one exception the codec throws for bad input: a malformed frame, a bad field, a truncated protobuf,
/// a hostile length. It says where: the message id (when known), the field, and the byte offset in the stream.
/// </summary>
public sealed class ProtocolException : Exception
{
    public ProtocolException(string reason, int? messageId = null, string? field = null, long offset = -1, Exception? inner = null)
        : base(Describe(reason, messageId, field, offset), inner)
    {
        Reason = reason;
        MessageId = messageId;
        Field = field;
        Offset = offset;
    }

    /// <summary>What was wrong, without the location.</summary>
    public string Reason { get; }

    /// <summary>The IB message id of the frame, when the id itself could be read.</summary>
    public int? MessageId { get; }

    /// <summary>The field being read or written, when the failure is inside a message.</summary>
    public string? Field { get; }

    /// <summary>Byte offset in the stream (or frame, when no stream offset is known); -1 when unknown.</summary>
    public long Offset { get; }

    private static string Describe(string reason, int? messageId, string? field, long offset)
    {
        var where = new List<string>(3);
        if (messageId is { } id) where.Add($"message {id}");
        if (field is not null) where.Add($"field '{field}'");
        if (offset >= 0) where.Add($"offset {offset}");
        return where.Count == 0 ? reason : $"{reason} ({string.Join(", ", where)})";
    }
}
