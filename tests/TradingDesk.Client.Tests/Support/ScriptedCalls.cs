using Grpc.Core;

namespace TradingDesk.Client.Tests.Support;

/// <summary>
/// One unary RPC of the scripted desk: what it answers (<see cref="Reply"/>, which may throw an RpcException to fail
/// the call) and the first request it saw. Unscripted, it answers UNIMPLEMENTED, so a test that forgot a reply fails
/// with the call's name rather than a hang.
/// </summary>
public sealed class ScriptedUnary<TRequest, TReply>(string name)
{
    public Func<TRequest, ServerCallContext, Task<TReply>> Reply { get; set; } =
        (_, _) => throw new RpcException(new Status(StatusCode.Unimplemented, $"{name} is not scripted"));

    /// <summary>Set with the first request.</summary>
    public TaskCompletionSource<TRequest> Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Answers every call with <paramref name="reply"/>.</summary>
    public void Returns(TReply reply) => Reply = (_, _) => Task.FromResult(reply);

    /// <summary>Fails every call with <paramref name="failure"/>.</summary>
    public void Fails(RpcException failure) => Reply = (_, _) => throw failure;

    /// <summary>Never answers: the call lasts until its deadline or its caller ends it.</summary>
    public void Hangs() => Reply = async (_, context) =>
    {
        await Task.Delay(Timeout.Infinite, context.CancellationToken);
        throw new InvalidOperationException("unreachable: an infinite delay ended without its token");
    };

    internal Task<TReply> Answer(TRequest request, ServerCallContext context)
    {
        Seen.TrySetResult(request);
        return Reply(request, context);
    }
}

/// <summary>
/// One server-streaming RPC of the scripted desk: the items it writes, then it waits for the client to go (a
/// subscription never ends by itself). <see cref="Refuse"/> fails the call before anything is written.
/// </summary>
public sealed class ScriptedStream<TRequest, TEvent>
{
    public List<TEvent> Items { get; } = [];

    /// <summary>A failure for the request (null: serve it).</summary>
    public Func<TRequest, RpcException?> Refuse { get; set; } = _ => null;

    /// <summary>Set with the first request.</summary>
    public TaskCompletionSource<TRequest> Requested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when the server's CancellationToken of the call fired (the client ended it).</summary>
    public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal async Task Serve(TRequest request, IServerStreamWriter<TEvent> responseStream, ServerCallContext context)
    {
        // Registered before anything is written, so a client that leaves early is still observed.
        using var registration = context.CancellationToken.Register(() => Cancelled.TrySetResult());
        Requested.TrySetResult(request);
        if (Refuse(request) is { } failure) throw failure;
        foreach (var item in Items) await responseStream.WriteAsync(item, context.CancellationToken);
        await Cancelled.Task;
    }
}
