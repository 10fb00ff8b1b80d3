using Akka.Actor;
using Grpc.Core;
using Status = Grpc.Core.Status;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Sessions;

namespace TradingDesk.Grpc.Mapping;

/// <summary>
/// One unary call to the desk (or to the caller's session): an Ask bounded by the call's deadline (or the front's
/// default when the caller set none), cancelled with the call, and the reply as the expected type or the
/// matching gRPC status.
/// </summary>
internal static class DeskCall
{
    public static TimeSpan Timeout(ServerCallContext context, TimeSpan fallback)
    {
        if (context.Deadline == DateTime.MaxValue) return fallback;
        var left = context.Deadline.ToUniversalTime() - DateTime.UtcNow;
        return left > TimeSpan.FromMilliseconds(1) ? left : TimeSpan.FromMilliseconds(1);
    }

    public static async Task<T> AskAsync<T>(IActorRef target, object command, ServerCallContext context, TimeSpan fallback)
    {
        var timeout = Timeout(context, fallback);
        object reply;
        try
        {
            reply = await target.Ask<object>(command, timeout, context.CancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            throw CallFailures.TimedOut(timeout);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The caller went away (or its deadline passed, which gRPC reports itself): nobody reads this status.
            throw new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }
        catch (OperationCanceledException)
        {
            throw CallFailures.TimedOut(timeout);
        }
        return reply switch
        {
            T typed => typed,
            RequestFailed failed => throw CallFailures.From(failed.Failure),
            SessionMessages.Refused refused => throw CallFailures.Denied(refused.Problem),
            _ => throw new RpcException(new Status(StatusCode.Internal,
                $"{command.GetType().Name} was answered with {reply.GetType().Name}, not {typeof(T).Name}")),
        };
    }
}
