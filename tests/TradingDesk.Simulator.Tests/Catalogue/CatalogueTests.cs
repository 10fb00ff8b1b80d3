using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Tests.Catalogue;

public sealed class CatalogueTests
{
    private static readonly InstrumentCatalogue Cat = InstrumentCatalogue.Build(new DateOnly(2026, 11, 20));

    [Fact]
    public void Lists_stocks_futures_fx_and_option_chains()
    {
        Assert.True(Cat.All.Count(c => c.SecType == SecType.Stock) >= 30);
        Assert.Equal(new ConId(265598), Cat.Search(new() { Symbol = "AAPL", SecType = SecType.Stock }).Single().ConId);
        Assert.Equal(new ConId(756733), Cat.Search(new() { Symbol = "SPY", SecType = SecType.Stock, Exchange = "SMART" }).Single().ConId);
        Assert.Equal("EUR.USD", Cat.Search(new() { Symbol = "EUR", Currency = "USD", SecType = SecType.Cash, Exchange = "IDEALPRO" }).Single().LocalSymbol);
        foreach (var root in new[] { "ES", "NQ", "YM", "RTY" })
        {
            Assert.True(Cat.Search(new() { Symbol = root, SecType = SecType.Future }).Count >= 4, root);
        }
        var spyOptions = Cat.Search(new() { Symbol = "SPY", SecType = SecType.Option });
        Assert.True(spyOptions.Select(o => o.LastTradeDate).Distinct().Count() >= 4);
        Assert.Contains(spyOptions, o => o.Right == OptionRight.Put);
        Assert.NotEmpty(Cat.Search(new() { Symbol = "AAPL", SecType = SecType.Option, Right = OptionRight.Call }));
    }

    [Fact]
    public void Stock_contract_details_look_like_IB()
    {
        var aapl = Cat.Get(new ConId(265598));
        Assert.Equal("NASDAQ", aapl.PrimaryExchange);
        Assert.Equal(0.01m, aapl.MinTick);
        Assert.Equal("US/Eastern", aapl.TimeZoneId);
        Assert.Contains("SMART", aapl.ValidExchanges.Split(','));
        var hours = InstrumentCatalogue.LiquidHours(aapl, new DateOnly(2026, 11, 20));
        Assert.Contains("20261120:0930-20261120:1600", hours);
        Assert.Contains("20261121:CLOSED", hours);
        Assert.Contains("20261120:0400-20261120:2000", InstrumentCatalogue.TradingHours(aapl, new DateOnly(2026, 11, 20)));
    }

    [Fact]
    public void Futures_expire_on_the_third_Friday_with_IB_local_symbols_and_a_front_month()
    {
        var front = Cat.FrontMonth("ES", new DateOnly(2026, 11, 20))!;
        Assert.Equal("ESZ6", front.LocalSymbol);
        Assert.Equal(new DateOnly(2026, 12, 18), front.LastTradeDate);
        Assert.Equal("202612", front.ContractMonth);
        Assert.Equal(50m, front.Multiplier);
        Assert.Equal("ESH7", Cat.FrontMonth("ES", new DateOnly(2026, 12, 19))!.LocalSymbol);
        Assert.Contains("20261119:1700-20261120:1600", InstrumentCatalogue.TradingHours(front, new DateOnly(2026, 11, 20)));
        Assert.Equal(front, Cat.Search(new() { Symbol = "ES", SecType = SecType.Future, Expiry = "202612" }).Single());
        Assert.Equal(front, Cat.Search(new() { LocalSymbol = "ESZ6" }).Single());
        Assert.Equal(front, Cat.Search(new() { Symbol = "ES", SecType = SecType.Future, Exchange = "GLOBEX", Expiry = "20261218" }).Single());
    }

    [Fact]
    public void Search_returns_several_matches_or_an_empty_list()
    {
        Assert.Equal(2, Cat.Search(new() { Symbol = "GOOG" }).Count + Cat.Search(new() { Symbol = "GOOGL" }).Count);
        Assert.True(Cat.Search(new() { Symbol = "ES" }).Count >= 5);
        Assert.Empty(Cat.Search(new() { Symbol = "NOPE" }));
        Assert.Empty(Cat.Search(new() { Symbol = "AAPL", SecType = SecType.Stock, Currency = "EUR" }));
        Assert.Empty(Cat.Search(new() { ConId = new ConId(1) }));
        Assert.Single(Cat.Search(new() { ConId = new ConId(272093), Symbol = "msft" }));
        Assert.Single(Cat.Search(new() { Symbol = "AAPL", SecType = SecType.Stock, Exchange = "ISLAND" }));
    }

    [Fact]
    public void Option_search_by_expiry_strike_and_right()
    {
        var any = Cat.Search(new() { Symbol = "AAPL", SecType = SecType.Option }).First();
        var expiry = any.LastTradeDateOrContractMonth;
        var exact = Cat.Search(new() { Symbol = "AAPL", SecType = SecType.Option, Expiry = expiry, Strike = any.Strike, Right = any.Right });
        Assert.Equal(any, exact.Single());
        Assert.Equal(2, Cat.Search(new() { Symbol = "AAPL", SecType = SecType.Option, Expiry = expiry, Strike = any.Strike }).Count);
        Assert.Equal(any, Cat.Search(new() { LocalSymbol = any.LocalSymbol }).Single());
        Assert.Matches(@"^AAPL  \d{6}[CP]\d{8}$", any.LocalSymbol);
        var monthly = Cat.Search(new() { Symbol = "SPY", SecType = SecType.Option, Expiry = expiry[..6] });
        Assert.True(monthly.Count > 2);
        Assert.Equal(new ConId(265598), any.UnderlyingConId);
    }
}

public sealed class CatalogueLookupTests
{
    private static readonly InstrumentCatalogue Cat = InstrumentCatalogue.Build(new DateOnly(2026, 11, 20));

    [Fact]
    public void Market_rules_give_each_contracts_tick()
    {
        foreach (var c in Cat.All)
        {
            foreach (var id in c.MarketRuleIds.Split(',').Distinct())
            {
                Assert.Equal(c.MinTick, Cat.MarketRule(int.Parse(id, System.Globalization.CultureInfo.InvariantCulture))!.Single().Increment);
            }
        }
        Assert.Null(Cat.MarketRule(99999));
    }

    [Fact]
    public void Resolve_tells_unique_from_ambiguous_and_missing()
    {
        Assert.Equal(new ConId(265598), Cat.Resolve(new ContractQuery { Symbol = "AAPL", SecType = SecType.Stock, Exchange = "SMART", Currency = "USD" }).Contract!.ConId);
        var es = Cat.Resolve(new ContractQuery { Symbol = "ES", SecType = SecType.Future });
        Assert.True(es.IsAmbiguous);
        Assert.Null(es.Contract);
        var none = Cat.Resolve(new ContractQuery { Symbol = "NOPE" });
        Assert.False(none.IsUnique);
        Assert.False(none.IsAmbiguous);
    }

    [Fact]
    public void Matching_symbols_finds_by_prefix_and_name()
    {
        var a = Cat.MatchingSymbols("AA");
        Assert.Equal("AAPL", a[0].Symbol);
        Assert.Contains(Cat.MatchingSymbols("micro"), c => c.Symbol == "MSFT");
        Assert.Equal("ES", Cat.MatchingSymbols("ES").First(c => c.SecType == SecType.Future).Symbol);
        Assert.Empty(Cat.MatchingSymbols("ZZZZ"));
        Assert.True(Cat.MatchingSymbols("A").Count <= 16);
    }
}
