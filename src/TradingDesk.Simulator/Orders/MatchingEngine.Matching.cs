using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Orders;

public sealed partial class MatchingEngine
{
    /// <summary>
    /// One order against the quote at <paramref name="now"/>. A resting limit order that the market comes through
    /// this second fills at its limit (it was the best price on its side); an order marketable on arrival, or one
    /// already marketable a second ago but not filled for lack of size, fills at the touch.
    /// Each evaluation fills at most the displayed size at the touch, so large orders fill over several seconds.
    /// </summary>
    private void Evaluate(Transition tr, OrderKey key, DateTimeOffset now, bool resting)
    {
        if (tr.State.Find(key) is not { IsWorking: true } order) return;
        var c = Catalogue.Get(order.Ticket.ConId);
        var t = order.Ticket;

        if (t.Type is OrderType.MarketOnClose or OrderType.LimitOnClose)
        {
            EvaluateOnClose(tr, order, c, now);
            return;
        }
        if (c.LastTradeDate is { } last && TradingCalendar.ZoneOf(c.Session).LocalDate(now) > last)
        {
            CancelOrder(tr, order, now, "contract expired");
            return;
        }
        if (order.ExpiresAt is { } expiry && now >= expiry)
        {
            CancelOrder(tr, order, now, t.Tif == TimeInForce.Gtd ? "good-till date reached" : "day order expired");
            return;
        }
        if (!TradingCalendar.IsOpen(c.Session, now, LiquidOnly(c, t)))
        {
            if (t.Tif is TimeInForce.Ioc or TimeInForce.Fok) CancelOrder(tr, order, now, "market closed");
            return; // stays PreSubmitted (or Submitted if it was already working) until the session opens
        }
        var q = Prices.GetQuote(c.ConId, now);
        var buy = t.Action == OrderAction.Buy;

        if (t.Type == OrderType.TrailingStop && !order.Triggered)
        {
            var trail = t.AuxPrice is > 0 ? t.AuxPrice.Value : c.RoundToTick(q.Last * t.TrailingPercent!.Value / 100m);
            var candidate = buy ? q.Last + trail : q.Last - trail;
            var stop = order.TrailStopPrice is not { } current ? candidate
                : buy ? Math.Min(current, candidate) : Math.Max(current, candidate);
            if (stop != order.TrailStopPrice)
            {
                tr.Emit(new TrailingStopMoved(now, key, stop));
                order = tr.State.Find(key)!;
            }
        }
        if (t.Type is OrderType.Stop or OrderType.StopLimit or OrderType.TrailingStop && !order.Triggered)
        {
            var stop = t.Type == OrderType.TrailingStop ? order.TrailStopPrice!.Value : t.AuxPrice!.Value;
            if (buy ? q.Last < stop : q.Last > stop) return; // not triggered: stays PreSubmitted
            order = order with { Triggered = true };
        }

        var marketLike = t.Type is OrderType.Market or OrderType.Stop or OrderType.TrailingStop;
        var touch = buy ? q.Ask : q.Bid;
        var marketable = marketLike || (buy ? q.Ask <= t.LimitPrice : q.Bid >= t.LimitPrice);
        if (!marketable)
        {
            if (t.Tif is TimeInForce.Ioc or TimeInForce.Fok) CancelOrder(tr, order, now, "not marketable");
            else if (order.Status != OrderStatus.Submitted || order != tr.State.Find(key))
                tr.Emit(new OrderChanged(now, order with { Status = OrderStatus.Submitted }));
            return;
        }
        var available = buy ? q.AskSize : q.BidSize;
        var quantity = Math.Min(order.Remaining, available);
        if (t.Tif == TimeInForce.Fok && quantity < order.Remaining)
        {
            CancelOrder(tr, order, now, "fill-or-kill size not available");
            return;
        }
        var price = touch;
        if (!marketLike && resting)
        {
            var before = Prices.GetQuote(c.ConId, now.AddSeconds(-1));
            var crossedNow = buy ? before.Ask > t.LimitPrice : before.Bid < t.LimitPrice;
            if (crossedNow) price = t.LimitPrice!.Value;
        }
        Fill(tr, order, c, quantity, price, now);
        if (t.Tif == TimeInForce.Ioc && tr.State.Find(key) is { IsActive: true } rest)
            CancelOrder(tr, rest, now, "immediate-or-cancel remainder");
    }

