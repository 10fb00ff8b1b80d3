namespace TradingDesk.Simulator.Accounts;

/// <summary>
/// Splits the fills of an FA order over its sub-accounts. The order's allocation (<see cref="AdvisorSetup.Allocate"/>:
/// whole shares, the units left after rounding down given one each from the group's first account on) says what each
/// account gets of the whole order; each fill is split over what every account still lacks of its share, so the
/// parts are never negative and the last fill ends exactly on the allocation (a group order of 10 over three
/// accounts, EqualQuantity: 4/3/3, however it fills).
/// <para>
/// UNCONFIRMED: how IB spreads a partial fill over the accounts (it allocates at the average price once the order is
/// done, or as it fills, depending on the account's settings). Here a partial fill goes in proportion to what each
/// account still lacks, rounded down, and the units left by rounding go to the largest remainders, earlier
/// accounts first on ties.
/// </para>
/// </summary>
public static class FaFillAllocator
{
    /// <summary>
    /// The quantity each account gets of a fill of <paramref name="quantity"/>, given what <paramref name="booked"/>
    /// already holds of the order per account; accounts whose part is zero are left out. The parts add up to the fill
    /// (any excess over the allocation, which a correct order never has, goes to the first account).
    /// </summary>
    public static IReadOnlyList<(AccountId Account, decimal Quantity)> Split(
        IReadOnlyList<(AccountId Account, decimal Quantity)> allocation, IReadOnlyDictionary<AccountId, decimal> booked, decimal quantity)
    {
        var lacking = allocation.Select(a => Math.Max(0m, a.Quantity - booked.GetValueOrDefault(a.Account))).ToArray();
        var total = lacking.Sum();
        var parts = new decimal[allocation.Count];
        var fill = Math.Min(quantity, total);
        if (fill > 0)
        {
            var exact = lacking.Select(l => l * fill / total).ToArray();
            for (var i = 0; i < parts.Length; i++) parts[i] = Math.Min(decimal.Floor(exact[i]), lacking[i]);
            var left = fill - parts.Sum();
            // Largest remainder first; OrderByDescending is stable, so ties go to the earlier account.
            foreach (var i in Enumerable.Range(0, exact.Length).OrderByDescending(i => exact[i] - parts[i]))
            {
                if (left <= 0) break;
                var unit = Math.Min(Math.Min(1m, left), lacking[i] - parts[i]);
                parts[i] += unit;
                left -= unit;
            }
        }
        if (quantity > fill && parts.Length > 0) parts[0] += quantity - fill;
        return [.. allocation.Select((a, i) => (a.Account, parts[i])).Where(p => p.Item2 != 0)];
    }
}
