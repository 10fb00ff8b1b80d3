using System.Globalization;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Risk;

/// <summary>
/// The pre-trade risk gate: pure, no state of its own. The kill switch is checked first (it denies everything),
/// then symbol, quantity, open orders and notional. Rule names are stable strings strategies can match on.
/// </summary>
public static class RiskGate
{
    public const string KillSwitchRule = "kill-switch";
    public const string AllowedSymbolsRule = "allowed-symbols";
    public const string MaxQuantityRule = "max-quantity";
    public const string MaxNotionalRule = "max-notional";
    public const string MaxOpenOrdersRule = "max-open-orders";

    /// <summary>Null when the order may go; otherwise the first rule it breaks.</summary>
    public static RiskDenied? Check(RiskCheck check, RiskLimits limits, string? killSwitchReason)
    {
        if (killSwitchReason is not null) return new RiskDenied(KillSwitchRule, killSwitchReason);

        var symbol = check.Contract.Symbol;
        if (limits.AllowedSymbols is { } allowed && !allowed.Any(s => string.Equals(s, symbol, StringComparison.OrdinalIgnoreCase)))
            return new RiskDenied(AllowedSymbolsRule, $"{check.Strategy} may not trade {symbol} (allowed: {string.Join(", ", allowed.Order())})");

        var quantity = check.Order.Quantity;
        if (limits.MaxOrderQuantity is { } maxQty && quantity > maxQty)
            return new RiskDenied(MaxQuantityRule, $"quantity {quantity} exceeds {check.Strategy}'s maximum of {maxQty}");

        if (limits.MaxOpenOrders is { } maxOpen && check.OpenOrders + check.NewOrders > maxOpen)
            return new RiskDenied(MaxOpenOrdersRule, $"{check.Strategy} has {check.OpenOrders} working orders; {check.NewOrders} more would exceed {maxOpen}");

        if (limits.MaxNotional is { } maxNotional)
        {
            var price = PriceFor(check);
            if (price is null)
                return new RiskDenied(MaxNotionalRule, $"no reference price for the {check.Order.Type} order on {symbol}: supply ReferencePrice on the command (the desk knows no fill or limit price for it)");
            var notional = quantity * price.Value * Multiplier(check.Contract);
            if (notional > maxNotional)
                return new RiskDenied(MaxNotionalRule, $"notional {notional.ToString(CultureInfo.InvariantCulture)} ({quantity} × {price} × {Multiplier(check.Contract)}) exceeds {check.Strategy}'s maximum of {maxNotional}");
        }
        return null;
    }

    /// <summary>
    /// The price for notional: the limit price, else the stop price (stop orders), else what the strategy supplied,
    /// else the last price the desk knows. Trailing orders' aux price is a distance, not a price, so it never counts.
    /// </summary>
    public static decimal? PriceFor(RiskCheck check)
    {
        var o = check.Order;
        if (o.LimitPrice is { } lmt) return lmt;
        if (o.Type is OrderType.Stop && o.AuxPrice is { } stop) return stop;
        if (o.Type is OrderType.TrailingStop or OrderType.TrailingStopLimit && o.TrailStopPrice is { } trail) return trail;
        return check.ExplicitReferencePrice ?? check.LastKnownPrice;
    }

    /// <summary>The contract multiplier (options 100, futures as given); 1 when absent or unparsable.</summary>
    public static decimal Multiplier(ContractSpec contract) =>
        contract.Multiplier is { } m && decimal.TryParse(m, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 1m;
}
