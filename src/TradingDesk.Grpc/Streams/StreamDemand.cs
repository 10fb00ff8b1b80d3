namespace TradingDesk.Grpc.Streams;

/// <summary>
/// Told by an RPC handler to its stream actor when it has written everything its channel held: flush what waits with
/// the credit returned (<see cref="StreamCredit"/>). Local only (never serialized).
/// </summary>
internal sealed record StreamDemand
{
    public static readonly StreamDemand One = new();
}
