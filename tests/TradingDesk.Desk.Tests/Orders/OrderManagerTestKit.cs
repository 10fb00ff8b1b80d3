using Google.Protobuf;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

/// <summary>
/// An order manager between a pacer probe (what would go on the wire) and the test, which plays the router
/// (feeding <see cref="GatewayMessages.Inbound"/>) and the connection (sending <see cref="ConnectionEvents"/>).
/// </summary>
public abstract class OrderManagerTestKit : DeskTestKit
{
    protected static readonly ContractSpec Aapl = Contract.Stock("AAPL");

    protected OrderManagerTestKit(ITestOutputHelper output, OrderManagerOptions? options = null, string? hocon = null) : base(output, hocon)
    {
        Pacer = CreateTestProbe("pacer");
        ManagerOptions = options ?? new OrderManagerOptions { ClientId = 7 };
        Manager = Sys.ActorOf(OrderManagerActor.Props(Pacer.Ref, ManagerOptions), "orders");
    }

    /// <summary>
    /// Stops the order manager and starts a new one on the same journal: a desk process that died and came back. The
    /// new one has to be connected again (<see cref="Connect"/>: its first connect reconciles with the gateway).
    /// </summary>
    protected void Restart()
    {
        var watcher = CreateTestProbe();
        // Stop is a system message: it would overtake writes still in flight. A command waits for them (Akka stashes
        // commands while the order manager persists), so its answer says the journal has everything sent before.
        watcher.Send(Manager, new OrderCommands.GetStrategyBindings());
        watcher.ExpectMsg<OrderEvents.StrategyBindings>();
        watcher.Watch(Manager);
        Sys.Stop(Manager);
        watcher.ExpectTerminated(Manager);
        // A name of its own: the guardian may not have released the old one's yet (its Terminated reached us first).
        Manager = Sys.ActorOf(OrderManagerActor.Props(Pacer.Ref, ManagerOptions), $"orders-{++_incarnation}");
        _connected = false;
    }

    protected TestProbe Pacer { get; }

    protected OrderManagerOptions ManagerOptions { get; }

    protected IActorRef Manager { get; private set; }

    // The scheduler's time (virtual): what the order manager stamps its events with.
    protected new DateTimeOffset Now => Sys.Scheduler.Now;

    /// <summary>
    /// The connection's Connected. The manager's first one starts the recovery of a desk without memory (open orders and
    /// the session's executions); unless <paramref name="drainRecovery"/> is false it is answered here with empty lists,
    /// so a test goes on from a desk that found nothing at the gateway.
    /// </summary>
    protected void Connect(int nextValidId, bool reconnect = false, bool drainRecovery = true)
    {
        Manager.Tell(new ConnectionEvents.Connected(213, "20261121 18:00:00 UTC", ["DU1"], nextValidId, reconnect, Now));
        var first = !_connected;
        _connected = true;
        if (!first || !ManagerOptions.RecoverOnStart || !drainRecovery) return;
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        var exec = Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        Assert.Equal(ManagerOptions.ClientId, exec.ExecutionFilter.ClientId);
        Inbound(new Tws.OpenOrdersEnd());
        Inbound(new Tws.ExecutionDetailsEnd { ReqId = exec.ReqId });
    }

    private bool _connected;
    private int _incarnation;

    protected void Disconnect() => Manager.Tell(new ConnectionEvents.Disconnected("socket closed", Now));

    protected void Inbound(IMessage message) => Manager.Tell(new GatewayMessages.Inbound(message, Now));

    /// <summary>The next thing the pacer got, unwrapped: asserts it was sent with the given priority.</summary>
    protected T Sent<T>(OutboundPriority priority = OutboundPriority.Order) where T : IMessage
    {
        var outbound = Pacer.ExpectMsg<GatewayMessages.Outbound>();
        Assert.Equal(priority, outbound.Priority);
        return Assert.IsType<T>(outbound.Message);
    }

