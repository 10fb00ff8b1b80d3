using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Simulator;
using Xunit;
using Xunit.Abstractions;
using SimClient = TradingDesk.Simulator.Orders.ClientId;

namespace TradingDesk.Desk.Tests.Orders.Integration;

/// <summary>
/// The whole desk against the simulator over TCP with an off-grid limit (AAPL trades in cents, rule 26), placed or
/// given to a working order by a modification: Reject refuses it before anything reaches the gateway, Nearest books
/// the rounded price, Off lets the gateway answer 110.
/// </summary>
public sealed class MarketRuleRoundingSimulatorTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(15))
{
    private const int ClientId = 9;
    private static readonly StrategyId Owner = new("rounding");
    private static readonly ContractSpec Aapl = Contract.Stock("AAPL");

    private IActorRef StartDesk(GatewaySimulator sim, PriceRounding deskDefault)
    {
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions
        {
            Port = sim.Port, ClientId = ClientId, PacerStatusInterval = TimeSpan.Zero,
            Orders = new global::TradingDesk.Desk.Orders.OrderManagerOptions { DefaultPriceRounding = deskDefault },
        });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        return desk;
    }

    private static Task<GatewaySimulator> Simulator() =>
        GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 5, Start = SimulatorOptions.DefaultManualStart });

    private static Task<decimal?> LimitAtGateway(GatewaySimulator sim, OrderId id) =>
        sim.InvokeAsync(m => m.GetOrder(new SimClient(ClientId), new global::TradingDesk.Simulator.Orders.OrderId(id.Value))?.Ticket.LimitPrice);

    /// <summary>A buy limit on the grid, far below the market: it works at the gateway until modified.</summary>
    private OrderId PlaceWorking(IActorRef desk, TestProbe owner, decimal limit)
    {
        owner.Send(desk, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 1, limit), Owner));
        var id = owner.FishForMessage<OrderEvents.OrderAccepted>(_ => true, TimeSpan.FromSeconds(10)).OrderId;
        owner.FishForMessage<OrderEvents.OpenOrderUpdated>(o => o.OrderId == id && o.Order.LimitPrice == limit);
        return id;
    }

    [Fact]
    public async Task Reject_refuses_the_off_grid_limit_with_both_neighbours_and_the_gateway_never_hears_of_it()
    {
        await using var sim = await Simulator();
        var desk = StartDesk(sim, PriceRounding.Off);
        var owner = CreateTestProbe();

        var place = new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 1, 1.005m) with { PriceRounding = PriceRounding.Reject }, Owner);
        owner.Send(desk, place);
        var failed = owner.ExpectMsg<RequestFailed>(TimeSpan.FromSeconds(10));
        Assert.Equal(place, failed.Request);
        Assert.Contains("the valid neighbours are 1.00 and 1.01", Assert.IsType<InvalidRequest>(failed.Failure).Problem);

        // The next order on the grid gets the first id: the refused one never reached the order manager.
        owner.Send(desk, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 1, 1.01m), Owner));
        var accepted = owner.FishForMessage<OrderEvents.OrderAccepted>(_ => true);
        owner.FishForMessage<OrderEvents.OrderStatusChanged>(s => s.OrderId == accepted.OrderId && s.Status.IsActive());
        var atGateway = await sim.InvokeAsync(m => m.OpenOrders(new SimClient(ClientId)).Concat(m.CompletedOrders(new SimClient(ClientId))).ToList());
        Assert.Equal([1.01m], atGateway.Select(o => o.Ticket.LimitPrice));
    }

    [Fact]
    public async Task Nearest_books_the_rounded_limit_at_the_gateway_and_the_journal_holds_what_was_sent()
    {
        await using var sim = await Simulator();
        var desk = StartDesk(sim, PriceRounding.Nearest);
        var owner = CreateTestProbe();

        owner.Send(desk, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 1, 1.006m), Owner));
        var id = owner.FishForMessage<OrderEvents.OrderAccepted>(_ => true, TimeSpan.FromSeconds(10)).OrderId;
        var open = owner.FishForMessage<OrderEvents.OpenOrderUpdated>(o => o.OrderId == id);
        Assert.Equal(1.01m, open.Order.LimitPrice);
        var booked = await sim.InvokeAsync(m => m.GetOrder(new SimClient(ClientId), new global::TradingDesk.Simulator.Orders.OrderId(id.Value)));
        Assert.Equal(1.01m, booked?.Ticket.LimitPrice);
    }

    [Fact]
    public async Task Off_sends_the_price_as_given_and_the_gateways_110_comes_back_to_the_owner()
    {
        await using var sim = await Simulator();
        var desk = StartDesk(sim, PriceRounding.Nearest);
        var owner = CreateTestProbe();

        owner.Send(desk, new OrderCommands.PlaceOrder(Aapl, Order.Limit(OrderAction.Buy, 1, 1.005m) with { PriceRounding = PriceRounding.Off }, Owner));
        var id = owner.FishForMessage<OrderEvents.OrderAccepted>(_ => true, TimeSpan.FromSeconds(10)).OrderId;
        var rejected = owner.FishForMessage<OrderEvents.OrderRejected>(r => r.OrderId == id);
        Assert.Equal(110, rejected.Code);
        Assert.Contains("The price does not conform to the minimum price variation for this contract.", rejected.Reason);
    }

    [Fact]
    public async Task Nearest_rounds_a_modification_and_the_gateway_books_the_rounded_limit_without_a_110()
    {
        await using var sim = await Simulator();
        var desk = StartDesk(sim, PriceRounding.Off);
        var owner = CreateTestProbe();
        var id = PlaceWorking(desk, owner, 1.01m);

        owner.Send(desk, new OrderCommands.ModifyOrder(id, Order.Limit(OrderAction.Buy, 1, 1.026m) with { PriceRounding = PriceRounding.Nearest }));
        owner.FishForMessage<OrderEvents.OrderModifySent>(m => m.OrderId == id);
        // The gateway echoes the modification with the rounded price; an unrounded one would have been answered 110.
        owner.FishForMessage<object>(m =>
        {
            Assert.False(m is OrderEvents.OrderNotice { Code: 110 } or OrderEvents.OrderRejected, $"the gateway refused the modification: {m}");
            return m is OrderEvents.OpenOrderUpdated o && o.OrderId == id && o.Order.LimitPrice == 1.03m;
        });
        Assert.Equal(1.03m, await LimitAtGateway(sim, id));
    }

    [Fact]
    public async Task Reject_refuses_an_off_grid_modification_with_both_neighbours_and_the_order_stays_as_it_was_at_the_gateway()
    {
        await using var sim = await Simulator();
        var desk = StartDesk(sim, PriceRounding.Nearest);
        var owner = CreateTestProbe();
        var id = PlaceWorking(desk, owner, 1.01m);

        var modify = new OrderCommands.ModifyOrder(id, Order.Limit(OrderAction.Buy, 1, 1.025m) with { PriceRounding = PriceRounding.Reject });
        owner.Send(desk, modify);
        var failed = owner.FishForMessage<RequestFailed>(_ => true);
        Assert.Equal(modify, failed.Request);
        Assert.Contains("the valid neighbours are 1.02 and 1.03", Assert.IsType<InvalidRequest>(failed.Failure).Problem);

        // reqAllOpenOrders leaves behind anything sent before it: its answer is the gateway's state after the refusal.
        owner.Send(desk, new OrderCommands.GetOpenOrders());
        var open = owner.FishForMessage<OrderEvents.OpenOrders>(_ => true);
        Assert.Equal([1.01m], open.Orders.Where(o => o.OrderId == id).Select(o => o.LimitPrice));
        Assert.Equal(1.01m, await LimitAtGateway(sim, id));

        // An order the desk never placed has no contract to round to: refused in the order manager's words.
        var unknown = new OrderCommands.ModifyOrder(new OrderId(id.Value + 100), Order.Limit(OrderAction.Buy, 1, 1.026m));
        owner.Send(desk, unknown);
        failed = owner.FishForMessage<RequestFailed>(_ => true);
        Assert.Equal(unknown, failed.Request);
        Assert.Equal($"order {unknown.OrderId} was not placed by this desk; only the owner may modify it", Assert.IsType<InvalidRequest>(failed.Failure).Problem);
    }
}
