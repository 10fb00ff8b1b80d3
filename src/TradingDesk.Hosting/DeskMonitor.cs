using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;

namespace TradingDesk.Hosting;

/// <summary>What the console view and the end-of-run summary show. Immutable.</summary>
public sealed record DeskSnapshot(
    string Connection,
    PacerStatus? Pacer,
    IReadOnlyList<StrategyTotals> Strategies,
    IReadOnlyList<WorkingOrder> WorkingOrders,
    IReadOnlyList<FillLine> RecentFills,
    IReadOnlyList<OrderProblem> RecentProblems,
    DateTimeOffset At);

/// <summary>
/// One strategy's totals. <see cref="Executions"/> counts executions (one order can fill in several);
/// <see cref="FilledOrders"/> counts orders that filled completely; <see cref="Lost"/> and <see cref="Rejected"/>
/// count orders that ended that way. <see cref="Pnl"/> is cash from its fills, minus commissions, plus its positions
/// marked at the last fill price of each symbol seen by the desk (any strategy's fill: the monitor hears no quotes).
/// It is split in two that add up to it: <see cref="Realised"/>, the cash of the quantity it closed (sold above or
/// below its average cost) minus all its commissions, and <see cref="Unrealised"/>, its open positions at that mark
/// less their average cost (see <see cref="OpenPosition"/>).
/// </summary>
public sealed record StrategyTotals(
    string Strategy, string State, int Orders, int FilledOrders, int Executions, int Lost, int Rejected,
    IReadOnlyDictionary<string, decimal> Positions, decimal Commissions, decimal Pnl, decimal Realised = 0m, decimal Unrealised = 0m);

public sealed record WorkingOrder(OrderId OrderId, string Strategy, string Symbol, string Action, decimal Quantity, string Type, decimal? LimitPrice, string Status);

/// <summary>One execution. <see cref="At"/> is the gateway's (market) time when it sent one, else local time (<see cref="AtIsMarketTime"/> false).</summary>
public sealed record FillLine(string Strategy, string Symbol, string Side, decimal Quantity, decimal Price, DateTimeOffset At, bool AtIsMarketTime = true);

/// <summary>An order that ended lost (the desk cannot know its state) or rejected by the gateway, with why.</summary>
public sealed record OrderProblem(OrderId OrderId, string Strategy, string Symbol, string Outcome, string Reason, DateTimeOffset At);

/// <summary>What became of an order: Working, or how it ended (Cancelled, Filled, Inactive, Lost, Rejected).</summary>
public sealed record OrderOutcome(OrderId OrderId, string Strategy, string Outcome, string? Reason)
{
    public bool IsWorking => Outcome == Working;

    public const string Working = "Working";
}

/// <summary>
/// Watches the desk for the view and the summary: subscribes to every order's updates (and re-subscribes after a
/// subscription ends), to connection events and pacer status on the EventStream. Answers <see cref="GetSnapshot"/>,
/// <see cref="GetOutcomes"/> at once and <see cref="AwaitOutcomes"/> when none of its orders is working any more.
/// </summary>
public sealed class DeskMonitor : ReceiveActor, IWithTimers
{
    /// <summary>Asks for a <see cref="DeskSnapshot"/>; <paramref name="States"/> gives the strategy states to show.</summary>
    public sealed record GetSnapshot(IReadOnlyDictionary<string, string> States);

    /// <summary>Asks for the <see cref="Outcomes"/> of the strategies' orders working now (when <paramref name="Orders"/> is null) or of these orders.</summary>
    public sealed record GetOutcomes(IReadOnlyCollection<OrderId>? Orders = null);

    /// <summary>
    /// Like <see cref="GetOutcomes"/> with these orders, answered once none of them is working, or when
    /// <paramref name="Within"/> has passed on the system's scheduler (then with the ones still working as Working).
    /// </summary>
    public sealed record AwaitOutcomes(IReadOnlyCollection<OrderId> Orders, TimeSpan Within);

    public sealed record Outcomes(IReadOnlyList<OrderOutcome> Orders);

