using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The desk's ScannerLimitReached arrives in the .NET client as a DeskCallException of its own kind, in the desk's words.</summary>
public sealed class ScannerLimitFailureTests
{
    [Fact]
    public void A_scan_over_the_limit_is_a_scanner_limit_exception_with_the_desks_words()
    {
        var failure = new W.Failure { ScannerLimitReached = new W.ScannerLimitReached { Limit = 10, Running = { "MOST_ACTIVE (STK STK.US.MAJOR)" } } };
        const string words = "the gateway allows 10 scanner subscriptions at a time; 10 are running: MOST_ACTIVE (STK STK.US.MAJOR)";
        var rpc = new Google.Rpc.Status { Code = (int)StatusCode.ResourceExhausted, Message = words, Details = { Any.Pack(failure) } }.ToRpcException();
        var e = DeskFailures.From(rpc);
        Assert.Equal((StatusCode.ResourceExhausted, DeskFailureKind.ScannerLimitReached, words), (e.StatusCode, e.Kind, e.Detail));
        Assert.Equal("MOST_ACTIVE (STK STK.US.MAJOR)", Assert.Single(e.Failure!.ScannerLimitReached.Running));
    }
}
