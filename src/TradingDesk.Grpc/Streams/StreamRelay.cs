namespace TradingDesk.Grpc.Streams;

/// <summary>
/// Asks a stream's actor to send <paramref name="Command"/> to the desk as the stream's subscriber and to answer the
/// asker with the desk's reply: the message <paramref name="IsReply"/> accepts, or the RequestFailed of the command.
/// </summary>
internal sealed record StreamRelay(object Command, Func<object, bool> IsReply);
