namespace TradingDesk.Grpc.Streams;

/// <summary>
/// Told by an RPC handler to its stream actor for each item it wrote to the response: one more item may go to its
/// channel. Local only (never serialized).
/// </summary>
internal sealed record StreamDemand
{
    public static readonly StreamDemand One = new();
}
