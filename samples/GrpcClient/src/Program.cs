using TradingDesk.Client;
using TradingDesk.Desk.Domain;
using TradingDesk.Samples.GrpcClient;

// A console strategy on the desk's gRPC front. Exit codes: 0 done (or stopped with Ctrl+C), 1 the desk failed a call,
// 2 bad arguments.
var (settings, error) = Settings.Parse(args, Environment.GetEnvironmentVariable);
if (settings is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // finish cleanly: leave the loops, cancel a working order, close the channel
    stop.Cancel();
};

QuoteAndCancel? strategy = null;
try
{
    await using var desk = await DeskClient.ConnectAsync(settings.Url, settings.Token, cancellationToken: stop.Token);
    Console.WriteLine($"connected to {settings.Url}; desk time {await desk.GetCurrentTimeAsync(stop.Token):O}");
    strategy = new QuoteAndCancel(desk, Contract.Stock(settings.Symbol), Console.Out);
    try
    {
        await strategy.RunAsync(stop.Token);
        Console.WriteLine("cancel confirmed; done");
    }
    catch (OperationCanceledException) when (stop.IsCancellationRequested)
    {
        if (strategy.Working is { } id)
        {
            // Ctrl+C after placing: do not leave the order working.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await desk.CancelOrderAsync(id, grace.Token);
            Console.WriteLine($"stopped; cancel sent for {id}");
        }
        else Console.WriteLine("stopped");
    }
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.WriteLine("stopped");
    return 0;
}
catch (DeskCallException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
catch (DeskWireException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