    /// <summary>
    /// Answered with <see cref="Watching"/> once the desk confirmed the monitor's order-updates subscription: the
    /// strategies start after it, so the monitor (and the stop report) hears of every order they place.
    /// </summary>
    public sealed record AwaitWatching;

    public sealed record Watching;

    private const int Recent = 8;

    private sealed class Totals
    {
        public HashSet<OrderId> Orders { get; } = [];
        public HashSet<OrderId> Filled { get; } = [];
        public int Executions { get; set; }
        public int Lost { get; set; }
        public int Rejected { get; set; }
        public decimal Cash { get; set; }
        public decimal Commissions { get; set; }
        public Dictionary<string, OpenPosition> Positions { get; } = [];

        public Dictionary<string, decimal> Open() => Positions.Where(p => p.Value.Quantity != 0).ToDictionary(p => p.Key, p => p.Value.Quantity);
    }

    private readonly IActorRef _desk;
    private readonly IReadOnlyList<string> _known;
    private readonly Dictionary<string, Totals> _totals = [];
    private readonly Dictionary<OrderId, WorkingOrder> _working = [];
    private readonly Dictionary<OrderId, OrderOutcome> _ended = [];
    private readonly Dictionary<OrderId, string> _orderStrategy = [];
    private readonly Dictionary<OrderId, string> _orderSymbol = [];
    private readonly Dictionary<string, decimal> _lastPrice = [];
    private readonly LinkedList<FillLine> _recent = new();
    private readonly LinkedList<OrderProblem> _problems = new();
    private sealed record Waiter(long Id, IReadOnlyCollection<OrderId> Orders, IActorRef Asker);

    private sealed record WaitExpired(long Id);

    private readonly List<Waiter> _waiters = [];
    private long _nextWaiter;
    private readonly List<IActorRef> _awaitingWatch = [];
    private bool _watching;
    private string _connection = "Connecting";
    private PacerStatus? _pacer;

    public DeskMonitor(IActorRef desk, IReadOnlyList<string> strategies, ConnectionEvents.Connected? connected = null)
    {
        _desk = desk;
        if (connected is not null) _connection = Describe(connected);
        _known = strategies;
        foreach (var s in strategies) _totals[s] = new Totals();
        Receive<SubscriptionMessages.Subscribed>(_ =>
        {
            _watching = true;
            foreach (var asker in _awaitingWatch) asker.Tell(new Watching());
            _awaitingWatch.Clear();
        });
        Receive<AwaitWatching>(_ =>
        {
            if (_watching) Sender.Tell(new Watching());
            else _awaitingWatch.Add(Sender);
        });
        Receive<SubscriptionMessages.SubscriptionEnded>(_ => _desk.Tell(new OrderCommands.SubscribeOrderUpdates(), Self));
        Receive<ConnectionEvents.StateChanged>(e => _connection = e switch
        {
            ConnectionEvents.Connected c => Describe(c),
            ConnectionEvents.Reconnecting r => $"Reconnecting (attempt {r.Attempt} in {Durations.Format(r.Delay)}: {r.LastError})",
            ConnectionEvents.Disconnected d => $"Disconnected ({d.Reason})",
            _ => e.State.ToString(),
        });
        Receive<PacerStatus>(p => _pacer = p);
        Receive<OrderEvents.OpenOrderUpdated>(OnOpenOrder);
        Receive<OrderEvents.OrderStatusChanged>(OnStatus);
        Receive<OrderEvents.Filled>(OnFill);
        Receive<OrderEvents.OrderRejected>(r => OnProblem(r.OrderId, null, "Rejected", $"{r.Code} {r.Reason}", r.GatewayTime ?? r.LocalTime));
        Receive<OrderEvents.OrderLost>(l => OnProblem(l.OrderId, l.Strategy, "Lost", l.Reason, l.LocalTime));
        Receive<OrderEvents.CommissionReported>(c =>
        {
            if (For(c.Strategy, c.OrderId) is not { } t) return;
            t.Commissions += c.Commission;
            PublishFigures();
        });
        Receive<GetSnapshot>(g => Sender.Tell(Snapshot(g.States)));
        Receive<GetOutcomes>(g => Sender.Tell(OutcomesOf(g.Orders ?? [.. _working.Keys])));
        Receive<AwaitOutcomes>(a =>
        {
            // Waits for a final word on each order, not just for it to leave the working set: the stop may ask about an
            // order whose first update has not reached this monitor yet (the strategy and the monitor hear of it apart).
            if (a.Orders.All(_ended.ContainsKey))
            {
                Sender.Tell(OutcomesOf(a.Orders));
                return;
            }
            var waiter = new Waiter(++_nextWaiter, a.Orders, Sender);
            _waiters.Add(waiter);
            Timers.StartSingleTimer(waiter, new WaitExpired(waiter.Id), a.Within);
        });
        Receive<WaitExpired>(x =>
        {
            if (_waiters.Find(w => w.Id == x.Id) is not { } waiter) return;
            _waiters.Remove(waiter);
            waiter.Asker.Tell(OutcomesOf(waiter.Orders));
        });
        ReceiveAny(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef desk, IReadOnlyList<string> strategies, ConnectionEvents.Connected? connected = null) =>
        Akka.Actor.Props.Create(() => new DeskMonitor(desk, strategies, connected));

    private static string Describe(ConnectionEvents.Connected c) => $"Connected (v{c.ServerVersion}, {string.Join(",", c.Accounts)})";

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(ConnectionEvents.StateChanged));
        Context.System.EventStream.Subscribe(Self, typeof(PacerStatus));
        _desk.Tell(new OrderCommands.SubscribeOrderUpdates(), Self);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private Totals? For(StrategyId? strategy, OrderId id)
    {
        var name = strategy?.Value ?? (_orderStrategy.TryGetValue(id, out var n) ? n : null);
        if (name is null) return null;
        _orderStrategy[id] = name;
        if (!_totals.TryGetValue(name, out var t)) _totals[name] = t = new Totals();
        t.Orders.Add(id);
        return t;
    }

