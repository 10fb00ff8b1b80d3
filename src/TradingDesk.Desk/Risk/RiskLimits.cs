using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Risk;

/// <summary>
/// Pre-trade limits of one strategy. Null means "no limit" for that rule. Checked by <see cref="RiskGate"/> before an
/// order (or a modification) is sent; a breach is answered with RiskDenied(rule, detail) and nothing reaches the gateway.
/// </summary>
public sealed record RiskLimits
{
    /// <summary>No limits at all (the default, so a desk without risk configuration behaves like a plain API client).</summary>
    public static readonly RiskLimits Unlimited = new();

    /// <summary>Largest quantity of one order (rule "max-quantity").</summary>
    public decimal? MaxOrderQuantity { get; init; }

    /// <summary>Largest quantity × price × multiplier of one order (rule "max-notional").</summary>
    public decimal? MaxNotional { get; init; }

    /// <summary>Most working orders the strategy may have at once, counting the new ones (rule "max-open-orders").</summary>
    public int? MaxOpenOrders { get; init; }

    /// <summary>Symbols the strategy may trade (rule "allowed-symbols"); null allows every symbol. Compared case-insensitively.</summary>
    public IReadOnlySet<string>? AllowedSymbols { get; init; }

    /// <summary>Names what is wrong with the limits themselves, so options validation can say what to change.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxOrderQuantity is <= 0) problems.Add($"MaxOrderQuantity must be positive (or null for none), not {MaxOrderQuantity}");
        if (MaxNotional is <= 0) problems.Add($"MaxNotional must be positive (or null for none), not {MaxNotional}");
        if (MaxOpenOrders is < 0) problems.Add($"MaxOpenOrders must not be negative, not {MaxOpenOrders}");
        return problems;
    }
}

/// <summary>What the risk gate checks: one order leg, with the context the order book knows.</summary>
/// <param name="ExplicitReferencePrice">The price the strategy supplied for a market order's notional.</param>
/// <param name="LastKnownPrice">The last fill or limit price the desk saw for this contract.</param>
/// <param name="OpenOrders">The strategy's working orders now.</param>
/// <param name="NewOrders">How many working orders this command adds (3 for a bracket, 0 for a modification).</param>
public sealed record RiskCheck(
    StrategyId Strategy, ContractSpec Contract, OrderSpec Order, decimal? ExplicitReferencePrice, decimal? LastKnownPrice,
    int OpenOrders, int NewOrders);
