using Grpc.Core;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

/// <summary>The desk's gRPC service as a script: only the calls the tests use do anything, the rest stay unimplemented.</summary>
public sealed class ScriptedDesk(DeskScript script) : W.TradingDesk.TradingDeskBase
{
    public override Task<W.CurrentTimeReply> GetCurrentTime(W.GetCurrentTime request, ServerCallContext context) =>
        Task.FromResult(script.CurrentTime());

    public override async Task StreamMarketData(W.SubscribeMarketData request, IServerStreamWriter<W.MarketDataEvent> responseStream, ServerCallContext context)
    {
        // Registered before anything is written, so a client that leaves early is still observed.
        using var registration = context.CancellationToken.Register(() => script.MarketDataCancelled.TrySetResult());
        script.MarketDataRequested.TrySetResult(request);
        foreach (var item in script.MarketData) await responseStream.WriteAsync(item, context.CancellationToken);
        // A market-data line never ends by itself: the call lasts until the client goes.
        await script.MarketDataCancelled.Task;
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
