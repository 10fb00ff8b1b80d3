using Grpc.Core;
using Grpc.Net.Client;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Benchmarks.Grpc;

/// <summary>
/// One server a client streams ticks from (the desk's front or the bare server): the client's channel and its one
/// open StreamMarketData call, how to make the source push one tick of a type (stamped with the stopwatch now), and
/// what to stop at the end.
/// </summary>
internal sealed class StreamTarget(GrpcChannel channel, AsyncServerStreamingCall<W.MarketDataEvent> call, Action<int> send, Func<ValueTask> stop)
    : IAsyncDisposable
{
    public TickReader Reader { get; } = TickReader.Start(call);

    /// <summary>Pushes one tick of IB tick type <c>type</c> (1 Bid: measured; 2 Ask: the marker) from the source.</summary>
    public Action<int> Send => send;

    public async ValueTask DisposeAsync()
    {
        call.Dispose();
        channel.Dispose();
        await stop();
        try { await Reader.Loop; } catch (RpcException) { } // the call was cancelled: expected at the end
    }
}
