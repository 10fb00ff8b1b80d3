using TradingDesk.Actors;
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
    DateTimeOffset At);

/// <summary>
/// One strategy's totals. <see cref="Pnl"/> is cash from its fills, minus commissions, plus its positions marked at
/// the last fill price of each symbol seen by the desk.
/// </summary>
public sealed record StrategyTotals(string Strategy, string State, int Orders, int Fills, IReadOnlyDictionary<string, decimal> Positions, decimal Commissions, decimal Pnl);

public sealed record WorkingOrder(OrderId OrderId, string Strategy, string Symbol, string Action, decimal Quantity, string Type, decimal? LimitPrice, string Status);

public sealed record FillLine(string Strategy, string Symbol, string Side, decimal Quantity, decimal Price, DateTimeOffset At);

/// <summary>
/// Watches the desk for the view and the summary: subscribes to every order's updates (and re-subscribes after a
/// subscription ends), to connection events and pacer status on the EventStream. Answers <see cref="GetSnapshot"/>.
/// </summary>
public sealed class DeskMonitor : ReceiveActor
{
    /// <summary>Asks for a <see cref="DeskSnapshot"/>; <paramref name="States"/> gives the strategy states to show.</summary>
    public sealed record GetSnapshot(IReadOnlyDictionary<string, string> States);

    private sealed class Totals
    {
        public HashSet<OrderId> Orders { get; } = [];
        public int Fills { get; set; }
        public decimal Cash { get; set; }
        public decimal Commissions { get; set; }
        public Dictionary<string, decimal> Positions { get; } = [];
    }

    private readonly IActorRef _desk;
    private readonly IReadOnlyList<string> _known;
    private readonly Dictionary<string, Totals> _totals = [];
    private readonly Dictionary<OrderId, WorkingOrder> _working = [];
    private readonly Dictionary<OrderId, string> _orderStrategy = [];
    private readonly Dictionary<OrderId, string> _orderSymbol = [];
    private readonly Dictionary<string, decimal> _lastPrice = [];
    private readonly LinkedList<FillLine> _recent = new();
    private string _connection = "Connecting";
    private PacerStatus? _pacer;

    public DeskMonitor(IActorRef desk, IReadOnlyList<string> strategies, ConnectionEvents.Connected? connected = null)
    {
        _desk = desk;
        if (connected is not null) _connection = Describe(connected);
        _known = strategies;
        foreach (var s in strategies) _totals[s] = new Totals();
        Receive<SubscriptionMessages.Subscribed>(_ => { });
        Receive<SubscriptionMessages.SubscriptionEnded>(_ => _desk.Tell(new OrderCommands.SubscribeOrderUpdates(), Self));
        Receive<ConnectionEvents.StateChanged>(e => _connection = e switch
        {
            ConnectionEvents.Connected c => Describe(c),
            ConnectionEvents.Reconnecting r => $"Reconnecting (attempt {r.Attempt}: {r.LastError})",
            ConnectionEvents.Disconnected d => $"Disconnected ({d.Reason})",
            _ => e.State.ToString(),
        });
        Receive<PacerStatus>(p => _pacer = p);
        Receive<OrderEvents.OpenOrderUpdated>(OnOpenOrder);
        Receive<OrderEvents.OrderStatusChanged>(OnStatus);
        Receive<OrderEvents.Filled>(OnFill);
        Receive<OrderEvents.CommissionReported>(c =>
        {
            if (For(c.Strategy, c.OrderId) is { } t) t.Commissions += c.Commission;
        });
        Receive<GetSnapshot>(g => Sender.Tell(Snapshot(g.States)));
        ReceiveAny(_ => { });
    }

    public static Props Props(IActorRef desk, IReadOnlyList<string> strategies, ConnectionEvents.Connected? connected = null) =>
        Actors.Props.Create(() => new DeskMonitor(desk, strategies, connected));

    private static string Describe(ConnectionEvents.Connected c) => $"Connected (v{c.ServerVersion}, {string.Join(",", c.Accounts)})";

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe<ConnectionEvents.StateChanged>(Self);
        Context.System.EventStream.Subscribe<PacerStatus>(Self);
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
        if (t is null || o.Order.Status.IsDone()) return;
        _working[o.OrderId] = new WorkingOrder(o.OrderId, _orderStrategy[o.OrderId], o.Order.Contract?.Symbol ?? "?", o.Order.Action,
            o.Order.TotalQuantity, o.Order.OrderType, o.Order.LimitPrice, o.Order.Status.ToString());
    }

    private void OnStatus(OrderEvents.OrderStatusChanged s)
    {
        For(s.Strategy, s.OrderId);
        if (s.Status.IsDone()) _working.Remove(s.OrderId);
        else if (_working.TryGetValue(s.OrderId, out var w)) _working[s.OrderId] = w with { Status = s.Status.ToString() };
    }

    private void OnFill(OrderEvents.Filled f)
    {
        var symbol = f.Contract?.Symbol ?? (_orderSymbol.TryGetValue(f.OrderId, out var s) ? s : "?");
        _lastPrice[symbol] = f.Price;
        if (For(f.Strategy, f.OrderId) is not { } t) return;
        var bought = f.Side.StartsWith('B');
        var signed = bought ? f.Quantity : -f.Quantity;
        t.Fills++;
        t.Cash -= signed * f.Price;
        t.Positions[symbol] = t.Positions.GetValueOrDefault(symbol) + signed;
        _recent.AddFirst(new FillLine(_orderStrategy[f.OrderId], symbol, bought ? "BOT" : "SLD", f.Quantity, f.Price, f.LocalTime));
        while (_recent.Count > 8) _recent.RemoveLast();
    }

    private DeskSnapshot Snapshot(IReadOnlyDictionary<string, string> states)
    {
        var names = _known.Concat(_totals.Keys).Concat(states.Keys).Distinct().Order(StringComparer.Ordinal);
        var strategies = names.Select(n =>
        {
            var t = _totals.GetValueOrDefault(n) ?? new Totals();
            var marked = t.Positions.Sum(p => p.Value * _lastPrice.GetValueOrDefault(p.Key));
            return new StrategyTotals(n, states.GetValueOrDefault(n) ?? "-", t.Orders.Count, t.Fills,
                t.Positions.Where(p => p.Value != 0).ToDictionary(p => p.Key, p => p.Value), t.Commissions, t.Cash + marked - t.Commissions);
        }).ToList();
        return new DeskSnapshot(_connection, _pacer, strategies, [.. _working.Values.OrderBy(w => w.OrderId.Value)], [.. _recent],
            Context.System.TimeProvider.GetUtcNow());
    }
}
