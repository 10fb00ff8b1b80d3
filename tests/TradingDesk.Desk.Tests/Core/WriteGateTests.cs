using IBApi.protobuf;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Tests.Core.Support;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// The connection asks the desk's write gate before every write: a closed gate lets nothing reach the simulated
/// gateway, and once it opens everything held arrives, in order. Virtual time drives the gate's retry timer.
/// </summary>
public sealed class WriteGateTests(ITestOutputHelper output) : DeskTestKit(output, "akka.test.single-expect-default = 10s")
{
    /// <summary>A gate the test opens and closes (read from the connection's write loop: volatile).</summary>
    private sealed class Switch : IGatewayWriteGate
    {
        private volatile bool _open = true;

        public bool Open { get => _open; set => _open = value; }

        public bool MayWrite(out string reason)
        {
            reason = _open ? "" : "the node is not a member in good standing";
            return _open;
        }
    }

    private static GatewayMessages.Write Details(int requestId) =>
        new(new ContractDataRequest { ReqId = requestId, Contract = new IBApi.protobuf.Contract { Symbol = $"S{requestId}", SecType = "STK", Exchange = "SMART", Currency = "USD" } });

    private static int[] DetailsAsked(DeskBackend backend) =>
        backend.Received.OfType<ContractDataRequest>().Select(r => r.ReqId).ToArray();

    private void Settle(IActorRef connection)
    {
        // Timers fire during Advance but are handled later: a round trip through the mailbox makes sure it has been.
        var probe = CreateTestProbe();
        connection.Tell(ConnectionMessages.GetState.Instance, probe.Ref);
        probe.ExpectMsg<ConnectionMessages.StateReply>();
    }

    [Fact]
    public async Task While_the_gate_is_closed_nothing_reaches_the_gateway_and_once_it_opens_everything_arrives_in_order()
    {
        await using var gateway = new GatewayHarness();
        var gate = new Switch();
        var router = CreateTestProbe("router");
        // Only the answers to the contract requests matter here, not the session's own messages.
        router.IgnoreMessages<GatewayMessages.Inbound>(i => i.Message is not (ContractData or ContractDataEnd));
        var states = CreateTestProbe("states");
        var held = CreateTestProbe("held");
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(states.Ref);
        Sys.EventStream.Subscribe<WriteGateEvents.Held>(held.Ref);
        Sys.EventStream.Subscribe<WriteGateEvents.Released>(held.Ref);
        var connection = Sys.ActorOf(ConnectionActor.Props(gateway.DeskOptions() with { WriteGate = gate }, router.Ref));
        states.ExpectMsg<ConnectionEvents.Connected>();

        gate.Open = false;
        for (var id = 1; id <= 5; id++) connection.Tell(Details(id));
        var closed = held.ExpectMsg<WriteGateEvents.Held>(); // the retry timer is armed
        Assert.Equal("the node is not a member in good standing", closed.Reason);
        Advance(closed.RetryEvery); // still closed: it holds on and asks again later
        Settle(connection);
        router.ExpectNoMsg(Quiet); // the simulator answers each request it gets: no answer, nothing written
        Assert.Empty(DetailsAsked(gateway.Backend));
        held.ExpectNoMsg(TimeSpan.Zero); // one Held for the closed period

        gate.Open = true;
        Advance(closed.RetryEvery);
        Assert.Equal(5, held.ExpectMsg<WriteGateEvents.Released>().Queued);
        gateway.Backend.WaitFor(b => DetailsAsked(b).Length == 5, "asked for the five contracts");
        Assert.Equal([1, 2, 3, 4, 5], DetailsAsked(gateway.Backend));
        connection.Tell(Details(6)); // and writes flow straight through again
        gateway.Backend.WaitFor(b => DetailsAsked(b).Length == 6, "asked for the sixth contract");
    }

    [Fact]
    public async Task A_closed_gate_fails_a_connect_attempt_before_the_hello()
    {
        await using var gateway = new GatewayHarness();
        Sys.EventStream.Subscribe<ConnectionEvents.StateChanged>(TestActor);
        Sys.ActorOf(ConnectionActor.Props(gateway.DeskOptions() with { WriteGate = new Switch { Open = false } }, CreateTestProbe().Ref));
        ExpectMsg<ConnectionEvents.Connecting>();
        Assert.Contains("write gate is closed", ExpectMsg<ConnectionEvents.Disconnected>().Reason);
        ExpectMsg<ConnectionEvents.Reconnecting>();
        Assert.Empty(gateway.Backend.Received); // no session: the simulator never heard a hello, let alone startApi
    }
}
