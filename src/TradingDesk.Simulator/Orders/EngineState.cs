using System.Collections.Immutable;
using TradingDesk.Simulator.Accounts;

namespace TradingDesk.Simulator.Orders;

/// <summary>
/// Everything the paper market remembers: orders, executions, accounts and counters. Immutable; changed only by
/// <see cref="Apply"/>, so a snapshot is just a reference and restoring it is assigning it back.
/// </summary>
public sealed record EngineState
{
    public required ImmutableDictionary<OrderKey, SimOrder> Orders { get; init; }
    public required ImmutableList<Execution> Executions { get; init; }
    public required ImmutableDictionary<AccountId, AccountState> Accounts { get; init; }
    /// <summary>The next permId to hand out.</summary>
    public required long NextPermId { get; init; }
    /// <summary>Sequence part of the next execId.</summary>
    public required long NextExecSequence { get; init; }
    /// <summary>Distinguishes execIds of this state from those of a state before a reset.</summary>
    public required uint ExecIdPrefix { get; init; }
    public long NextOrderSequence { get; init; }
    /// <summary>
    /// Highest order id any client has used in a placeOrder, accepted or rejected (nextValidId is above it).
    /// </summary>
    public int MaxOrderIdSeen { get; init; }
    /// <summary>Matching has run up to this instant.</summary>
    public required DateTimeOffset MatchedUntil { get; init; }

    /// <summary>
    /// A fresh state. Perm ids and exec ids are based on <paramref name="idEpoch"/> (default the creation time) plus a
    /// generation that the market bumps on every reset, so a desk that de-duplicates fills by exec id never mistakes a
    /// new fill for an old one.
    /// </summary>
    public static EngineState Create(DateTimeOffset now, IEnumerable<(AccountId Id, decimal Cash)> accounts, int generation = 0,
        DateTimeOffset? idEpoch = null)
    {
        var seconds = (idEpoch ?? now).ToUnixTimeSeconds() + generation;
        return new EngineState
        {
            Orders = ImmutableDictionary<OrderKey, SimOrder>.Empty,
            Executions = ImmutableList<Execution>.Empty,
            Accounts = accounts.ToImmutableDictionary(a => a.Id, a => AccountState.Open(a.Id, a.Cash)),
            NextPermId = 1_000_000_000L + seconds % 1_000_000L * 1_000L,
            NextExecSequence = 1,
            ExecIdPrefix = (uint)seconds,
            MatchedUntil = now,
        };
    }

    public SimOrder? Find(OrderKey key) => Orders.GetValueOrDefault(key);

    /// <summary>
    /// Records the id of a placeOrder, whatever the gateway then answers. IB counts an id as used once a placeOrder
    /// carried it, also when the gateway rejected it (200, 201, 321 …); a cancel does not use an id.
    /// </summary>
    public EngineState WithOrderIdUsed(OrderId id) =>
        id.Value > MaxOrderIdSeen ? this with { MaxOrderIdSeen = id.Value } : this;

    /// <summary>The exec id the next execution gets: "{sequence}.{state prefix}.01.01" in hex, TWS-like.</summary>
    public ExecId PeekExecId() => new($"{NextExecSequence:x8}.{ExecIdPrefix:x8}.01.01");

    /// <summary>Folds one event into the state.</summary>
    public EngineState Apply(MarketEvent e) => e switch
    {
        OrderChanged c => this with
        {
            Orders = Orders.SetItem(c.Order.Key, c.Order),
            NextPermId = Math.Max(NextPermId, c.Order.PermId.Value + 1),
            NextOrderSequence = Math.Max(NextOrderSequence, c.Order.Sequence + 1),
            MaxOrderIdSeen = Math.Max(MaxOrderIdSeen, c.Order.Key.OrderId.Value),
        },
        ExecutionOccurred x => ApplyExecution(x),
        TrailingStopMoved t when Orders.TryGetValue(t.Order, out var o) => this with
        {
            Orders = Orders.SetItem(t.Order, o with { TrailStopPrice = t.StopPrice }),
        },
        _ => this,
    };

    private EngineState ApplyExecution(ExecutionOccurred x)
    {
        var e = x.Execution;
        var account = Accounts.GetValueOrDefault(e.Account) ?? AccountState.Open(e.Account, 0m);
        var signed = e.Side == OrderAction.Buy ? e.Shares : -e.Shares;
        var (updated, _) = account.ApplyFill(e.ConId, e.SecType, x.Multiplier, signed, e.Price, e.Commission, x.FxToUsd);
        return this with
        {
            Executions = Executions.Add(e),
            NextExecSequence = NextExecSequence + 1,
            Accounts = Accounts.SetItem(e.Account, updated),
        };
    }
}
