namespace TradingDesk.Simulator.Catalogue;

/// <summary>
/// Major FX pairs on IDEALPRO (secType CASH). As IB lists them, symbol is the base currency, currency the quote
/// currency, localSymbol "EUR.USD". EUR.USD's conId 12087792 is IB's; the others are plausible.
/// </summary>
internal static class FxListings
{
    private static readonly (string Base, string Quote, int ConId, decimal Price, decimal MinTick)[] Pairs =
    [
        ("EUR", "USD", 12087792, 1.08m, 0.00005m),
        ("GBP", "USD", 12087797, 1.27m, 0.00005m),
        ("AUD", "USD", 14433401, 0.66m, 0.00005m),
        ("NZD", "USD", 39453441, 0.60m, 0.00005m),
        ("USD", "JPY", 15016059, 150.0m, 0.005m),
        ("USD", "CAD", 15016062, 1.36m, 0.00005m),
        ("USD", "CHF", 12087820, 0.88m, 0.00005m),
        ("EUR", "GBP", 12087807, 0.85m, 0.00005m),
        ("EUR", "JPY", 14321016, 162.0m, 0.005m),
    ];

    // IB's longName for a CASH pair is the name of its base currency.
    private static string CurrencyName(string code) => code switch
    {
        "EUR" => "European Monetary Union Euro",
        "GBP" => "British pound",
        "AUD" => "Australian dollar",
        "NZD" => "New Zealand dollar",
        "USD" => "US dollar",
        _ => code,
    };

    internal static IEnumerable<ContractDefinition> Build() => Pairs.Select(p => new ContractDefinition
    {
        ConId = new ConId(p.ConId),
        Symbol = p.Base,
        SecType = SecType.Cash,
        Exchange = "IDEALPRO",
        Currency = p.Quote,
        LocalSymbol = $"{p.Base}.{p.Quote}",
        TradingClass = $"{p.Base}.{p.Quote}",
        MinTick = p.MinTick,
        LongName = CurrencyName(p.Base),
        TimeZoneId = "US/Eastern",
        ValidExchanges = "IDEALPRO",
        OrderTypes = "ACTIVETIM,AD,ADJUST,ALERT,ALGO,ALLOC,AVGCOST,BASKET,CASHQTY,COND,CONDORDER,DAY,DEACT,DEACTDIS,DEACTEOD,GAT,GTC,GTD,GTT,IOC,LIT,LMT,MIT,MKT,NONALGO,OCA,REL,RELPCTOFS,SCALE,SCALERST,STP,STPLMT,TRAIL,TRAILLIT,TRAILLMT,TRAILMIT,WHATIF",
        MarketRuleIds = p.MinTick == 0.005m ? "240" : "239",
        Category = "",
        Session = SessionKind.Fx,
        ReferencePrice = p.Price,
        AnnualVolatility = 0.08,
        DailyVolume = 5_000_000_000,
        SpreadTicks = 2,
        LotSize = 1_000_000m,
    });
}
