using IBApi.protobuf;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Routing;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>A request actor with a probe as its pacer, on the test clock: no request waits for ever.</summary>
public sealed class RequestActorTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly RequestTimeouts Timeouts = new();

    [Fact]
    public void A_request_the_pacer_never_sends_fails_after_its_deadline_plus_the_queue_limit()
    {
        var pacer = CreateTestProbe("pacer");
        var command = new ReferenceDataMessages.GetCurrentTime();
        Sys.ActorOf(RequestActor.Props(new CurrentTimePlan(command, inMillis: false), TestActor, pacer.Ref, 1_000_000_001, Timeouts, connected: true));
        Assert.IsType<CurrentTimeRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);

        Advance(Timeouts.OneShot + Timeouts.QueueLimit - TimeSpan.FromSeconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
        Advance(TimeSpan.FromSeconds(1));
        var failed = ExpectMsg<RequestFailed>();
        Assert.Equal(command, failed.Request);
        Assert.Equal(Timeouts.OneShot + Timeouts.QueueLimit, Assert.IsType<RequestTimedOut>(failed.Failure).After);
    }
}
