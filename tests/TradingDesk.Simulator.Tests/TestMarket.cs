using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Clock;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Orders;

namespace TradingDesk.Simulator.Tests;

/// <summary>A paper market on a manual clock, Wednesday 2026-11-18 10:00 US/Eastern, with order helpers.</summary>
internal sealed class TestMarket
{
    public static readonly DateTimeOffset Wednesday10Et = new(2026, 11, 18, 15, 0, 0, TimeSpan.Zero);
    public static readonly ConId Aapl = new(265598);
    public static readonly ConId Spy = new(756733);
    public static readonly ClientId Client = new(1);

    private int _nextId = 1;

    public TestMarket(DateTimeOffset? start = null, long seed = 1, decimal cash = 1_000_000m, DateTimeOffset? idEpoch = null)
    {
        Clock = SimulatedClock.Manual(start ?? Wednesday10Et);
        Market = new PaperMarket(Clock, new PaperMarketOptions
        {
            Seed = seed, Accounts = [(AccountId.Default, cash), (new AccountId("DU222222"), 50_000m)], IdEpoch = idEpoch,
        });
    }

    public SimulatedClock Clock { get; }
    public PaperMarket Market { get; }
    public List<MarketEvent> Events { get; } = [];

    public Quote Quote(ConId? id = null) => Market.GetQuote(id ?? Aapl);

    public OrderId NextId() => new(_nextId++);

    public static OrderTicket Ticket(OrderAction action, decimal qty, OrderType type, ConId? conId = null) =>
        new() { ConId = conId ?? Aapl, Action = action, Quantity = qty, Type = type };

    public (OrderId Id, IReadOnlyList<MarketEvent> Events) Place(OrderTicket ticket, ClientId? client = null)
    {
        var id = NextId();
        var events = Market.PlaceOrder(client ?? Client, id, ticket);
        Events.AddRange(events);
        return (id, events);
    }

    public IReadOnlyList<MarketEvent> Advance(TimeSpan delta)
    {
        var events = Market.Advance(delta);
        Events.AddRange(events);
        return events;
    }

    public SimOrder Order(OrderId id, ClientId? client = null) => Market.GetOrder(client ?? Client, id)!;

    /// <summary>The first whole second in (now, now + seconds] whose quote satisfies the condition.</summary>
    public DateTimeOffset? FirstTime(ConId id, Func<Quote, bool> condition, int seconds)
    {
        for (var i = 1; i <= seconds; i++)
        {
            var t = Clock.GetUtcNow().AddSeconds(i);
            if (condition(Market.Prices.GetQuote(id, t))) return t;
        }
        return null;
    }

    public IEnumerable<Quote> QuotesAhead(ConId id, int seconds) =>
        Enumerable.Range(1, seconds).Select(i => Market.Prices.GetQuote(id, Clock.GetUtcNow().AddSeconds(i)));

    public static IEnumerable<OrderError> Errors(IEnumerable<MarketEvent> events) => events.OfType<OrderError>();

    public static IEnumerable<Execution> Fills(IEnumerable<MarketEvent> events) => events.OfType<ExecutionOccurred>().Select(e => e.Execution);

    public static IEnumerable<OrderStatus> Statuses(IEnumerable<MarketEvent> events, OrderId id) =>
        events.OfType<OrderChanged>().Where(c => c.Order.Key.OrderId == id).Select(c => c.Order.Status);
}
