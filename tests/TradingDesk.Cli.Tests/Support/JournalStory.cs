using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;

namespace TradingDesk.Cli.Tests.Support;

/// <summary>
/// A known order journal, as the order manager would write it: alpha buys 10 AAPL in two fills (6 @ 100, 4 @ 101) and
/// sells 5 @ 105 a day later; beta has one working MSFT order; order 7 was adopted from the gateway without an owner and
/// bought 2 MSFT @ 50. Positions: alpha +5 AAPL at 100.4, unowned +2 MSFT at 50; the high-water mark is 8.
/// </summary>
public static class JournalStory
{
    public static readonly DateTimeOffset Day1 = new(2026, 11, 2, 15, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Day2 = Day1.AddDays(1);

    private static readonly StrategyId Alpha = new("alpha");
    private static readonly StrategyId Beta = new("beta");
    private static readonly ContractSpec Aapl = Contract.Stock("AAPL");
    private static readonly ContractSpec Msft = Contract.Stock("MSFT");

    /// <summary>The first day: alpha's buy, filled.</summary>
    public static IReadOnlyList<BookEvent> FirstDay =>
    [
        new BookEvent.StrategyRegistered(Alpha),
        Placed(1, Alpha, Aapl, Order.Limit(OrderAction.Buy, 10, 100m)),
        Fill(1, "e1", Alpha, Aapl, "BOT", 6, 100m, Day1.AddMinutes(1)),
        Fill(1, "e2", Alpha, Aapl, "BOT", 4, 101m, Day1.AddMinutes(2)),
        new BookEvent.Observed(new OrderEvents.OrderStatusChanged(new OrderId(1), new PermId(9001), Alpha, OrderStatus.Filled, 10, 0,
            100.4m, 101m, null, null, null, Day1.AddMinutes(2)), true),
    ];

    /// <summary>The second day: alpha sells half, beta places an order, an unowned order is adopted and fills.</summary>
    public static IReadOnlyList<BookEvent> SecondDay =>
    [
        Placed(2, Alpha, Aapl, Order.Limit(OrderAction.Sell, 5, 105m)),
        Fill(2, "e3", Alpha, Aapl, "SLD", 5, 105m, Day2),
        new BookEvent.StrategyRegistered(Beta),
        Placed(3, Beta, Msft, Order.Market(OrderAction.Buy, 3)),
        new BookEvent.OrderDiscovered(new OrderRecord(new OrderId(7), null, null, null, null) { PermId = new PermId(9007), Status = OrderStatus.Unknown }),
        Fill(7, "e4", null, Msft, "BOT", 2, 50m, Day2.AddMinutes(5)),
    ];

    public static IReadOnlyList<BookEvent> All => [.. FirstDay, .. SecondDay];

    /// <summary>The book after <paramref name="events"/>, folded as the order manager folds them (for a snapshot).</summary>
    public static OrderBook Fold(IEnumerable<BookEvent> events, int clientId = 1) =>
        events.Aggregate(new OrderBook { ClientId = clientId }, (book, e) => book.Apply(e));

    private static BookEvent.OrderPlaced Placed(int id, StrategyId owner, ContractSpec contract, OrderSpec spec) =>
        new(new OrderRecord(new OrderId(id), owner, contract, spec, null) { Remaining = spec.Quantity });

    private static BookEvent.Observed Fill(int order, string exec, StrategyId? owner, ContractSpec contract, string side, decimal quantity, decimal price, DateTimeOffset at) =>
        new(new OrderEvents.Filled(new OrderId(order), new PermId(9000 + order), new ExecId(exec), owner, contract with { Exchange = "ISLAND" },
            side, quantity, price, quantity, price, "DU111111", "ISLAND", at, at.AddMilliseconds(20)), true);
}
