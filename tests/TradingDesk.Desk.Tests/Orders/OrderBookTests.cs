using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Risk;
using Xunit;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders;

/// <summary>The functional core on its own: no actors, just Decide / Observe / Apply.</summary>
public sealed class OrderBookTests
{
    private static readonly OrderManagerOptions Options = new() { ClientId = 1 };
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 18, 0, 0, TimeSpan.Zero);

    private static OrderBook Online(int nextId) => new OrderBook { ClientId = 1 }
        .Apply(new BookEvent.IdsOffered(nextId))
        .Apply(new BookEvent.ConnectivityChanged(true));

    private static OrderBook ApplyAll(OrderBook book, IEnumerable<BookEvent> events) => events.Aggregate(book, (b, e) => b.Apply(e));

    [Fact]
    public void Offered_ids_never_move_the_next_id_backwards()
    {
        var book = Online(100).Apply(new BookEvent.IdsOffered(5));
        Assert.Equal(100, book.NextId);
        Assert.Equal(300, book.Apply(new BookEvent.IdsOffered(300)).NextId);
    }

    [Fact]
    public void Deciding_a_placement_allocates_the_next_id_and_applying_it_advances()
    {
        var book = Online(7);
        var decision = book.Decide(new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 10m), new StrategyId("s")), Options, _ => true);
        var submitted = Assert.IsType<BookEvent.OrderPlaced>(Assert.Single(decision.Events));
        Assert.Equal(new OrderId(7), submitted.Order.Id);
        book = ApplyAll(book, decision.Events);
        Assert.Equal(8, book.NextId);
        Assert.Equal(1, book.WorkingOrders(new StrategyId("s")));
        Assert.Equal(10m, book.LastPrice(Contract.Stock("AAPL")));
    }

    [Fact]
    public void A_denied_decision_records_nothing()
    {
        var book = Online(7) with { KillSwitch = "stop" };
        var decision = book.Decide(new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 1, 10m), new StrategyId("s")), Options, _ => true);
        Assert.Empty(decision.Events);
        Assert.Equal(new RiskDenied(RiskGate.KillSwitchRule, "stop"), decision.Failure);
    }

    [Fact]
    public void Observing_an_execution_twice_yields_one_fill_and_routes_its_commission_to_the_order()
    {
        var book = Online(1);
        book = ApplyAll(book, book.Decide(new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Market(OrderAction.Buy, 5), new StrategyId("s"), 10m), Options, _ => true).Events);
        var exec = new Tws.ExecutionDetails
        {
            ReqId = -1,
            Contract = new Tws.Contract { Symbol = "AAPL", SecType = "STK", Currency = "USD", Exchange = "SMART" },
            Execution = new Tws.Execution { OrderId = 1, ExecId = "x1", ClientId = 1, Shares = "5", CumQty = "5", Price = 11, AvgPrice = 11, Side = "BOT" },
        };
        var first = book.Observe(exec, T0);
        var fill = Assert.IsType<OrderEvents.Filled>(Assert.IsType<BookEvent.Observed>(Assert.Single(first)).Event);
        Assert.Equal(new StrategyId("s"), fill.Strategy);
        book = ApplyAll(book, first);
        Assert.Empty(book.Observe(exec, T0));
        Assert.Equal(11m, book.LastPrice(Contract.Stock("AAPL")));

        var commission = book.Observe(new Tws.CommissionAndFeesReport { ExecId = "x1", CommissionAndFees = 0.5, Currency = "USD" }, T0);
        var reported = Assert.IsType<OrderEvents.CommissionReported>(Assert.IsType<BookEvent.Observed>(Assert.Single(commission)).Event);
        Assert.Equal((new OrderId(1), 0.5m), (reported.OrderId, reported.Commission));
    }

    [Fact]
    public void A_status_is_ignored_when_identical_to_the_last_one_and_a_final_status_ends_the_order()
    {
        var book = Online(1);
        book = ApplyAll(book, book.Decide(new OrderCommands.PlaceOrder(Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 5, 10m), new StrategyId("s")), Options, _ => true).Events);
        var status = new Tws.OrderStatus { OrderId = 1, Status = "Filled", Filled = "5", Remaining = "0", ClientId = 1 };
        book = ApplyAll(book, book.Observe(status, T0));
        Assert.Empty(book.Observe(status, T0.AddSeconds(1)));
        Assert.Equal(0, book.WorkingOrders(new StrategyId("s")));
        Assert.IsType<InvalidRequest>(book.Decide(new OrderCommands.CancelOrder(new OrderId(1)), Options, _ => true).Failure);
    }

    [Theory]
    [InlineData("20261121-18:01:02", 18)]
    [InlineData("20261121 18:01:02", 18)]
    [InlineData("20261121 13:01:02 US/Eastern", 18)]
    [InlineData("20261121 13:01:02 America/New_York", 18)]
    public void Execution_times_are_read_in_every_format_IB_writes(string text, int utcHour)
    {
        var t = OrderWire.ParseIbTime(text);
        Assert.NotNull(t);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, utcHour, 1, 2, TimeSpan.Zero), t!.Value.ToUniversalTime());
    }
}
