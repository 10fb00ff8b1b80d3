using System.Globalization;
using TradingDesk.Client;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Samples.GrpcClient;

/// <summary>
/// The strategy: stream quotes, place a one-share limit buy 10 % under the first price (away from the market, so it
/// rests), cancel it, and finish when the desk confirms the cancel. Order updates print as they come.
/// </summary>
internal sealed class QuoteAndCancel(DeskClient desk, ContractSpec contract, TextWriter output)
{
    private static readonly TickType[] PriceTicks = [TickType.Bid, TickType.Ask, TickType.Last, TickType.Close, TickType.DelayedBid, TickType.DelayedAsk, TickType.DelayedLast];

    private readonly TaskCompletionSource<OrderId> _placed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _cancelled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The order while it may still be working (to cancel on Ctrl+C).</summary>
    public OrderId? Working { get; private set; }

    public async Task RunAsync(CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var updates = WatchOrdersAsync(stop.Token);
        try
        {
            await foreach (var item in desk.MarketData(contract, cancellationToken: stop.Token))
            {
                output.WriteLine(item);
                if (item is MarketTick { Price: { } price } tick && PriceTicks.Contains(tick.Type) && !_placed.Task.IsCompleted)
                {
                    await PlaceAndCancelAsync(price, stop.Token);
                    break;
                }
            }
            // The quotes end here; the cancel's confirmation comes on the order updates.
            await _cancelled.Task.WaitAsync(stop.Token);
            Working = null;
        }
        finally
        {
            // Ends the order updates too; their failure, if any, already reached _cancelled.
            await stop.CancelAsync();
            await updates;
        }
    }

    private async Task PlaceAndCancelAsync(decimal price, CancellationToken ct)
    {
        // Whole cents under 90 % of the price; multiplying by 0.01m (not dividing by 100) keeps a scale of two: 225.00.
        var limit = Math.Floor(price * 90m) * 0.01m;
        var id = await desk.PlaceOrderAsync(contract, Order.Limit(OrderAction.Buy, 1, limit), cancellationToken: ct);
        Working = id;
        _placed.TrySetResult(id);
        output.WriteLine($"placed {id}: buy 1 {contract.Symbol} limit {limit.ToString(CultureInfo.InvariantCulture)}");
        await desk.CancelOrderAsync(id, ct);
        output.WriteLine($"cancel sent for {id}");
    }

    private async Task WatchOrdersAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var update in desk.OrderUpdates(ct))
            {
                output.WriteLine(update);
                // An update may come before PlaceOrderAsync returns: wait for the id to know whose it is.
                if (update is OrderStatusUpdate { Status: OrderStatus.Cancelled or OrderStatus.ApiCancelled } s &&
                    _placed.Task.IsCompleted && s.OrderId == await _placed.Task)
                    _cancelled.TrySetResult();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped by RunAsync.
        }
        catch (Exception e) when (e is DeskCallException or DeskWireException)
        {
            // RunAsync waits on _cancelled: the failure ends it instead of a wait that never ends.
            _cancelled.TrySetException(e);
        }
    }
}