    private void EvaluateOnClose(Transition tr, SimOrder order, ContractDefinition c, DateTimeOffset now)
    {
        if (now < order.CloseAt)
        {
            if (order.Status == OrderStatus.PreSubmitted && TradingCalendar.IsOpen(c.Session, now, liquidOnly: true))
                tr.Emit(new OrderChanged(now, order with { Status = OrderStatus.Submitted }));
            return;
        }
        var close = Prices.ClosePrice(c.ConId, order.CloseAt!.Value);
        var limit = order.Ticket.LimitPrice;
        var buy = order.Ticket.Action == OrderAction.Buy;
        if (order.Ticket.Type == OrderType.LimitOnClose && (buy ? close > limit : close < limit))
        {
            CancelOrder(tr, order, now, "limit-on-close price not reached at the close");
            return;
        }
        // The closing auction fills the whole order at the closing price.
        Fill(tr, order, c, order.Remaining, close, order.CloseAt.Value);
    }

    private void Fill(Transition tr, SimOrder order, ContractDefinition c, decimal quantity, decimal price, DateTimeOffset now)
    {
        var fx = Valuation.FxToUsd(c.Currency, now);
        var filled = order.Filled + quantity;
        var average = (order.AvgFillPrice * order.Filled + price * quantity) / filled;
        // An FA order books each fill over its sub-accounts, one execution (and exec id) per account, as IB reports
        // an allocated fill; any other order books it whole in its account.
        var parts = order.Ticket.Allocation is { Count: > 0 } allocation
            ? FaFillAllocator.Split(allocation, Booked(tr.State, order.Key), quantity)
            : [(order.Account, quantity)];
        var commission = 0m;
        var cumulative = order.Filled;
        foreach (var (accountId, part) in parts)
        {
            var account = tr.State.Accounts.GetValueOrDefault(accountId) ?? AccountState.Open(accountId, 0m);
            var partCommission = Commissions.For(c, part, part * price * c.Multiplier * fx);
            var signed = order.Ticket.Action == OrderAction.Buy ? part : -part;
            var (_, realized) = account.ApplyFill(c.ConId, c.SecType, c.Multiplier, signed, price, partCommission, fx);
            cumulative += part;
            var execution = new Execution(tr.State.PeekExecId(), order.Key, order.PermId, accountId,
                c.ConId, c.Symbol, c.SecType, ExecutionExchange(c), order.Ticket.Action, part, price, now, cumulative, average,
                order.Ticket.OrderRef, partCommission, "USD", realized);
            tr.Emit(new ExecutionOccurred(now, execution, c.Multiplier, fx));
            commission += partCommission;
        }
        var done = filled == order.Ticket.Quantity;
        tr.Emit(new OrderChanged(now, order with
        {
            Filled = filled,
            AvgFillPrice = average,
            LastFillPrice = price,
            Commission = order.Commission + commission,
            Status = done ? OrderStatus.Filled : OrderStatus.Submitted,
            CompletedAt = done ? now : null,
        }));
        CancelOcaPeers(tr, order, now);
        if (done) ReleaseChildren(tr, order, now);
    }

    /// <summary>What each account holds of the order's executions so far.</summary>
    private static Dictionary<AccountId, decimal> Booked(EngineState state, OrderKey order) =>
        state.Executions.Where(e => e.Order == order).GroupBy(e => e.Account).ToDictionary(g => g.Key, g => g.Sum(e => e.Shares));

    /// <summary>A fill in an OCA group (or in a bracket's children, which IB treats as one) cancels the others.</summary>
    private static void CancelOcaPeers(Transition tr, SimOrder order, DateTimeOffset now)
    {
        var group = order.Ticket.OcaGroup;
        var peers = tr.State.Orders.Values.Where(o => o.IsActive && o.Key != order.Key && (
                (!string.IsNullOrEmpty(group) && o.Ticket.OcaGroup == group && o.Account == order.Account)
                || (order.Ticket.ParentId is { } p && o.Ticket.ParentId == p && o.Key.ClientId == order.Key.ClientId)))
            .OrderBy(o => o.Sequence).ToList();
        foreach (var peer in peers)
        {
            if (tr.State.Find(peer.Key) is { IsActive: true } current) CancelOrder(tr, current, now, "OCA group");
        }
    }

    private void ReleaseChildren(Transition tr, SimOrder parent, DateTimeOffset now)
    {
        foreach (var child in Children(tr.State, parent).Where(c => c.HeldForParent && c.Status == OrderStatus.PreSubmitted))
        {
            tr.Emit(new OrderChanged(now, child with { HeldForParent = false }));
            Evaluate(tr, child.Key, now, resting: false);
        }
    }

    // Where a fill is reported: stocks at their listing venue (IB shows ISLAND for NASDAQ fills), else the exchange.
    private static string ExecutionExchange(ContractDefinition c) => c.SecType == SecType.Stock
        ? c.PrimaryExchange == "NASDAQ" ? "ISLAND" : c.PrimaryExchange
        : c.SecType == SecType.Option ? "CBOE" : c.Exchange;
}