    /// <summary>Places a limit order from <paramref name="strategy"/> and returns its id (also checks the placeOrder).</summary>
    protected OrderId Place(TestProbe strategy, string strategyId, OrderSpec? order = null, ContractSpec? contract = null)
    {
        strategy.Send(Manager, new OrderCommands.PlaceOrder(contract ?? Aapl, order ?? Order.Limit(OrderAction.Buy, 100, 190m), new StrategyId(strategyId)));
        var accepted = strategy.ExpectMsg<OrderEvents.OrderAccepted>();
        var request = Sent<Tws.PlaceOrderRequest>();
        Assert.Equal(accepted.OrderId.Value, request.OrderId);
        return accepted.OrderId;
    }

    protected static Tws.OrderStatus Status(OrderId id, string status, decimal filled = 0, decimal remaining = 100, double avg = 0, long permId = 0, int? clientId = 7)
    {
        var s = new Tws.OrderStatus
        {
            OrderId = id.Value, Status = status, Filled = filled.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Remaining = remaining.ToString(System.Globalization.CultureInfo.InvariantCulture), AvgFillPrice = avg, PermId = permId,
        };
        if (clientId is { } c) s.ClientId = c;
        return s;
    }

    protected static Tws.OpenOrder Open(OrderId id, string status, int clientId = 7, long permId = 0, string symbol = "AAPL") => new()
    {
        OrderId = id.Value,
        Contract = new Tws.Contract { Symbol = symbol, SecType = "STK", Exchange = "SMART", Currency = "USD" },
        Order = new Tws.Order { OrderId = id.Value, ClientId = clientId, PermId = permId, Action = "BUY", TotalQuantity = "100", OrderType = "LMT", LmtPrice = 190 },
        OrderState = new Tws.OrderState { Status = status },
    };

    protected static Tws.ExecutionDetails Exec(OrderId id, string execId, decimal shares = 100, double price = 190, int reqId = -1, int clientId = 7, string symbol = "AAPL") => new()
    {
        ReqId = reqId,
        Contract = new Tws.Contract { Symbol = symbol, SecType = "STK", Exchange = "SMART", Currency = "USD" },
        Execution = new Tws.Execution
        {
            OrderId = id.Value, ExecId = execId, Time = "20261121-18:01:02", AcctNumber = "DU1", Exchange = "ISLAND", Side = "BOT",
            Shares = shares.ToString(System.Globalization.CultureInfo.InvariantCulture), Price = price, PermId = 1000 + id.Value,
            ClientId = clientId, CumQty = shares.ToString(System.Globalization.CultureInfo.InvariantCulture), AvgPrice = price,
        },
    };

    protected static Tws.ErrorMessage Error(OrderId id, int code, string text) =>
        new() { Id = id.Value, ErrorCode = code, ErrorMsg = text, ErrorTime = 1_795_000_000_000 };

    /// <summary>
    /// A reconnect sends reqAllOpenOrders and reqExecutions; answer them empty. With orders the desk thought working,
    /// it then asks for completed orders; answer that empty too.
    /// </summary>
    /// <summary>
    /// Answers the reconciliation after a reconnect with empty lists. Working orders the gateway never acknowledged
    /// (no perm id) and now lists nowhere are sent again with the same id: pass them as <paramref name="resent"/>.
    /// </summary>
    protected void DrainReconciliation(bool workingOrders, params OrderId[] resent)
    {
        Sent<Tws.AllOpenOrdersRequest>(OutboundPriority.Data);
        var exec = Sent<Tws.ExecutionRequest>(OutboundPriority.Data);
        Inbound(new Tws.OpenOrdersEnd());
        Inbound(new Tws.ExecutionDetailsEnd { ReqId = exec.ReqId });
        if (!workingOrders) return;
        Sent<Tws.CompletedOrdersRequest>(OutboundPriority.Data);
        Inbound(new Tws.CompletedOrdersEnd());
        foreach (var id in resent) Assert.Equal(id.Value, Sent<Tws.PlaceOrderRequest>().OrderId);
    }
}
