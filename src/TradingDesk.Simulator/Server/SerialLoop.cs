using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace TradingDesk.Simulator.Server;

/// <summary>
/// Runs posted work one item at a time on one task, in posting order. The market behind the gateway is
/// single-threaded by design; every session and timer posts into this loop instead of taking locks.
/// </summary>
public sealed class SerialLoop : IAsyncDisposable
{
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ILogger _logger;
    private readonly Task _runner;

    public SerialLoop(ILogger logger)
    {
        _logger = logger;
        _runner = Task.Run(RunAsync);
    }

    /// <summary>Queues work; false once the loop is shutting down.</summary>
    public bool Post(Action work) => _work.Writer.TryWrite(work);

    /// <summary>Runs <paramref name="work"/> on the loop and returns its result.</summary>
    public Task<T> InvokeAsync<T>(Func<T> work)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!Post(() =>
            {
                try { done.SetResult(work()); }
                catch (Exception ex) { done.SetException(ex); }
            }))
            done.SetException(new ObjectDisposedException(nameof(SerialLoop)));
        return done.Task;
    }

    private async Task RunAsync()
    {
        await foreach (var work in _work.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                work();
            }
            catch (Exception ex)
            {
                // One bad request must not stop the gateway: log it and go on with the next.
                _logger.LogError(ex, "simulator loop: work item failed");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _work.Writer.TryComplete();
        await _runner.ConfigureAwait(false);
    }
}
