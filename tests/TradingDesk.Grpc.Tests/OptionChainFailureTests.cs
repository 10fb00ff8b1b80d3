using Grpc.Core;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Mapping;
using Xunit;

namespace TradingDesk.Grpc.Tests;

/// <summary>A chain past its overall deadline reaches a gRPC client as DEADLINE_EXCEEDED with the parts that answered.</summary>
public sealed class OptionChainFailureTests
{
    [Fact]
    public void OptionChainTimedOut_is_deadline_exceeded_and_carries_how_many_parts_answered()
    {
        var rpc = CallFailures.From(new OptionChainTimedOut(TimeSpan.FromSeconds(60), 9, 12));
        Assert.Equal(StatusCode.DeadlineExceeded, rpc.StatusCode);
        var failure = Calls.Failure(rpc).OptionChainTimedOut;
        Assert.Equal((TimeSpan.FromSeconds(60).Ticks, 9, 12), (failure.AfterTicks, failure.Answered, failure.Parts));
        Assert.Contains("9 of its 12 requests had answered", rpc.Status.Detail);
    }
}
