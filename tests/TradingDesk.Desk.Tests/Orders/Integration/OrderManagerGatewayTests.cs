using TradingDesk.Desk.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Simulator.Server;
using TradingDesk.Simulator.Tests.Support;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders.Integration;

/// <summary>
/// The order manager against the simulator's TCP gateway (port 0) with <see cref="FillingBackend"/>, without the
/// desk's connection actor: a codec client stands in for it, a wire actor writes what the pacer would send, and a
/// pump tells every decoded message to the order manager as the router would.
/// </summary>
public sealed class OrderManagerGatewayTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime()), IAsyncLifetime
{
    private readonly FillingBackend _backend = new() { NextId = 40 };
    private GatewayServer _server = null!;
    private TestClient _client = null!;
    private IActorRef _manager = null!;
    private Task _pump = Task.CompletedTask;

    /// <summary>Stands in for pacer + connection: writes each Outbound to the socket, in order.</summary>
    private sealed class Wire : ReceiveActor
    {
        public Wire(TestClient client) => ReceiveAsync<GatewayMessages.Outbound>(o => client.SendAsync(o.Message));
    }

    public async Task InitializeAsync()
    {
        _server = new GatewayServer(new GatewayOptions { Port = 0 }, _backend, TimeProvider.System, NullLoggerFactory.Instance);
        _server.Start();
        var (client, nextValidId, _) = await TestClient.StartAsync(_server.Port, clientId: 3);
        _client = client;
        var wire = Sys.ActorOf(Props.Create(() => new Wire(client)), "wire");
        _manager = Sys.ActorOf(OrderManagerActor.Props(wire, new OrderManagerOptions { ClientId = 3 }), "orders");
        _manager.Tell(new ConnectionEvents.Connected(client.ServerVersion, client.ConnectionTime, ["DU111111"], nextValidId, false, DateTimeOffset.UtcNow));
        _pump = Task.Run(PumpAsync);
    }

    private async Task PumpAsync()
    {
        try
        {
            while (true)
            {
                var decoded = await _client.NextAsync(TimeSpan.FromMinutes(5));
                if (decoded.Message is { } message) _manager.Tell(new GatewayMessages.Inbound(message, DateTimeOffset.UtcNow));
            }
        }
        catch (Exception ex) when (ex is System.Threading.Channels.ChannelClosedException or OperationCanceledException)
        {
            // the client closed: the test is over
        }
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _pump;
        await _server.DisposeAsync();
    }

    [Fact]
    public void An_order_placed_through_the_wire_streams_status_fill_and_commission_to_its_owner_once()
    {
        var owner = CreateTestProbe("owner");
        owner.Send(_manager, new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 100, 190.5m), new StrategyId("s")));
        Assert.Equal(new OrderId(40), owner.ExpectMsg<OrderEvents.OrderAccepted>().OrderId);

        var open = owner.ExpectMsg<OrderEvents.OpenOrderUpdated>();
        Assert.Equal((new OrderId(40), new PermId(5_000_040), "AAPL"), (open.OrderId, open.Order.PermId!.Value, open.Order.Contract!.Symbol));
        Assert.Equal(OrderStatus.Submitted, owner.ExpectMsg<OrderEvents.OrderStatusChanged>().Status);
        var fill = owner.ExpectMsg<OrderEvents.Filled>();
        Assert.Equal((100m, 190.5m, "BOT"), (fill.Quantity, fill.Price, fill.Side));
        Assert.NotNull(fill.GatewayTime); // "… US/Eastern" parsed with its zone
        var filled = owner.ExpectMsg<OrderEvents.OrderStatusChanged>();
        Assert.Equal((OrderStatus.Filled, 100m, 0m, 190.5m), (filled.Status, filled.Filled, filled.Remaining, filled.AvgFillPrice));
        Assert.Equal(fill.ExecId, owner.ExpectMsg<OrderEvents.CommissionReported>().ExecId);

        // reqExecutions replays the fill: the asker gets it, the owner does not see it twice.
        var asker = CreateTestProbe("asker");
        asker.Send(_manager, new OrderCommands.GetExecutions(ExecutionQuery.All));
        Assert.Equal([fill.ExecId], asker.ExpectMsg<OrderEvents.Executions>().Fills.Select(f => f.ExecId));
        owner.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Contains(_backend.Requests, r => r is Tws.ExecutionRequest { ReqId: 1_900_000_000 });
    }

    [Fact]
    public void A_cancel_of_an_order_the_gateway_does_not_know_fails_with_135()
    {
        var s = CreateTestProbe();
        var cancel = new OrderCommands.CancelOrder(new OrderId(12345));
        s.Send(_manager, cancel);
        s.ExpectMsg<OrderEvents.CancelSent>();
        var failed = s.ExpectMsg<RequestFailed>();
        Assert.Same(cancel, failed.Request);
        Assert.Equal(135, Assert.IsType<GatewayError>(failed.Failure).Code);
    }
}
