using Akka.Actor;
using Microsoft.AspNetCore.Builder;

namespace TradingDesk.Grpc;

/// <summary>
/// A started gRPC front. Dispose it to stop: its open streams end (their lines are released), the server stops, and
/// the clients' sessions leave the desk (their orders keep working, as when a strategy stops).
/// </summary>
public sealed class RunningGrpcFront : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly ActorSystem _system;
    private readonly IReadOnlyList<IActorRef> _sessions;
    private int _disposed;

    internal RunningGrpcFront(WebApplication app, CancellationTokenSource stopping, ActorSystem system, IReadOnlyList<IActorRef> sessions, Uri address)
    {
        _app = app;
        _stopping = stopping;
        _system = system;
        _sessions = sessions;
        Address = address;
    }

    /// <summary>The address the server is bound to (with the real port when <see cref="GrpcFrontOptions.Listen"/> asked for port 0), e.g. <c>http://127.0.0.1:50051</c>.</summary>
    public Uri Address { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync().ConfigureAwait(false); // ends every stream's handler, which stops its actor
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var session in _sessions) _system.Stop(session);
        _stopping.Dispose();
    }
}
