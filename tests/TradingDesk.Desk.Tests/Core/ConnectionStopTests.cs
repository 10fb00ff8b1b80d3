using Akka.Event;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>A connection that stops closes its link quietly: the closing link tells the stopped actor nothing.</summary>
public sealed class ConnectionStopTests(ITestOutputHelper output) : DeskTestKit(output, "akka.test.single-expect-default = 10s")
{
    [Fact]
    public async Task Stopping_a_connected_connection_leaves_no_dead_letter()
    {
        await using var gateway = new GatewayHarness();
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(deadLetters.Ref);
        Sys.EventStream.Subscribe<ConnectionEvents.StateChanged>(TestActor);
        var connection = Sys.ActorOf(ConnectionActor.Props(gateway.DeskOptions(), CreateTestProbe("router").Ref));
        ExpectMsg<ConnectionEvents.Connecting>();
        ExpectMsg<ConnectionEvents.Connected>();

        Watch(connection);
        Sys.Stop(connection);
        ExpectTerminated(connection);
        // The link's read loop ends when the stop disposes it; before, it told the stopped actor Down ("closed by the desk").
        deadLetters.ExpectNoMsg(TimeSpan.FromMilliseconds(500));
    }
}