    private void OnOpenOrder(OrderEvents.OpenOrderUpdated o)
    {
        var t = For(o.Strategy, o.OrderId);
        if (o.Order.Contract is { } c) _orderSymbol[o.OrderId] = c.Symbol;
        if (t is null) return;
        if (o.Order.Status.IsDone())
        {
            End(o.OrderId, o.Order.Status.ToString(), null);
            return;
        }
        if (_ended.ContainsKey(o.OrderId)) return; // lost or rejected is final for the desk, whatever comes later
        _working[o.OrderId] = new WorkingOrder(o.OrderId, _orderStrategy[o.OrderId], o.Order.Contract?.Symbol ?? "?", o.Order.Action,
            o.Order.TotalQuantity, o.Order.OrderType, o.Order.LimitPrice, o.Order.Status.ToString());
    }

    private void OnStatus(OrderEvents.OrderStatusChanged s)
    {
        var t = For(s.Strategy, s.OrderId);
        if (s.Status == OrderStatus.Filled) t?.Filled.Add(s.OrderId);
        if (s.Status.IsDone()) End(s.OrderId, s.Status.ToString(), s.WhyHeld);
        else if (_working.TryGetValue(s.OrderId, out var w)) _working[s.OrderId] = w with { Status = s.Status.ToString() };
    }

    private void OnProblem(OrderId id, StrategyId? strategy, string outcome, string reason, DateTimeOffset at)
    {
        var t = For(strategy, id);
        if (_ended.TryGetValue(id, out var ended) && ended.Outcome == outcome) return;
        if (t is not null && outcome == "Lost") t.Lost++;
        if (t is not null && outcome == "Rejected") t.Rejected++;
        _problems.AddFirst(new OrderProblem(id, _orderStrategy.GetValueOrDefault(id) ?? "-", _orderSymbol.GetValueOrDefault(id) ?? "?", outcome, reason, at));
        while (_problems.Count > Recent) _problems.RemoveLast();
        End(id, outcome, reason);
    }

