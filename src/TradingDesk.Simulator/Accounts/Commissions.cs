using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Accounts;

/// <summary>
/// IB-like fixed-rate commissions per execution, in USD:
/// stocks $0.005 a share, at least $1, at most 1 % of the trade value;
/// futures $0.85 a contract; options $0.65 a contract, at least $1; FX 0.2 basis points of value, at least $2.
/// </summary>
public static class Commissions
{
    /// <param name="valueUsd">the execution's value in USD (quantity × price × multiplier, converted).</param>
    public static decimal For(ContractDefinition c, decimal quantity, decimal valueUsd)
    {
        quantity = Math.Abs(quantity);
        valueUsd = Math.Abs(valueUsd);
        var fee = c.SecType switch
        {
            SecType.Stock => Math.Min(Math.Max(quantity * 0.005m, 1m), valueUsd * 0.01m),
            SecType.Future => quantity * 0.85m,
            SecType.Option => Math.Max(quantity * 0.65m, 1m),
            SecType.Cash => Math.Max(valueUsd * 0.00002m, 2m),
            _ => 0m,
        };
        return Math.Round(fee, 4);
    }
}

/// <summary>
/// Simplified margin rates (initial, maintenance) as fractions of position value: Reg-T-like for stocks,
/// SPAN-like fractions of notional for futures, FX and options. Short stock needs more than long.
/// </summary>
public static class MarginRates
{
    public static (decimal Initial, decimal Maintenance) For(SecType type, bool isShort) => type switch
    {
        SecType.Stock => isShort ? (0.5m, 0.3m) : (0.5m, 0.25m),
        SecType.Future => (0.07m, 0.06m),
        SecType.Cash => (0.03m, 0.025m),
        SecType.Option => isShort ? (1.0m, 1.0m) : (0m, 0m),
        _ => (1m, 1m),
    };
}
