using Grpc.Core;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Mapping;
using Xunit;

namespace TradingDesk.Grpc.Tests;

/// <summary>An 11th distinct scan reaches a gRPC client as RESOURCE_EXHAUSTED naming the scans that hold the slots.</summary>
public sealed class ScannerLimitFailureTests
{
    [Fact]
    public void ScannerLimitReached_is_resource_exhausted_and_carries_the_running_scans()
    {
        var running = Enumerable.Range(1, 10).Select(i => $"SCAN_{i} (STK STK.US.MAJOR)").ToList();
        var rpc = CallFailures.From(new ScannerLimitReached(10, running));
        Assert.Equal(StatusCode.ResourceExhausted, rpc.StatusCode);
        var failure = Calls.Failure(rpc).ScannerLimitReached;
        Assert.Equal((10, false), (failure.Limit, failure.HasGatewayMessage));
        Assert.Equal(running, failure.Running);
        Assert.StartsWith("the gateway allows 10 scanner subscriptions at a time; 10 are running: SCAN_1 (STK STK.US.MAJOR), ", rpc.Status.Detail);
    }
}
