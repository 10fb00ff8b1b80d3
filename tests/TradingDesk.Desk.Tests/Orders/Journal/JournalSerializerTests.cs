using System.Runtime.Serialization;
using System.Text;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Orders.Journal;
using TradingDesk.Desk.Risk;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Desk.Tests.Orders.Journal;

/// <summary>The journal's entries through the serializer the desk binds: every kind, the snapshot, and what it refuses.</summary>
public sealed class JournalSerializerTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly DateTimeOffset T = new(2026, 12, 2, 15, 30, 0, TimeSpan.Zero);
    private static readonly StrategyId S = new("maker");

    private static readonly OrderRecord Placed = new(new OrderId(41), S, Contract.Stock("AAPL"), Order.Limit(OrderAction.Buy, 100, 189.55m) with { OrderRef = "r-1" }, null)
    {
        Remaining = 100,
    };

    private static readonly OrderEvents.Filled Fill = new(new OrderId(41), new PermId(9041), new ExecId("0001f4e8.6743.01.01"), S, Contract.Stock("AAPL"),
        "BOT", 40, 189.55m, 40, 189.55m, "DU1", "ISLAND", T, T.AddMilliseconds(3));

    public static TheoryData<string> Entries() => new(Samples().Keys);

    private static Dictionary<string, object> Samples() => new()
    {
        ["order-placed"] = new BookEvent.OrderPlaced(Placed),
        ["order-modified"] = new BookEvent.OrderModified(Placed with { Spec = Placed.Spec! with { LimitPrice = 189.60m } }),
        ["kill-switch-changed"] = new BookEvent.KillSwitchChanged("drawdown"),
        ["limits-changed"] = new BookEvent.LimitsChanged(S, new RiskLimits { MaxOrderQuantity = 500, MaxOpenOrders = 3, AllowedSymbols = new HashSet<string> { "AAPL" } }),
        ["order-discovered"] = new BookEvent.OrderDiscovered(new OrderRecord(new OrderId(77), null, null, null, null) { PermId = new PermId(9077), Status = OrderStatus.Submitted }),
        ["owner-learned"] = new BookEvent.OwnerLearned(new OrderId(77), S),
        ["strategy-registered"] = new BookEvent.StrategyRegistered(S),
        ["fills-delivered"] = new BookEvent.FillsDelivered(S, [new ExecId("a"), new ExecId("b")]),
        ["observed"] = new BookEvent.Observed(Fill, true),
        ["book-snapshot"] = Book(),
    };

    private static OrderBook Book() => new OrderBook { ClientId = 1 }
        .Apply(new BookEvent.IdsOffered(41))
        .Apply(new BookEvent.OrderPlaced(Placed))
        .Apply(new BookEvent.StrategyRegistered(S))
        .Apply(new BookEvent.Observed(new OrderEvents.OrderStatusChanged(new OrderId(41), new PermId(9041), S, OrderStatus.Submitted, 0, 100, null, null, null, null, null, T), true))
        .Apply(new BookEvent.Observed(Fill, true))
        .Apply(new BookEvent.FillsDelivered(S, [Fill.ExecId]))
        .Apply(new BookEvent.LimitsChanged(S, new RiskLimits { MaxNotional = 50_000m }));

    [Theory]
    [MemberData(nameof(Entries))]
    public void Every_entry_goes_through_the_journal_serializer_under_its_manifest_and_comes_back_the_same(string manifest)
    {
        var entry = Samples()[manifest];
        var serializer = Assert.IsType<OrderJournalSerializer>(Sys.Serialization.FindSerializerFor(entry));
        Assert.Equal(manifest, serializer.Manifest(entry));
        var bytes = serializer.ToBinary(entry);
        var back = serializer.FromBinary(bytes, manifest);
        Assert.IsType(entry.GetType(), back);
        // Records holding lists compare lists by reference: compare what they write instead, and a few fields by value.
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(serializer.ToBinary(back)));
        Assert.DoesNotContain("TradingDesk.", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_keeps_what_recovery_needs()
    {
        var serializer = new OrderJournalSerializer((ExtendedActorSystem)Sys);
        var book = (OrderBook)serializer.FromBinary(serializer.ToBinary(Book()), "book-snapshot");
        Assert.Equal(42, book.NextId);
        var order = book.Orders[new OrderId(41)];
        Assert.Equal((S, OrderStatus.Submitted, 189.55m, "r-1"), (order.Strategy!.Value, order.Status, order.Spec!.LimitPrice!.Value, order.Spec.OrderRef));
        Assert.Equal(new PermId(9041), order.PermId);
        Assert.Contains(Fill.ExecId.Value, book.SeenExecIds);
        Assert.Equal(Fill, Assert.Single(book.SessionFills));
        Assert.Contains(Fill.ExecId, book.DeliveredFills[S]);
        Assert.Contains(S, book.Registered);
        Assert.Equal(50_000m, book.LimitOverrides[S].MaxNotional);
        Assert.Empty(book.Undelivered(S));
    }

    [Fact]
    public void Session_effects_are_not_journaled_and_an_unknown_manifest_says_what_it_is()
    {
        var serializer = new OrderJournalSerializer((ExtendedActorSystem)Sys);
        var effect = Assert.Throws<SerializationException>(() => serializer.Manifest(new BookEvent.CancelSubmitted(new OrderId(1))));
        Assert.Contains("not journaled", effect.Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<SerializationException>(() => serializer.FromBinary("{}"u8.ToArray(), "order-teleported"));
        Assert.Contains("'order-teleported' is not an order journal entry", unknown.Message, StringComparison.Ordinal);
        var broken = Assert.Throws<SerializationException>(() => serializer.FromBinary("{\"Order\":"u8.ToArray(), "order-placed"));
        Assert.Contains("cannot be read", broken.Message, StringComparison.Ordinal);
    }
}
