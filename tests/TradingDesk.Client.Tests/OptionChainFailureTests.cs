using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The desk's OptionChainTimedOut arrives in the .NET client as a TimedOutException that says how long it waited.</summary>
public sealed class OptionChainFailureTests
{
    [Fact]
    public void A_chain_past_its_deadline_is_a_timed_out_exception_naming_the_parts_that_answered()
    {
        var failure = new W.Failure { OptionChainTimedOut = new W.OptionChainTimedOut { AfterTicks = TimeSpan.FromSeconds(60).Ticks, Answered = 9, Parts = 12 } };
        var rpc = new Google.Rpc.Status { Code = (int)StatusCode.DeadlineExceeded, Message = "chain", Details = { Any.Pack(failure) } }.ToRpcException();
        var timedOut = Assert.IsType<TimedOutException>(DeskFailures.From(rpc));
        Assert.Equal(TimeSpan.FromSeconds(60), timedOut.After);
        Assert.Contains("9 of its 12 requests had answered", timedOut.Message);
    }
}
