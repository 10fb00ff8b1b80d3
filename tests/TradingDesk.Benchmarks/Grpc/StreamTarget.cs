using Grpc.Core;
using Grpc.Net.Client;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Benchmarks.Grpc;

/// <summary>
/// One server a client streams ticks from (the desk's front or the bare server): the client's channel and its one
/// open StreamMarketData call, how to make the source push one tick of a type (stamped with the stopwatch now), and
/// what to stop at the end.
/// </summary>
internal sealed class StreamTarget : IAsyncDisposable
{
    private readonly GrpcChannel _channel;
    private readonly AsyncServerStreamingCall<W.MarketDataEvent> _call;
    private readonly Func<ValueTask> _stop;

    public StreamTarget(GrpcChannel channel, AsyncServerStreamingCall<W.MarketDataEvent> call, Action<int> send, Func<ValueTask> stop, GrpcStreams.TickPath? actor = null)
    {
        (_channel, _call, _stop) = (channel, call, stop);
        Reader = TickReader.Start(call);
        Client = new GrpcStreams.TickPath(Reader.Arm, send);
        Actor = actor;
    }

    public TickReader Reader { get; }

    /// <summary>The gRPC client's stream; Send pushes one tick of IB tick type <c>type</c> (1 Bid: measured; 2 Ask: the marker).</summary>
    public GrpcStreams.TickPath Client { get; }

    /// <summary>The desk only: an actor strategy on a line of its own in the same desk (the desk's path without the front).</summary>
    public GrpcStreams.TickPath? Actor { get; }

    public async ValueTask DisposeAsync()
    {
        _call.Dispose();
        _channel.Dispose();
        await _stop();
        try { await Reader.Loop; } catch (RpcException) { } // the call was cancelled: expected at the end
    }
}
