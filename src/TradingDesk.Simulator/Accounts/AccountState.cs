using System.Collections.Immutable;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Accounts;

/// <summary>An IB account code, e.g. "DU111111" (paper accounts start with DU).</summary>
public readonly record struct AccountId(string Value)
{
    public static readonly AccountId Default = new("DU111111");

    public override string ToString() => Value;
}

/// <summary>
/// A position. <see cref="AveragePrice"/> is per unit in price terms and includes commissions, as IB's average
/// cost does; IB's averageCost field is <see cref="AveragePrice"/> × multiplier (see <see cref="AverageCost"/>).
/// </summary>
/// <param name="RawAveragePrice">the average without commissions: futures settle cash against it.</param>
public sealed record Position(ConId ConId, decimal Quantity, decimal AveragePrice, decimal RealizedPnl, decimal Multiplier,
    decimal RawAveragePrice = 0m)
{
    public decimal AverageCost => AveragePrice * Multiplier;
}

/// <summary>
/// One account's cash and positions. Cash is kept in USD: fills in other quote currencies are converted at the
/// fill's time by the caller. Futures do not move cash on a fill (they are marked to market), only by realized
/// PnL and commission; every other security pays or receives its full value.
/// </summary>
public sealed record AccountState(AccountId Id, decimal Cash, ImmutableDictionary<ConId, Position> Positions, decimal RealizedPnl)
{
    public static AccountState Open(AccountId id, decimal cash) => new(id, cash, ImmutableDictionary<ConId, Position>.Empty, 0m);

    /// <summary>Applies a fill; returns the new state and the realized PnL of the fill (null if it only opened).</summary>
    /// <param name="signedQuantity">positive for a buy.</param>
    /// <param name="fxToUsd">USD per unit of the contract's currency at the fill.</param>
    public (AccountState State, decimal? Realized) ApplyFill(
        ConId conId, SecType secType, decimal mult, decimal signedQuantity, decimal price, decimal commission, decimal fxToUsd)
    {
        var existing = Positions.GetValueOrDefault(conId) ?? new Position(conId, 0m, 0m, 0m, mult);
        var q0 = existing.Quantity;
        var qty = Math.Abs(signedQuantity);
        var sign = Math.Sign(signedQuantity);
        // Commission folded into price terms per unit: it raises the cost of buys and lowers the proceeds of sells.
        var commissionPerUnit = commission / fxToUsd / (qty * mult);
        decimal? realized = null;
        decimal newQty = q0 + signedQuantity;
        decimal newAvg, newRaw, grossRealized = 0m;
        if (q0 == 0 || Math.Sign(q0) == sign)
        {
            var effective = price + sign * commissionPerUnit;
            newAvg = (Math.Abs(q0) * existing.AveragePrice + qty * effective) / (Math.Abs(q0) + qty);
            newRaw = (Math.Abs(q0) * existing.RawAveragePrice + qty * price) / (Math.Abs(q0) + qty);
        }
        else
        {
            var closing = Math.Min(qty, Math.Abs(q0));
            // IB's realized PnL is net of the commissions of both the opening (inside the average) and closing fills.
            realized = (price - existing.AveragePrice) * closing * mult * Math.Sign(q0) - commissionPerUnit * closing * mult;
            grossRealized = (price - existing.RawAveragePrice) * closing * mult * Math.Sign(q0);
            var opening = qty - closing;
            newAvg = newQty == 0 ? 0m : opening > 0 ? price + sign * commissionPerUnit : existing.AveragePrice;
            newRaw = newQty == 0 ? 0m : opening > 0 ? price : existing.RawAveragePrice;
        }
        var realizedUsd = (realized ?? 0m) * fxToUsd;
        var cashChange = secType == SecType.Future
            ? grossRealized * fxToUsd - commission
            : -signedQuantity * price * mult * fxToUsd - commission;
        var position = existing with
        {
            Quantity = newQty, AveragePrice = newAvg, RawAveragePrice = newRaw,
            RealizedPnl = existing.RealizedPnl + (realized ?? 0m),
        };
        var state = this with
        {
            Cash = Cash + cashChange,
            Positions = Positions.SetItem(conId, position),
            RealizedPnl = RealizedPnl + realizedUsd,
        };
        return (state, realized);
    }
}
