namespace TradingDesk.Hosting;

/// <summary>
/// A strategy's open position in one symbol and what it cost, at average cost: the monitor's split of PnL into
/// realised and unrealised. <see cref="Cost"/> is the signed cash paid for the open quantity (negative for a short:
/// cash received), so a fill that adds to the position adds its cash, one that reduces it takes the closed share
/// of the cost out at the average price, and one that crosses zero opens the rest at the fill price.
///
/// Kept as a cost rather than an average price so that a flat position costs exactly zero: the strategy's cash plus
/// its open costs is then exactly the cash of what it closed (its realised PnL), with no rounding left over, and the
/// realised and unrealised figures always add up to the total.
/// </summary>
public readonly record struct OpenPosition(decimal Quantity, decimal Cost)
{
    /// <summary>This position after a fill of <paramref name="signed"/> (bought positive, sold negative) at <paramref name="price"/>.</summary>
    public OpenPosition Fill(decimal signed, decimal price)
    {
        if (signed == 0) return this;
        if (Quantity == 0 || Math.Sign(Quantity) == Math.Sign(signed)) return new(Quantity + signed, Cost + signed * price);
        var after = Quantity + signed;
        if (after == 0) return default;
        // Still on the same side: the closed share leaves at the average cost, the rest keeps it.
        if (Math.Sign(after) == Math.Sign(Quantity)) return new(after, Cost * after / Quantity);
        // Crossed zero: all the old position closed, the remainder opened at this fill's price.
        return new(after, after * price);
    }

    /// <summary>The open quantity marked at <paramref name="mark"/>, less what it cost.</summary>
    public decimal Unrealised(decimal mark) => Quantity * mark - Cost;
}
