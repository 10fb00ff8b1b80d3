namespace TradingDesk.Actors;

/// <summary>
/// Request-response from outside an actor (or from inside, when the result is piped back with
/// <see cref="PipeToExtensions"/>). Never block on the task inside an actor.
/// </summary>
public static class AskExtensions
{
    /// <summary>
    /// Tells <paramref name="message"/> with a temporary sender and completes with the first reply.
    /// Fails with <see cref="AskTimeoutException"/> (naming target and message type) after
    /// <paramref name="timeout"/> (default: the system's DefaultAskTimeout, measured on its TimeProvider),
    /// with the cause when the reply is <see cref="Status.Failure"/>, with <see cref="InvalidCastException"/>
    /// when the reply is not a <typeparamref name="T"/>, and is cancelled by <paramref name="cancellationToken"/>.
    /// </summary>
    public static async Task<T> Ask<T>(this IActorRef target, object message, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var reply = await Ask(target, message, timeout, cancellationToken).ConfigureAwait(false);
        return reply is T t
            ? t
            : throw new InvalidCastException(
                $"Ask to [{target.Path}] with {message.GetType().Name} expected a reply of type {typeof(T).Name} but got {reply?.GetType().Name ?? "null"}.");
    }

    /// <summary>Untyped <see cref="Ask{T}"/>.</summary>
    public static Task<object> Ask(this IActorRef target, object message, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(message);
        var system = (target as LocalActorRef)?.Cell.System ?? ActorCell.Current?.System;
        var time = system?.TimeProvider ?? TimeProvider.System;
        var wait = timeout ?? system?.Settings.DefaultAskTimeout ?? TimeSpan.FromSeconds(10);
        var path = system?.NextTempPath() ?? ActorPath.Root("temp") / "$ask";
        var promise = new PromiseActorRef(path, target, message.GetType(), wait, time, cancellationToken);
        target.Tell(message, promise);
        return promise.Task;
    }
}

/// <summary>The temporary sender of an Ask: completes a task with the first message told to it.</summary>
internal sealed class PromiseActorRef : ActorRefBase
{
    private readonly TaskCompletionSource<object> _tcs = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ITimer? _timer;
    private readonly CancellationTokenRegistration _registration;
    private readonly IActorRef _target;
    private readonly Type _messageType;
    private readonly TimeSpan _timeout;

    public PromiseActorRef(ActorPath path, IActorRef target, Type messageType, TimeSpan timeout, TimeProvider time,
        CancellationToken cancellationToken)
    {
        Path = path;
        _target = target;
        _messageType = messageType;
        _timeout = timeout;
        if (timeout != Timeout.InfiniteTimeSpan)
            _timer = time.CreateTimer(static s => ((PromiseActorRef)s!).OnTimeout(), this, timeout, Timeout.InfiniteTimeSpan);
        if (cancellationToken.CanBeCanceled)
            _registration = cancellationToken.Register(static (s, ct) => ((PromiseActorRef)s!).Complete(null, null, ct), this);
    }

    public override ActorPath Path { get; }

    public Task<object> Task => _tcs.Task;

    public override void Tell(object message, IActorRef? sender)
    {
        if (message is Status.Failure f) Complete(null, f.Cause, default);
        else Complete(message, null, default);
    }

    private void OnTimeout() => Complete(null, new AskTimeoutException(
        $"Ask timed out on [{_target.Path}] after {_timeout.TotalMilliseconds:0} ms waiting for a reply to {_messageType.FullName}."),
        default);

    private void Complete(object? result, Exception? error, CancellationToken cancelled)
    {
        var done = cancelled.IsCancellationRequested ? _tcs.TrySetCanceled(cancelled)
            : error is not null ? _tcs.TrySetException(error)
            : _tcs.TrySetResult(result!);
        if (!done) return;
        _timer?.Dispose();
        _registration.Dispose();
    }
}

/// <summary>Sends a task's outcome to an actor as a message: the way async work re-enters an actor.</summary>
public static class PipeToExtensions
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> its result (mapped by
    /// <paramref name="success"/>) or, on failure, <paramref name="failure"/>(exception) — by default
    /// <see cref="Status.Failure"/>.
    /// </summary>
    public static async Task PipeTo<T>(this Task<T> task, IActorRef recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        object message;
        try
        {
            var result = await task.ConfigureAwait(false);
            message = success is not null ? success(result) : result!;
        }
        catch (Exception ex)
        {
            message = failure is not null ? failure(ex) : new Status.Failure(ex);
        }
        recipient.Tell(message, sender);
    }

    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> <paramref name="success"/>()
    /// (default <see cref="Status.Success"/> with null) or, on failure, <paramref name="failure"/>(exception)
    /// (default <see cref="Status.Failure"/>).
    /// </summary>
    public static async Task PipeTo(this Task task, IActorRef recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        object message;
        try
        {
            await task.ConfigureAwait(false);
            message = success is not null ? success() : new Status.Success(null);
        }
        catch (Exception ex)
        {
            message = failure is not null ? failure(ex) : new Status.Failure(ex);
        }
        recipient.Tell(message, sender);
    }
}
