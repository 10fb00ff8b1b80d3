using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Clock;
using TradingDesk.Simulator.Orders;

namespace TradingDesk.Simulator.Market;

/// <summary>Options of a paper market.</summary>
public sealed record PaperMarketOptions
{
    public long Seed { get; init; } = 1;
    /// <summary>Where every instrument sits at its reference price; default 2026-01-01 UTC.</summary>
    public DateTimeOffset Anchor { get; init; } = PriceModelOptions.DefaultAnchor;
    /// <summary>Accounts and their starting cash (USD). The first is the default account for orders.</summary>
    public IReadOnlyList<(AccountId Id, decimal Cash)> Accounts { get; init; } = [(AccountId.Default, 1_000_000m)];
    /// <summary>The date the catalogue's expiries are built around; default the clock's date at construction.</summary>
    public DateOnly? CatalogueDate { get; init; }
    /// <summary>What perm ids and exec ids are based on (see <see cref="SimulatorOptions.IdEpoch"/>); default the market's start.</summary>
    public DateTimeOffset? IdEpoch { get; init; }
}

/// <summary>A state to restore after a simulated restart that keeps state.</summary>
public sealed record MarketSnapshot(EngineState State, DateTimeOffset TakenAt);

/// <summary>
/// The paper market the wire layer talks to: catalogue, prices, orders and accounts behind one object, all
/// driven by a <see cref="SimulatedClock"/>. Commands return the events they caused (order changes, executions,
/// errors) for the wire layer to turn into TWS messages; <see cref="Sync"/> runs matching up to the clock's
/// current second and should be called regularly (e.g. on a one-second timer) and after advancing a manual clock.
/// </summary>
/// <remarks>Not thread-safe: owned by one actor (or one test). Queries are pure reads of the current state.</remarks>
public sealed partial class PaperMarket
{
    private readonly PaperMarketOptions _options;
    private readonly MatchingEngine _engine;
    private readonly Queue<string> _injectedRejections = new();
    private int _generation;

    public PaperMarket(SimulatedClock clock, PaperMarketOptions? options = null)
    {
        _options = options ?? new PaperMarketOptions();
        if (_options.Accounts.Count == 0) throw new ArgumentException("at least one account is needed", nameof(options));
        Clock = clock;
        Catalogue = InstrumentCatalogue.Build(_options.CatalogueDate ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Prices = new PriceEngine(Catalogue, new PriceModelOptions(_options.Seed, _options.Anchor));
        Valuation = new AccountValuation(Prices);
        _engine = new MatchingEngine(Prices, _options.Accounts[0].Id);
        State = NewState();
    }

    public SimulatedClock Clock { get; }
    public InstrumentCatalogue Catalogue { get; }
    public PriceEngine Prices { get; }
    public AccountValuation Valuation { get; }
    public EngineState State { get; private set; }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>managedAccounts: every account code.</summary>
    public IReadOnlyList<AccountId> ManagedAccounts => _options.Accounts.Select(a => a.Id).ToList();

    /// <summary>nextValidId: above every order id any client has used in a placeOrder, rejected ones included.</summary>
    public OrderId NextValidOrderId() => new(State.MaxOrderIdSeen + 1);

    /// <summary>
    /// Counts an order id as used by a placeOrder that never reached the matching engine: rejected by the wire layer
    /// (no such contract, ambiguous contract, a request it cannot validate) or a whatIf. IB counts those ids as used.
    /// </summary>
    public void UseOrderId(OrderId id) => State = State.WithOrderIdUsed(id);

    /// <summary>placeOrder (new or modify). Runs matching up to now first. The id counts as used whatever the outcome.</summary>
    public IReadOnlyList<MarketEvent> PlaceOrder(ClientId client, OrderId id, OrderTicket ticket)
    {
        var events = Sync().ToList();
        UseOrderId(id);
        var rejection = _injectedRejections.Count > 0 && State.Find(new OrderKey(client, id)) is null ? _injectedRejections.Dequeue() : null;
        events.AddRange(Run(_engine.Place(State, new OrderKey(client, id), ticket, Now, rejection)));
        return events;
    }

    /// <summary>placeOrder with whatIf=true: margin and commission, nothing traded or stored.</summary>
    public WhatIfResult WhatIf(OrderTicket ticket) => _engine.WhatIf(State, ticket, Now);

    public IReadOnlyList<MarketEvent> CancelOrder(ClientId client, OrderId id)
    {
        var events = Sync().ToList();
        events.AddRange(Run(_engine.Cancel(State, new OrderKey(client, id), Now)));
        return events;
    }

    public IReadOnlyList<MarketEvent> GlobalCancel()
    {
        var events = Sync().ToList();
        events.AddRange(Run(_engine.GlobalCancel(State, Now)));
        return events;
    }

    /// <summary>Fault injection: the next <paramref name="count"/> new orders are rejected (201) with this reason.</summary>
    public void RejectNextOrders(int count, string reason)
    {
        for (var i = 0; i < count; i++) _injectedRejections.Enqueue(reason);
    }

    /// <summary>
    /// Runs matching second by second from where it stopped up to the clock's current second. Seconds in which
    /// no working order can trade (no orders, closed sessions) are skipped; prices need no stepping, being a
    /// function of time.
    /// </summary>
    public IReadOnlyList<MarketEvent> Sync()
    {
        var target = WholeSecond(Now);
        var events = new List<MarketEvent>();
        var t = State.MatchedUntil;
        while (t < target)
        {
            var next = _engine.NextActivity(State, WholeSecond(t).AddSeconds(1));
            if (next is null || next > target) break;
            t = CeilingSecond(next.Value);
            if (t > target) break;
            events.AddRange(Run(_engine.Step(State, t)));
        }
        if (State.MatchedUntil < target) State = State with { MatchedUntil = target };
        return events;
    }

    /// <summary>Advances a manual clock and runs matching over the interval.</summary>
    public IReadOnlyList<MarketEvent> Advance(TimeSpan delta)
    {
        Clock.Advance(delta);
        return Sync();
    }

    /// <summary>Advances a manual clock to an instant and runs matching.</summary>
    public IReadOnlyList<MarketEvent> AdvanceTo(DateTimeOffset target)
    {
        Clock.SetTime(target);
        return Sync();
    }

    /// <summary>State to keep across a simulated restart.</summary>
    public MarketSnapshot Snapshot() => new(State, Now);

    /// <summary>Restores a snapshot; matching then catches up from the snapshot's time on the next Sync.</summary>
    public void Restore(MarketSnapshot snapshot) => State = snapshot.State;

    /// <summary>Forgets all orders, executions and positions (a restart that loses state). Ids stay unique.</summary>
    public void Reset()
    {
        _generation++;
        State = NewState();
    }

    private EngineState NewState() => EngineState.Create(Now, _options.Accounts, _generation, _options.IdEpoch);

    private IReadOnlyList<MarketEvent> Run(MarketUpdate update)
    {
        State = update.State;
        return update.Events;
    }

    private static DateTimeOffset CeilingSecond(DateTimeOffset t) =>
        t.UtcTicks % TimeSpan.TicksPerSecond == 0 ? t : WholeSecond(t).AddSeconds(1);

    private static DateTimeOffset WholeSecond(DateTimeOffset t) =>
        new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
