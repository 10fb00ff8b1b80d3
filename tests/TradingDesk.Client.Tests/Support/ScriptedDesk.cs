using Grpc.Core;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

/// <summary>The desk's gRPC service as a script: only the calls the tests use do anything, the rest stay unimplemented.
/// The calls of each family are in a file of their own (ScriptedDesk.Options.cs, .Research.cs, .Session.cs).</summary>
public sealed partial class ScriptedDesk(DeskScript script) : W.TradingDesk.TradingDeskBase
{
    public override async Task<W.CurrentTimeReply> GetCurrentTime(W.GetCurrentTime request, ServerCallContext context)
    {
        if (script.CurrentTimeHangs) await Task.Delay(Timeout.Infinite, context.CancellationToken);
        return script.CurrentTime();
    }

    public override async Task StreamMarketData(W.SubscribeMarketData request, IServerStreamWriter<W.MarketDataEvent> responseStream, ServerCallContext context)
    {
        // Registered before anything is written, so a client that leaves early is still observed. Each call waits for its
        // own end: one line closing must not end the others a client holds.
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = context.CancellationToken.Register(() =>
        {
            ended.TrySetResult();
            script.MarketDataCancelled.TrySetResult();
            script.MarketDataEnded.Writer.TryWrite(request);
        });
        script.MarketDataRequested.TrySetResult(request);
        foreach (var item in script.MarketDataFor?.Invoke(request) ?? script.MarketData) await responseStream.WriteAsync(item, context.CancellationToken);
        // A market-data line never ends by itself: the call lasts until the client goes.
        await ended.Task;
    }

    public override Task<W.OrderAccepted> PlaceOrder(W.PlaceOrder request, ServerCallContext context)
    {
        script.OrderPlaced.TrySetResult(request);
        return script.PlaceOrder(request);
    }

    public override async Task<W.CancelSent> CancelOrder(W.CancelOrder request, ServerCallContext context)
    {
        script.OrderCancelled.TrySetResult(request);
        await script.OrderUpdates.Writer.WriteAsync(DeskScript.Status(request.OrderId, W.OrderStatus.Cancelled, remaining: "0"), context.CancellationToken);
        return new W.CancelSent { OrderId = request.OrderId };
    }

    public override async Task StreamOrderUpdates(W.SubscribeOrderUpdates request, IServerStreamWriter<W.OrderUpdate> responseStream, ServerCallContext context)
    {
        try
        {
            await foreach (var update in script.OrderUpdates.Reader.ReadAllAsync(context.CancellationToken))
                await responseStream.WriteAsync(update, context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client left: the call is over.
        }
    }
}
