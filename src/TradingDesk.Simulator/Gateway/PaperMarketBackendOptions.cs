namespace TradingDesk.Simulator.Gateway;

/// <summary>How often the paper market backend streams. Defaults follow IB's cadences.</summary>
public sealed record PaperMarketBackendOptions
{
    /// <summary>L1, tick-by-tick and depth streaming period. IB's stock cadence is 250 ms (prices move once a second here).</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>reqPnL / reqPnLSingle update period. IB sends them about once a second.</summary>
    public TimeSpan PnlInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Portfolio and account value refresh for reqAccountUpdates (fills refresh at once). IB: every 3 minutes.</summary>
    public TimeSpan AccountUpdateInterval { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How far behind delayed market data (types 3 and 4) runs. IB: 15 minutes for US stocks.</summary>
    public TimeSpan DelayedBy { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Financial Advisor mode: the advisor's (master) account, the market's accounts its sub-accounts. Null: not an advisor.</summary>
    public string? AdvisorAccount { get; init; }

    public void Validate()
    {
        if (TickInterval <= TimeSpan.Zero) throw new ArgumentException("TickInterval must be positive");
        if (PnlInterval <= TimeSpan.Zero) throw new ArgumentException("PnlInterval must be positive");
        if (AccountUpdateInterval <= TimeSpan.Zero) throw new ArgumentException("AccountUpdateInterval must be positive");
        if (DelayedBy < TimeSpan.Zero) throw new ArgumentException("DelayedBy must not be negative");
    }
}
