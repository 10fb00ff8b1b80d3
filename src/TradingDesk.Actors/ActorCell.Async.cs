using System.Runtime.ExceptionServices;

namespace TradingDesk.Actors;

/// <summary>
/// ReceiveAsync: while a handler's task runs, user messages wait (system messages still flow, so the actor
/// can be stopped). Await continuations are posted back through a per-actor SynchronizationContext as
/// system messages, so they run on the actor's turn with Self/Sender/Context restored.
/// </summary>
internal sealed partial class ActorCell
{
    internal void RunAsync<T>(Func<T, Task> handler, T message)
    {
        var x = Extras;
        var context = x.SyncContext ??= new ActorSynchronizationContext(this);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = handler(message);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
        if (task.IsCompleted)
        {
            ThrowIfFailed(task);
            return;
        }
        _awaitingAsync = true;
        x.AsyncTask = task;
        x.AsyncEnvelope = _current;
        task.ContinueWith(static (t, s) => ((ActorCell)s!).SendSystem(new AsyncDone(t)), this,
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void ThrowIfFailed(Task task)
    {
        if (task.IsFaulted) ExceptionDispatchInfo.Capture(task.Exception!.InnerExceptions[0]).Throw();
        if (task.IsCanceled) throw new TaskCanceledException(task);
    }

    internal void PostContinuation(SendOrPostCallback callback, object? state) =>
        SendSystem(new RunContinuation(callback, state));

    private void RunContinuationOnTurn(RunContinuation rc)
    {
        // Continuations of an incarnation that was stopped or restarted are dropped with it.
        if (!_awaitingAsync || _extras is not { } x) return;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(x.SyncContext);
        _current = x.AsyncEnvelope;
        try
        {
            rc.Callback(rc.State);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void HandleAsyncDone(Task task)
    {
        if (_extras is not { } x || !ReferenceEquals(x.AsyncTask, task)) return;
        _awaitingAsync = false;
        x.AsyncTask = null;
        _current = x.AsyncEnvelope;
        x.AsyncEnvelope = null;
        try
        {
            ThrowIfFailed(task);
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
        finally
        {
            _current = null;
        }
    }
}

internal sealed class ActorSynchronizationContext(ActorCell cell) : SynchronizationContext
{
    public override void Post(SendOrPostCallback d, object? state) => cell.PostContinuation(d, state);

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Synchronous Send would block the actor.");

    public override SynchronizationContext CreateCopy() => this;
}
