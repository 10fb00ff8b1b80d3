using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using TradingDesk.Desk.Telemetry;

namespace TradingDesk.Grpc.Telemetry;

/// <summary>
/// Counts every call of the desk's service with the status it ended with, times the unary ones and keeps the number of
/// open server streams, on the desk's meter (<see cref="DeskMetrics"/>). It runs outside the access check, so calls
/// refused for a missing token or read-only access are counted too (UNAUTHENTICATED, PERMISSION_DENIED).
/// </summary>
internal sealed class CallMetricsInterceptor(DeskMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var method = MethodOf(context);
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.Unknown;
        try
        {
            var response = await continuation(request, context);
            status = context.Status.StatusCode;
            return response;
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        finally
        {
            var tags = Tags(method, status);
            metrics.GrpcCalls.Add(1, tags);
            if (metrics.GrpcCallDuration.Enabled) metrics.GrpcCallDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var method = MethodOf(context);
        var methodTag = new KeyValuePair<string, object?>("method", method);
        var status = StatusCode.Unknown;
        metrics.GrpcStreams.Add(1, methodTag);
        try
        {
            await continuation(request, responseStream, context);
            // A stream whose client went away ends its handler normally: that is a cancel, not an OK.
            status = context.CancellationToken.IsCancellationRequested ? StatusCode.Cancelled : context.Status.StatusCode;
        }
        catch (RpcException ex)
        {
            status = ex.StatusCode;
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            status = StatusCode.Cancelled; // the client went away: the normal end of a stream it no longer wants
            throw;
        }
        finally
        {
            metrics.GrpcStreams.Add(-1, methodTag);
            metrics.GrpcCalls.Add(1, Tags(method, status));
        }
    }

    /// <summary>"/tradingdesk.v1.TradingDesk/PlaceOrder" → "PlaceOrder": one value per RPC, so the series stay few.</summary>
    private static string MethodOf(ServerCallContext context) => context.Method[(context.Method.LastIndexOf('/') + 1)..];

    private static TagList Tags(string method, StatusCode status) => new() { { "method", method }, { "status", status.ToString() } };
}