    private void End(OrderId id, string outcome, string? reason)
    {
        _working.Remove(id);
        // The first final word stands: a fill reported after "Lost" does not turn the order into "Filled" here.
        if (!_ended.ContainsKey(id) || _ended[id].Outcome is "Lost" && outcome == "Filled")
            _ended[id] = new OrderOutcome(id, _orderStrategy.GetValueOrDefault(id) ?? "-", outcome, reason);
        foreach (var waiter in _waiters.ToList())
        {
            if (!waiter.Orders.All(_ended.ContainsKey)) continue;
            Timers.Cancel(waiter);
            waiter.Asker.Tell(OutcomesOf(waiter.Orders));
            _waiters.Remove(waiter);
        }
    }

    private Outcomes OutcomesOf(IReadOnlyCollection<OrderId> ids) => new([.. ids.OrderBy(id => id.Value).Select(id =>
        _working.TryGetValue(id, out var w) ? new OrderOutcome(id, w.Strategy, OrderOutcome.Working, w.Status)
        : _ended.TryGetValue(id, out var e) ? e
        : new OrderOutcome(id, _orderStrategy.GetValueOrDefault(id) ?? "-", "Unknown", "the desk saw no final state"))]);

    private void OnFill(OrderEvents.Filled f)
    {
        var symbol = f.Contract?.Symbol ?? (_orderSymbol.TryGetValue(f.OrderId, out var s) ? s : "?");
        _lastPrice[symbol] = f.Price;
        if (For(f.Strategy, f.OrderId) is not { } t) return;
        var bought = f.Side.StartsWith('B');
        var signed = bought ? f.Quantity : -f.Quantity;
        t.Executions++;
        t.Cash -= signed * f.Price;
        t.Positions[symbol] = t.Positions.GetValueOrDefault(symbol).Fill(signed, f.Price);
        _recent.AddFirst(new FillLine(_orderStrategy[f.OrderId], symbol, bought ? "BOT" : "SLD", f.Quantity, f.Price, f.GatewayTime ?? f.LocalTime, f.GatewayTime is not null));
        while (_recent.Count > Recent) _recent.RemoveLast();
        PublishFigures();
    }

    /// <summary>The strategies' PnL and positions for the desk's meters (fills and commissions are rare next to ticks).</summary>
    private void PublishFigures() =>
        Desk.Telemetry.DeskMetrics.For(Context.System).SetStrategies(_totals.Select(kv => new Desk.Telemetry.DeskMetrics.StrategyFigures(kv.Key,
            Pnl(kv.Value), kv.Value.Open())).ToList());

    /// <summary>Cash from the fills, minus commissions, plus the positions marked at each symbol's last fill price.</summary>
    private decimal Pnl(Totals t) => Realised(t) + Unrealised(t);

    /// <summary>
    /// What the closed quantity made: the cash of every fill, less what the open positions cost (that cash is still
    /// in them), less commissions. Exact: a flat position costs zero.
    /// </summary>
    private static decimal Realised(Totals t) => t.Cash + t.Positions.Values.Sum(p => p.Cost) - t.Commissions;

    /// <summary>The open positions marked at each symbol's last fill price, less their average cost.</summary>
    private decimal Unrealised(Totals t) => t.Positions.Sum(p => p.Value.Unrealised(_lastPrice.GetValueOrDefault(p.Key)));

    private DeskSnapshot Snapshot(IReadOnlyDictionary<string, string> states)
    {
        var names = _known.Concat(_totals.Keys).Concat(states.Keys).Distinct().Order(StringComparer.Ordinal);
        var strategies = names.Select(n =>
        {
            var t = _totals.GetValueOrDefault(n) ?? new Totals();
            return new StrategyTotals(n, states.GetValueOrDefault(n) ?? "-", t.Orders.Count, t.Filled.Count, t.Executions, t.Lost, t.Rejected,
                t.Open(), t.Commissions, Pnl(t), Realised(t), Unrealised(t));
        }).ToList();
        return new DeskSnapshot(_connection, _pacer, strategies, [.. _working.Values.OrderBy(w => w.OrderId.Value)], [.. _recent], [.. _problems],
            Context.System.Scheduler.Now);
    }
}
