using System.Globalization;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk journal</c>'s report: a recovered order book turned into rows per strategy. Pure: the book comes in, rows come
/// out; reading the store is <see cref="Hosting.JournalReader"/>'s business and printing is <see cref="JournalCommand"/>'s.
/// </summary>
public static class JournalReport
{
    /// <summary>The owner shown for adopted orders whose orderRef named no strategy.</summary>
    public const string Unowned = "unowned";

    public sealed record OrderRow(int Id, string Contract, string Side, decimal Quantity, string Status, decimal Filled, DateTimeOffset? Journaled);

    /// <summary><see cref="Time"/>: the execution's time at the gateway (else when it reached the desk); <see cref="Received"/>: when it reached the desk.</summary>
    public sealed record FillRow(string ExecId, int OrderId, DateTimeOffset Time, DateTimeOffset Received, string Contract, string Side, decimal Quantity, decimal Price);

    /// <summary>Net signed quantity and the average price per unit paid for what is held (0 when flat).</summary>
    public sealed record PositionRow(string Contract, decimal Quantity, decimal AverageCost);

    public sealed record StrategySection(string Strategy, IReadOnlyList<OrderRow> Orders, IReadOnlyList<FillRow> Fills, IReadOnlyList<PositionRow> Positions);

    /// <summary><see cref="HighWaterMark"/>: the next order id the desk may use; every id below it is used.</summary>
    public sealed record Report(int HighWaterMark, IReadOnlyList<StrategySection> Strategies);

    /// <summary>
    /// The rows of <paramref name="book"/>. <paramref name="strategy"/> keeps one section (by name, or
    /// <see cref="Unowned"/>). <paramref name="since"/> keeps the orders the journal recorded at or after it (by
    /// <paramref name="journaled"/>; an order without a time is kept) and the fills that reached the desk at or after it:
    /// both on the desk's clock, since the gateway's (the simulator's market clock, say) may be anywhere. Positions
    /// always count every fill: a position is what is held now, whatever the window.
    /// </summary>
    public static Report From(OrderBook book, IReadOnlyDictionary<OrderId, DateTimeOffset> journaled, string? strategy = null, DateTimeOffset? since = null)
    {
        var sections = new List<StrategySection>();
        var byOwner = book.Orders.Values.GroupBy(o => o.Strategy?.Value ?? Unowned, StringComparer.Ordinal).OrderBy(g => g.Key == Unowned).ThenBy(g => g.Key, StringComparer.Ordinal);
        foreach (var owner in byOwner)
        {
            if (strategy is not null && owner.Key != strategy) continue;
            var ids = owner.Select(o => o.Id).ToHashSet();
            var fills = book.SessionFills.Where(f => ids.Contains(f.OrderId)).Select(f => Fill(f, book.Orders[f.OrderId])).ToList();
            var orders = owner.OrderBy(o => o.Id.Value)
                .Select(o => Order(o, journaled.TryGetValue(o.Id, out var t) ? t : null))
                .Where(o => since is not { } s || o.Journaled is not { } t || t >= s)
                .ToList();
            sections.Add(new StrategySection(owner.Key, orders, [.. fills.Where(f => since is not { } s || f.Received >= s)], Positions(fills)));
        }
        return new Report(book.NextId, sections);
    }

    private static OrderRow Order(OrderRecord o, DateTimeOffset? journaled)
    {
        // An adopted order may have no spec of ours: the gateway's last openOrder says what it is.
        var open = o.LastOpen?.Order;
        var contract = o.Contract ?? open?.Contract;
        var side = o.Spec is { } spec ? WireNames.Of(spec.Action) : open?.Action ?? "?";
        var quantity = o.Spec?.Quantity ?? open?.TotalQuantity ?? o.Filled + o.Remaining;
        var status = o.Rejected || o.Lost || o.NeverSent ? o.Ended : o.Status.ToString();
        return new OrderRow(o.Id.Value, Label(contract), side, quantity, status, o.Filled, journaled);
    }

    private static FillRow Fill(OrderEvents.Filled f, OrderRecord order) =>
        new(f.ExecId.Value, f.OrderId.Value, f.GatewayTime ?? f.LocalTime, f.LocalTime, Label(order.Contract ?? f.Contract), f.Side, f.Quantity, f.Price);

    /// <summary>Per contract, in fill order: the net quantity and the average cost of what is held.</summary>
    public static IReadOnlyList<PositionRow> Positions(IEnumerable<FillRow> fills)
    {
        var held = new Dictionary<string, (decimal Quantity, decimal Average)>(StringComparer.Ordinal);
        foreach (var f in fills)
        {
            var signed = IsSell(f.Side) ? -f.Quantity : f.Quantity;
            held[f.Contract] = AverageCost(held.GetValueOrDefault(f.Contract), signed, f.Price);
        }
        return [.. held.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PositionRow(p.Key, p.Value.Quantity, p.Value.Average))];
    }

    /// <summary>
    /// One fill on a position. Adding to it (or opening one) moves the average to the quantity-weighted mean; reducing
    /// it keeps the average (the gain or loss is realised, not averaged in); going through zero opens the rest at the
    /// fill's price; flat has no cost.
    /// </summary>
    public static (decimal Quantity, decimal Average) AverageCost((decimal Quantity, decimal Average) position, decimal signed, decimal price)
    {
        var (quantity, average) = position;
        var after = quantity + signed;
        if (after == 0) return (0, 0);
        if (quantity == 0 || Math.Sign(quantity) == Math.Sign(signed))
            return (after, (Math.Abs(quantity) * average + Math.Abs(signed) * price) / Math.Abs(after));
        return Math.Sign(after) == Math.Sign(quantity) ? (after, average) : (after, price);
    }

    /// <summary>IB's execution sides are BOT and SLD; an order's are BUY, SELL and SSHORT.</summary>
    private static bool IsSell(string side) => side.StartsWith('S');

    /// <summary>What identifies a contract for a position: the gateway's executions name another exchange than SMART.</summary>
    public static string Label(ContractSpec? c)
    {
        if (c is null) return "?";
        var parts = new List<string> { c.Symbol, WireNames.Of(c.SecType) };
        if (c.LastTradeDateOrContractMonth is { } expiry) parts.Add(expiry);
        if (c.Strike is { } strike) parts.Add(strike.ToString(CultureInfo.InvariantCulture));
        if (c.Right is { } right) parts.Add(WireNames.Of(right));
        parts.Add(c.Currency);
        return string.Join(' ', parts);
    }
}
