using Grpc.Core;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>What the tests ask of a call's outcome and of a stream.</summary>
internal static class Calls
{
    private static readonly TimeSpan StreamWait = TimeSpan.FromSeconds(10);

    /// <summary>The call fails with <paramref name="code"/>; returns the exception.</summary>
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var failure = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(failure.StatusCode == code, $"expected {code}, got {failure.StatusCode}: {failure.Status.Detail}");
        return failure;
    }

    /// <summary>The desk's typed failure in the status details (google.rpc.Status).</summary>
    public static W.Failure Failure(RpcException failure)
    {
        var status = failure.GetRpcStatus();
        Assert.NotNull(status);
        var detail = status!.GetDetail<W.Failure>();
        Assert.NotNull(detail);
        return detail!;
    }

    /// <summary>Reads the stream up to the first item that matches (items before it are collected too).</summary>
    public static async Task<(T Match, List<T> Before)> UntilAsync<T>(IAsyncStreamReader<T> stream, Func<T, bool> match)
    {
        using var timeout = new CancellationTokenSource(StreamWait);
        var before = new List<T>();
        while (await stream.MoveNext(timeout.Token))
        {
            if (match(stream.Current)) return (stream.Current, before);
            before.Add(stream.Current);
        }
        throw new InvalidOperationException("the stream ended before the item the test waits for");
    }
}
