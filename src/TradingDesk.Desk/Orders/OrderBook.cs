using System.Collections.Immutable;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Risk;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// The order manager's functional core: immutable. <see cref="Decide"/> turns a strategy command into the facts to
/// record (or a failure, in which case nothing is sent); <see cref="Observe"/> (OrderBook.Observe.cs) turns a gateway
/// message into facts, de-duplicating executions by exec id and identical consecutive statuses; <see cref="Apply"/>
/// records a fact. The actor sends, replies and delivers from the facts.
/// </summary>
public sealed partial record OrderBook
{
    /// <summary>The next order id to hand out; only ever grows (ids are never reused in a gateway session).</summary>
    public int NextId { get; init; }

    /// <summary>False until the first nextValidId: no id can be allocated before it.</summary>
    public bool IdsSeeded { get; init; }

    public bool Online { get; init; }

    public int ClientId { get; init; }

    public ImmutableDictionary<OrderId, OrderRecord> Orders { get; init; } = ImmutableDictionary<OrderId, OrderRecord>.Empty;

    /// <summary>Exec ids already delivered: the gateway re-sends executions after a reconnect and for reqExecutions.</summary>
    public ImmutableHashSet<string> SeenExecIds { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Which order an exec id belongs to, so commission reports (which carry only the exec id) reach the owner.</summary>
    public ImmutableDictionary<string, OrderId> ExecOrders { get; init; } = ImmutableDictionary<string, OrderId>.Empty;

    public ImmutableHashSet<string> SeenCommissions { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>Strategy ids that ever registered with this desk (journaled: <see cref="BookEvent.StrategyRegistered"/>).</summary>
    public ImmutableHashSet<StrategyId> Registered { get; init; } = ImmutableHashSet<StrategyId>.Empty;

    /// <summary>
    /// Every execution of this client id's orders the desk has seen (the journal's, across restarts), in arrival order:
    /// a strategy that (re)registers gets those of its orders it has not acknowledged (<see cref="Undelivered"/>).
    /// </summary>
    public ImmutableList<OrderEvents.Filled> SessionFills { get; init; } = ImmutableList<OrderEvents.Filled>.Empty;

    /// <summary>Per strategy, the exec ids its holder acknowledged (<see cref="BookEvent.FillsDelivered"/>).</summary>
    public ImmutableDictionary<StrategyId, ImmutableHashSet<ExecId>> DeliveredFills { get; init; } =
        ImmutableDictionary<StrategyId, ImmutableHashSet<ExecId>>.Empty;

    /// <summary>Last fill or limit price per contract (see <see cref="PriceKey"/>), for market orders' notional.</summary>
    public ImmutableDictionary<string, decimal> LastPrices { get; init; } = ImmutableDictionary<string, decimal>.Empty;

    public string? KillSwitch { get; init; }

    public ImmutableDictionary<StrategyId, RiskLimits> LimitOverrides { get; init; } = ImmutableDictionary<StrategyId, RiskLimits>.Empty;

    /// <summary>A decision: the facts to record, or why nothing happens.</summary>
    public sealed record Decision(IReadOnlyList<BookEvent> Events, DeskFailure? Failure)
    {
        public static Decision Fail(DeskFailure failure) => new([], failure);
    }

    public int WorkingOrders(StrategyId strategy) => Orders.Values.Count(o => o.Strategy == strategy && o.IsWorking);

    /// <summary>The last openOrder of each working order of the strategy, by id, with the status the book holds now.</summary>
    public IReadOnlyList<OrderEvents.OpenOrderUpdated> OpenOrdersOf(StrategyId strategy) =>
    [
        .. Orders.Values
            .Where(o => o.Strategy == strategy && o.IsWorking && o.LastOpen is not null)
            .OrderBy(o => o.Id.Value)
            .Select(o => o.LastOpen! with
            {
                Strategy = strategy,
                Order = o.LastOpen.Order with { Status = o.Status, FilledQuantity = Math.Max(o.LastOpen.Order.FilledQuantity, o.Filled) },
            }),
    ];

    /// <summary>The fills of the strategy's orders it has not acknowledged, in arrival order.</summary>
    public IReadOnlyList<OrderEvents.Filled> Undelivered(StrategyId strategy)
    {
        var delivered = DeliveredFills.GetValueOrDefault(strategy) ?? ImmutableHashSet<ExecId>.Empty;
        return
        [
            .. SessionFills
                .Where(f => !delivered.Contains(f.ExecId) && Orders.TryGetValue(f.OrderId, out var o) && o.Strategy == strategy)
                .Select(f => f with { Strategy = strategy }),
        ];
    }

    /// <summary>How the strategy's orders ended that it has not acknowledged, in order id order (the order they were placed).</summary>
    public IReadOnlyList<OrderEvents.IOrderEvent> UndeliveredEndings(StrategyId strategy) =>
    [
        .. Orders.Values.Where(o => o.Strategy == strategy && o.Ending is not null && !o.EndingDelivered)
            .OrderBy(o => o.Id.Value).Select(o => o.Ending!),
    ];

    public RiskLimits LimitsFor(StrategyId strategy, OrderManagerOptions options) =>
        LimitOverrides.TryGetValue(strategy, out var l) ? l : options.LimitsFor(strategy);

    /// <summary>
    /// Decides an order command. <paramref name="isOwner"/> says whether the sender owns a given order (the actor
    /// knows refs; the book knows strategies).
    /// </summary>
    public Decision Decide(IOrderCommand command, OrderManagerOptions options, Func<OrderRecord, bool> isOwner) => command switch
    {
        OrderCommands.PlaceOrder p => DecidePlace(p.Strategy, p.Contract, [p.Order], p.ReferencePrice, options, Single),
        OrderCommands.PlaceBracket b => DecidePlace(b.Strategy, b.Contract, [b.Bracket.Entry, b.Bracket.TakeProfit, b.Bracket.StopLoss], b.ReferencePrice, options, BracketLinks),
        OrderCommands.PlaceOca o => o.Orders.Count == 0 || string.IsNullOrWhiteSpace(o.Group)
            ? Decision.Fail(new InvalidRequest("an OCA placement needs a group name and at least one order"))
            : DecidePlace(o.Strategy, o.Contract, o.Orders, o.ReferencePrice, options, (specs, first) => OcaLinks(specs, first, o.Group, o.OcaType)),
        OrderCommands.ModifyOrder m => DecideModify(m, options, isOwner),
        OrderCommands.CancelOrder c => DecideCancel(c.OrderId),
        OrderCommands.CancelStrategyOrders when !Online => Decision.Fail(new ConnectionLost("not connected to the gateway; no cancel was sent")),
        OrderCommands.CancelStrategyOrders s => Ok([.. Orders.Values.Where(o => o.Strategy == s.Strategy && o.IsWorking).OrderBy(o => o.Id.Value)
            .Select(o => (BookEvent)new BookEvent.CancelSubmitted(o.Id))]),
        OrderCommands.ActivateKillSwitch k => Ok([
            new BookEvent.KillSwitchChanged(k.Reason),
            .. Online ? new BookEvent[] { new BookEvent.GlobalCancelSubmitted() } : [],
            .. Online ? Orders.Values.Where(o => o.IsWorking).OrderBy(o => o.Id.Value).Select(o => (BookEvent)new BookEvent.CancelSubmitted(o.Id)) : []]),
        OrderCommands.ReleaseKillSwitch => Ok([new BookEvent.KillSwitchChanged(null)]),
        OrderCommands.SetRiskLimits s => s.Limits.Problems() is { Count: > 0 } problems
            ? Decision.Fail(new InvalidRequest(string.Join("; ", problems)))
            : Ok([new BookEvent.LimitsChanged(s.Strategy, s.Limits)]),
        _ => Decision.Fail(new InvalidRequest($"{command.GetType().Name} is not decided by the order book")),
    };

    private static Decision Ok(IReadOnlyList<BookEvent> events) => new(events, null);

    private delegate IReadOnlyList<(OrderSpec Spec, OrderId? Parent)> Linker(IReadOnlyList<OrderSpec> specs, OrderId first);

    private static IReadOnlyList<(OrderSpec, OrderId?)> Single(IReadOnlyList<OrderSpec> specs, OrderId first) => [(specs[0], null)];

    /// <summary>IB's bracket: children name the parent; only the last leg transmits, releasing the whole group at once.</summary>
    private static IReadOnlyList<(OrderSpec, OrderId?)> BracketLinks(IReadOnlyList<OrderSpec> specs, OrderId first) =>
    [
        (specs[0] with { Transmit = false }, null),
        (specs[1] with { Transmit = false }, first),
        (specs[2] with { Transmit = true }, first),
    ];

    private static IReadOnlyList<(OrderSpec, OrderId?)> OcaLinks(IReadOnlyList<OrderSpec> specs, OrderId first, string group, int ocaType) =>
        [.. specs.Select(s => (s with { OcaGroup = group, OcaType = ocaType, Transmit = true }, (OrderId?)null))];

    private Decision DecidePlace(StrategyId strategy, ContractSpec contract, IReadOnlyList<OrderSpec> specs, decimal? referencePrice,
        OrderManagerOptions options, Linker link)
    {
        if (Validate(contract, specs) is { } invalid) return Decision.Fail(invalid);
        if (!Online || !IdsSeeded) return Decision.Fail(new ConnectionLost("not connected to the gateway (no order ids yet); nothing was sent"));
        if (NextId + specs.Count > OrderManagerOptions.OrderIdLimit)
            return Decision.Fail(new InvalidRequest($"order ids exhausted: {NextId} + {specs.Count} reaches the request-id range"));
        var limits = LimitsFor(strategy, options);
        var open = WorkingOrders(strategy);
        foreach (var spec in specs)
        {
            var check = new RiskCheck(strategy, contract, spec, referencePrice, LastPrice(contract), open, specs.Count);
            if (RiskGate.Check(check, limits, KillSwitch) is { } denied) return Decision.Fail(denied);
        }
        var first = new OrderId(NextId);
        var legs = link(specs, first);
        return Ok([.. legs.Select((leg, i) => (BookEvent)new BookEvent.OrderPlaced(
            new OrderRecord(new OrderId(first.Value + i), strategy, contract, leg.Spec, leg.Parent) { Remaining = leg.Spec.Quantity }))]);
    }

    /// <summary>
    /// The order a modification of <paramref name="id"/> would change, or why there is none to change: not placed by
    /// this desk, another strategy's, or no longer working. <see cref="DecideModify"/> starts with it, and the
    /// market-rule book asks it (through the order manager) for the contract whose grid a modification is rounded to.
    /// </summary>
    public (OrderRecord? Order, InvalidRequest? Refusal) ModifiableOrder(OrderId id, Func<OrderRecord, bool> isOwner)
    {
        if (!Orders.TryGetValue(id, out var order) || order.Contract is null || order.Spec is null)
            return (null, new InvalidRequest($"order {id} was not placed by this desk; only the owner may modify it"));
        if (!isOwner(order)) return (null, new InvalidRequest($"order {id} belongs to {order.Strategy}; only the owner may modify it"));
        if (!order.IsWorking) return (null, new InvalidRequest($"order {id} is {order.Ended}; it cannot be modified"));
        return (order, null);
    }

    private Decision DecideModify(OrderCommands.ModifyOrder m, OrderManagerOptions options, Func<OrderRecord, bool> isOwner)
    {
        var (order, refusal) = ModifiableOrder(m.OrderId, isOwner);
        if (order is null) return Decision.Fail(refusal!);
        var contract = order.Contract!;
        if (Validate(contract, [m.Order]) is { } invalid) return Decision.Fail(invalid);
        if (!Online) return Decision.Fail(new ConnectionLost("not connected to the gateway; the modification was not sent"));
        var strategy = order.Strategy!.Value;
        var check = new RiskCheck(strategy, contract, m.Order, m.ReferencePrice, LastPrice(contract), WorkingOrders(strategy), 0);
        if (RiskGate.Check(check, LimitsFor(strategy, options), KillSwitch) is { } denied) return Decision.Fail(denied);
        // The parent link stays; the modification always transmits: a live order re-sent with transmit=false would be
        // held in TWS unsent (a bracket's entry and take-profit were placed with false and released by the stop-loss).
        var spec = m.Order with { Transmit = true };
        return Ok([new BookEvent.OrderModified(order with { Spec = spec })]);
    }

    private Decision DecideCancel(OrderId id)
    {
        if (id.Value <= 0 || id.Value >= OrderManagerOptions.OrderIdLimit) return Decision.Fail(new InvalidRequest($"{id} is not an order id"));
        if (Orders.TryGetValue(id, out var order) && !order.IsWorking)
            return Decision.Fail(new InvalidRequest($"order {id} is already {order.Ended}; nothing to cancel"));
        if (!Online) return Decision.Fail(new ConnectionLost("not connected to the gateway; the cancel was not sent"));
        // Unknown ids are sent anyway: the order may come from an earlier session; the gateway answers 135 if not.
        return Ok([new BookEvent.CancelSubmitted(id)]);
    }

    private static InvalidRequest? Validate(ContractSpec contract, IReadOnlyList<OrderSpec> specs)
    {
        if (contract.FrontMonth) return new InvalidRequest($"{contract}: resolve the front month (contract details) before placing an order");
        var problems = specs.SelectMany(s => s.Problems()).ToList();
        return problems.Count > 0 ? new InvalidRequest(string.Join("; ", problems)) : null;
    }

    public decimal? LastPrice(ContractSpec contract) => LastPrices.TryGetValue(PriceKey(contract), out var p) ? p : null;

    /// <summary>Contracts are matched for prices by symbol, type and currency (execDetails carry more fields than a strategy's spec).</summary>
    public static string PriceKey(ContractSpec c) => $"{c.Symbol}|{c.SecType}|{c.Currency}|{c.LastTradeDateOrContractMonth}|{c.Strike}|{c.Right}".ToUpperInvariant();

    /// <summary>Records a fact.</summary>
    public OrderBook Apply(BookEvent e) => e switch
    {
        // Never backwards: keep ours when a gateway that lost state offers less than we have already used, or when an
        // order of this client id seen before the first nextValidId (open orders sent at connect) had a higher id.
        BookEvent.IdsOffered o => this with { NextId = Math.Max(NextId, o.Offered), IdsSeeded = true },
        BookEvent.ConnectivityChanged c => this with { Online = c.Online },
        BookEvent.OrderPlaced p => ApplyPlaced(p.Order),
        BookEvent.OrderModified m => ApplyPlaced(m.Order with { ModificationPending = true }),
        BookEvent.CancelSubmitted => this,
        BookEvent.GlobalCancelSubmitted => this,
        BookEvent.KillSwitchChanged k => this with { KillSwitch = k.Reason },
        BookEvent.LimitsChanged l => this with { LimitOverrides = LimitOverrides.SetItem(l.Strategy, l.Limits) },
        BookEvent.OrderDiscovered d => this with
        {
            Orders = Orders.SetItem(d.Order.Id, d.Order),
            NextId = Math.Max(NextId, d.Order.Id.Value + 1),
        },
        BookEvent.OwnerLearned l => Orders.TryGetValue(l.OrderId, out var known) && known.Strategy is null
            ? this with { Orders = Orders.SetItem(l.OrderId, known with { Strategy = l.Strategy }) }
            : this,
        BookEvent.FillsDelivered d => this with
        {
            DeliveredFills = DeliveredFills.SetItem(d.Strategy,
                (DeliveredFills.GetValueOrDefault(d.Strategy) ?? ImmutableHashSet<ExecId>.Empty).Union(d.ExecIds)),
        },
        BookEvent.EndingsDelivered d => this with
        {
            Orders = Orders.SetItems(d.OrderIds.Where(id => Orders.TryGetValue(id, out var o) && o.Strategy == d.Strategy)
                .Select(id => KeyValuePair.Create(id, Orders[id] with { EndingDelivered = true }))),
        },
        BookEvent.StrategyRegistered r => this with { Registered = Registered.Add(r.Strategy) },
        BookEvent.Observed o => ApplyObserved(o),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e, "unknown book event"),
    };

    private OrderBook ApplyPlaced(OrderRecord o)
    {
        // The high-water mark: every id journaled counts as used, whatever the gateway answers for it (or never heard).
        var book = this with { Orders = Orders.SetItem(o.Id, o), NextId = Math.Max(NextId, o.Id.Value + 1) };
        return o.Spec?.LimitPrice is { } lmt && o.Contract is not null
            ? book with { LastPrices = book.LastPrices.SetItem(PriceKey(o.Contract), lmt) }
            : book;
    }
}
