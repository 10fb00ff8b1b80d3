using System.Net;
using System.Net.Sockets;
using IBApi.protobuf;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The connection's timers on the test clock: backoff timings and heartbeat dead-link detection.</summary>
public sealed class ConnectionClockTests(ITestOutputHelper output) : DeskTestKit(output, "akka.test.single-expect-default = 10s")
{
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Fact]
    public void Reconnects_with_fibonacci_backoff_and_gives_up_after_the_configured_attempts()
    {
        Sys.EventStream.Subscribe<ConnectionEvents.StateChanged>(TestActor);
        var options = new DeskOptions { Port = ClosedPort(), MaxReconnectAttempts = 5 };
        Sys.ActorOf(ConnectionActor.Props(options, CreateTestProbe().Ref));

        double[] expected = [1, 2, 3, 5, 8];
        for (var attempt = 1; attempt <= expected.Length; attempt++)
        {
            Assert.Equal(attempt, ExpectMsg<ConnectionEvents.Connecting>().Attempt);
            ExpectMsg<ConnectionEvents.Disconnected>();
            var reconnecting = ExpectMsg<ConnectionEvents.Reconnecting>();
            Assert.Equal(attempt, reconnecting.Attempt);
            Assert.Equal(TimeSpan.FromSeconds(expected[attempt - 1]), reconnecting.Delay);
            Advance(reconnecting.Delay - TimeSpan.FromMilliseconds(1));
            ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // not a moment early
            Advance(TimeSpan.FromMilliseconds(1));
        }
        ExpectMsg<ConnectionEvents.Connecting>();
        ExpectMsg<ConnectionEvents.Disconnected>();
        Advance(TimeSpan.FromMinutes(5));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // gave up: no Reconnecting
    }

    [Fact]
    public async Task A_missed_heartbeat_declares_the_link_dead()
    {
        await using var gateway = new GatewayHarness();
        var router = CreateTestProbe("router");
        Sys.EventStream.Subscribe<ConnectionEvents.StateChanged>(TestActor);
        var connection = Sys.ActorOf(ConnectionActor.Props(gateway.DeskOptions(), router.Ref));
        ExpectMsg<ConnectionEvents.Connecting>();
        ExpectMsg<ConnectionEvents.Connected>();
        // Timers fire during Advance, but the actor handles their ticks later: a round trip makes sure it has.
        void Settle()
        {
            var probe = CreateTestProbe();
            connection.Tell(ConnectionMessages.GetState.Instance, probe.Ref);
            probe.ExpectMsg<ConnectionMessages.StateReply>();
        }

        // A heartbeat that is answered keeps the link.
        Advance(TimeSpan.FromSeconds(30));
        Settle();
        router.FishForMessage<GatewayMessages.Inbound>(i => i.Message is CurrentTime);
        Settle();
        Advance(TimeSpan.FromSeconds(10));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // A stalled gateway does not answer: dead link after the 10 s deadline, then Reconnecting.
        gateway.Server.Faults.StallResponses(TimeSpan.FromMinutes(10));
        Advance(TimeSpan.FromSeconds(20));
        Settle();
        Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Advance(TimeSpan.FromMilliseconds(1));
        Assert.Contains("currentTime", ExpectMsg<ConnectionEvents.Disconnected>().Reason);
        Assert.Equal(TimeSpan.FromMilliseconds(50), ExpectMsg<ConnectionEvents.Reconnecting>().Delay); // the harness's backoff unit
        gateway.Server.Faults.Dispose();
    }
}
