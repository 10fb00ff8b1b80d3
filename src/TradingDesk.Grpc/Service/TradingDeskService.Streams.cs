using System.Threading.Channels;
using Akka.Actor;
using Grpc.Core;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Access;
using TradingDesk.Grpc.Sessions;
using TradingDesk.Grpc.Streams;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

/// <summary>
/// Streams: each call runs one actor that subscribes with itself as the subscriber and fills a channel this handler
/// drains into the response; the actor stops the moment the call ends (the client cancelled, disconnected or
/// crashed, its deadline passed, or the front stops), which releases the caller's share of the desk's line.
/// </summary>
internal sealed partial class TradingDeskService
{
    // Process-wide, so that two fronts in one actor system never pick the same name.
    private static long _streamActors;
    private static readonly WriteOptions Buffered = new(WriteFlags.BufferHint);

    public override Task StreamMarketData(W.SubscribeMarketData request, IServerStreamWriter<W.MarketDataEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<MarketDataMessages.SubscribeMarketData>(request), _shapes.MarketData, responseStream, context);

    public override Task StreamTickByTick(W.SubscribeTickByTick request, IServerStreamWriter<W.TickByTickEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<MarketDataMessages.SubscribeTickByTick>(request), _shapes.TickByTick, responseStream, context);

    public override Task StreamMarketDepth(W.SubscribeDepth request, IServerStreamWriter<W.MarketDepthEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<MarketDataMessages.SubscribeDepth>(request), _shapes.Depth, responseStream, context);

    public override Task StreamRealTimeBars(W.SubscribeRealTimeBars request, IServerStreamWriter<W.RealTimeBarEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<MarketDataMessages.SubscribeRealTimeBars>(request), _shapes.RealTimeBars, responseStream, context);

    public override Task StreamPnL(W.SubscribePnL request, IServerStreamWriter<W.PnLEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<AccountMessages.SubscribePnL>(request), _shapes.PnL, responseStream, context);

    public override Task StreamPnLSingle(W.SubscribePnLSingle request, IServerStreamWriter<W.PnLSingleEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<AccountMessages.SubscribePnLSingle>(request), _shapes.PnLSingle, responseStream, context);

    public override Task StreamAccountUpdates(W.SubscribeAccountUpdates request, IServerStreamWriter<W.AccountUpdatesEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<AccountMessages.SubscribeAccountUpdates>(request), _shapes.AccountUpdates, responseStream, context);

    public override Task StreamHistoricalBars(W.SubscribeHistoricalBars request, IServerStreamWriter<W.HistoricalBarsEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<HistoricalDataMessages.SubscribeHistoricalBars>(request), _shapes.HistoricalBars, responseStream, context);

    public override Task StreamNotices(W.SubscribeNotices request, IServerStreamWriter<W.NoticeEvent> responseStream, ServerCallContext context)
    {
        var channel = Channel.CreateUnbounded<W.NoticeEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var credit = new StreamCredit();
        var props = NoticeStreamActor.Props(_wire, channel.Writer, credit, subscribed, _options.StreamWindow, _options.StreamBufferLimit);
        return Drain(props, channel.Reader, credit, responseStream, context, subscribed.Task);
    }

    /// <summary>
    /// The caller's order events (the session's), every one of them in order: never conflated, never dropped. A fill or
    /// an ending is acknowledged to the desk once it is written to the response.
    /// </summary>
    public override async Task StreamOrderUpdates(W.SubscribeOrderUpdates request, IServerStreamWriter<W.OrderUpdate> responseStream, ServerCallContext context)
    {
        var caller = GrpcCaller.Of(context);
        var channel = Channel.CreateUnbounded<SessionMessages.OrderItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var stream = Interlocked.Increment(ref _orderStreams);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _stopping);
        caller.Session.Tell(new SessionMessages.OpenOrderStream(stream, channel.Writer));
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ended.Token).ConfigureAwait(false))
            {
                await responseStream.WriteAsync(_shapes.OrderUpdate(item.Event), ended.Token).ConfigureAwait(false);
                if (NeedsAcknowledgement(item.Event, caller.Strategy)) caller.Session.Tell(new SessionMessages.Delivered(item.Event));
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The call ended; what was handed to this stream and not written stays unacknowledged for the desk to replay.
        }
        finally
        {
            caller.Session.Tell(new SessionMessages.CloseOrderStream(stream));
        }
    }

    private Task Subscription<TEvent>(object subscribe, StreamShape<TEvent> shape, IServerStreamWriter<TEvent> response, ServerCallContext context)
        where TEvent : class
    {
        var channel = Channel.CreateUnbounded<TEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var credit = new StreamCredit();
        var props = SubscriptionStreamActor<TEvent>.Props(_desk, subscribe, shape, _wire, channel.Writer, credit, subscribed, _options.StreamWindow, _options.StreamBufferLimit);
        return Drain(props, channel.Reader, credit, response, context, subscribed.Task);
    }

    /// <summary>
    /// Runs the stream's actor and writes what it hands over. Once <paramref name="live"/> completes (the desk confirmed
    /// the subscription) the response headers go out: a client that awaits them knows its stream has its share of the line.
    /// </summary>
    private async Task Drain<TEvent>(Props props, ChannelReader<TEvent> reader, StreamCredit credit, IServerStreamWriter<TEvent> response, ServerCallContext context, Task live)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _stopping);
        // Named so that the desk's logs (and a test) can tell a stream's actor from the desk's own.
        var actor = _system.ActorOf(props, $"grpc-stream-{Interlocked.Increment(ref _streamActors)}");
        try
        {
            await live.WaitAsync(ended.Token).ConfigureAwait(false);
            await context.WriteResponseHeadersAsync([]).ConfigureAwait(false);
            while (await reader.WaitToReadAsync(ended.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var item))
                {
                    // While more items wait, a write stays in Kestrel's buffer: one flush (one HTTP/2 DATA write, one
                    // syscall) for what the channel held rather than one per item. The last one flushes.
                    var more = reader.CanCount && reader.Count > 0;
                    response.WriteOptions = more ? Buffered : null;
                    await response.WriteAsync(item, ended.Token).ConfigureAwait(false);
                    // Only when items wait in the actor and nothing is left to write here: otherwise the actor picks
                    // the credit up with its next message, or needs none.
                    if (credit.Return() && !more) actor.Tell(StreamDemand.One);
                }
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The call ended: the finally below releases the line.
        }
        finally
        {
            _system.Stop(actor);
        }
    }
}
