namespace TradingDesk.Simulator.Catalogue;

/// <summary>
/// The venues behind SMART and the depth feeds, for reqSmartComponents and reqMktDepthExchanges. The stock venues
/// are the ones the price engine names in SMART depth (its marketMaker field), each with its US consolidated-tape
/// participant letter, which is what IB's exchange letter is.
/// </summary>
public static class VenueDirectory
{
    /// <summary>(bit number, exchange, letter), in bit order. The bit numbers are the simulator's own (UNCONFIRMED: IB's are per BBO exchange).</summary>
    public static readonly IReadOnlyList<(int Bit, string Exchange, string Letter)> SmartComponents =
    [
        (0, "NYSE", "N"), (1, "ARCA", "P"), (2, "NSDQ", "Q"), (3, "BATS", "Z"),
        (4, "BYX", "Y"), (5, "EDGX", "K"), (6, "IEX", "V"), (7, "MEMX", "H"),
    ];

    /// <summary>One row of reqMktDepthExchanges: where L2 data exists for which security type.</summary>
    public sealed record DepthExchange(string Exchange, string SecType, string ListingExchange, string ServiceDataType, int AggGroup);

    /// <summary>
    /// The depth venues of the catalogue: every stock venue (Deep, IB's name for a per-venue book), the SMART
    /// aggregate for stocks, and each future and FX venue the catalogue lists (UNCONFIRMED: the aggGroup values).
    /// </summary>
    public static IReadOnlyList<DepthExchange> DepthExchanges(InstrumentCatalogue catalogue)
    {
        var rows = SmartComponents.Select(c => new DepthExchange(c.Exchange, "STK", "", "Deep", 1)).ToList();
        rows.Add(new DepthExchange("SMART", "STK", "", "Deep2", 1));
        foreach (var venue in catalogue.All.Where(c => c.SecType is SecType.Future or SecType.Cash)
                     .Select(c => (c.Exchange, Type: c.SecType.ToIb())).Distinct().OrderBy(v => v.Type).ThenBy(v => v.Exchange))
            rows.Add(new DepthExchange(venue.Exchange, venue.Type, "", "Deep", venue.Type == "CASH" ? 4 : 2));
        return rows;
    }
}
