using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>
/// reqSecDefOptParams, the option calculators, exerciseOptions and the option ticks of a market-data line.
/// </summary>
public sealed class OptionsTests
{
    /// <summary>
    /// Versions either side of the gates: 176 and 200 all text; 206 protobuf ticks (market-data gate) with text
    /// calculators and chain; 210 adds protobuf news, scanners and fundamentals; 213 and 225 all protobuf (the
    /// calculators switch at 211, the chain at 212). The other families' tests use the same set.
    /// </summary>
    public static TheoryData<int> TextAndProtobuf => new() { 176, 200, 206, 210, 213, 225 };

    // The manual clock starts on Tuesday 2026-03-10: the 17 April monthly is listed, AAPL strikes run 180–280.
    internal static Contract AaplCall(double strike, string expiry = "20260417", string right = "C") => new()
    {
        Symbol = "AAPL", SecType = "OPT", LastTradeDateOrContractMonth = expiry, Strike = strike, Right = right,
        Exchange = "SMART", Currency = "USD",
    };

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task The_option_chain_is_one_message_per_exchange_then_the_end(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new SecDefOptParamsRequest { ReqId = 5, UnderlyingSymbol = "AAPL", FutFopExchange = "", UnderlyingSecType = "STK", UnderlyingConId = SimHarness.AaplConId });
        var chain = new List<SecDefOptParameter>();
        while ((await client.NextAsync()).Message is var m && m is not SecDefOptParameterEnd)
            if (m is SecDefOptParameter p) chain.Add(p);
        Assert.Equal(19, chain.Count);
        Assert.Equal("SMART", chain[0].Exchange);
        Assert.All(chain, p => Assert.Equal((5, SimHarness.AaplConId, "AAPL", "100"), (p.ReqId, p.UnderlyingConId, p.TradingClass, p.Multiplier)));
        var first = chain[0];
        Assert.Equal(6, first.Expirations.Count);
        Assert.Equal(first.Expirations.Order(StringComparer.Ordinal), first.Expirations);
        Assert.Contains("20260417", first.Expirations);
        Assert.Equal(21, first.Strikes.Count);
        Assert.Equal((180.0, 280.0), (first.Strikes[0], first.Strikes[^1]));

        await client.SendAsync(new SecDefOptParamsRequest { ReqId = 6, UnderlyingSymbol = "AAPL", FutFopExchange = "CBOE", UnderlyingSecType = "STK", UnderlyingConId = SimHarness.AaplConId });
        Assert.Equal("CBOE", (await client.ExpectAsync<SecDefOptParameter>(p => p.ReqId == 6)).Exchange);
        var next = (await client.NextAsync()).Message;
        Assert.Equal(6, Assert.IsType<SecDefOptParameterEnd>(next).ReqId);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task A_stock_without_options_gets_only_the_end_and_an_unknown_underlying_200(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new SecDefOptParamsRequest { ReqId = 7, UnderlyingSymbol = "MSFT", FutFopExchange = "", UnderlyingSecType = "STK", UnderlyingConId = 272093 });
        Assert.Equal(7, Assert.IsType<SecDefOptParameterEnd>((await client.NextAsync()).Message).ReqId);
        await client.SendAsync(new SecDefOptParamsRequest { ReqId = 8, UnderlyingSymbol = "NOPE", FutFopExchange = "", UnderlyingSecType = "STK", UnderlyingConId = 0 });
        Assert.Equal(200, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 8)).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Option_price_and_implied_volatility_invert_each_other(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new CalculateOptionPriceRequest { ReqId = 11, Contract = AaplCall(230), Volatility = 0.3, UnderPrice = 228 });
        var priced = await client.ExpectAsync<TickOptionComputation>(t => t.ReqId == 11);
        Assert.Equal(53, priced.TickType);
        Assert.Equal((0.3, 228.0), (priced.ImpliedVol, priced.UndPrice));
        Assert.InRange(priced.OptPrice, 8, 20);
        Assert.InRange(priced.Delta, 0.4, 0.65);
        Assert.True(priced.Gamma > 0 && priced.Vega > 0 && priced.Theta < 0, "long call greeks");

        await client.SendAsync(new CalculateImpliedVolatilityRequest { ReqId = 12, Contract = AaplCall(230), OptionPrice = priced.OptPrice, UnderPrice = 228 });
        var implied = await client.ExpectAsync<TickOptionComputation>(t => t.ReqId == 12);
        Assert.Equal(53, implied.TickType);
        Assert.Equal(0.3, implied.ImpliedVol, 4);
        Assert.Equal(priced.Delta, implied.Delta, 4);

        // Both stay live until cancelled: the id is taken (102), and free again after the cancel.
        await client.SendAsync(new CalculateOptionPriceRequest { ReqId = 11, Contract = AaplCall(230), Volatility = 0.3, UnderPrice = 228 });
        Assert.Equal(102, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 11)).ErrorCode);
        await client.SendAsync(new CancelCalculateOptionPrice { ReqId = 11 });
        await client.SendAsync(new CancelCalculateImpliedVolatility { ReqId = 12 });
        await client.SendAsync(new CalculateOptionPriceRequest { ReqId = 11, Contract = AaplCall(230, right: "P"), Volatility = 0.3, UnderPrice = 228 });
        var put = await client.ExpectAsync<TickOptionComputation>(t => t.ReqId == 11);
        Assert.InRange(put.Delta, -0.6, -0.35);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Calculators_refuse_a_stock_an_unknown_option_and_a_price_below_intrinsic(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new CalculateImpliedVolatilityRequest { ReqId = 21, Contract = SimHarness.Aapl, OptionPrice = 5, UnderPrice = 228 });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 21)).ErrorCode);
        await client.SendAsync(new CalculateOptionPriceRequest { ReqId = 22, Contract = AaplCall(233), Volatility = 0.3, UnderPrice = 228 });
        Assert.Equal(200, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 22)).ErrorCode);
        await client.SendAsync(new CalculateOptionPriceRequest { ReqId = 23, Contract = AaplCall(230), Volatility = 0, UnderPrice = 228 });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 23)).ErrorCode);
        // A call worth less than its intrinsic value has no implied volatility: TWS's "not computed" values.
        await client.SendAsync(new CalculateImpliedVolatilityRequest { ReqId = 24, Contract = AaplCall(200), OptionPrice = 1, UnderPrice = 228 });
        var none = await client.ExpectAsync<TickOptionComputation>(t => t.ReqId == 24);
        Assert.Equal((-1.0, -2.0), (none.ImpliedVol, none.Delta));
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task An_option_line_sends_bid_ask_last_and_model_computations_consistent_with_its_quotes(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 31, Contract = AaplCall(230), GenericTickList = "", Snapshot = false });
        var prices = new Dictionary<int, double>();
        var computations = new Dictionary<int, TickOptionComputation>();
        while (computations.Count < 4)
        {
            var m = (await client.NextAsync()).Message;
            if (m is TickPrice p) prices[p.TickType] = p.Price;
            if (m is TickOptionComputation c) computations[c.TickType] = c;
        }
        Assert.Equal(new[] { 10, 11, 12, 13 }, computations.Keys.Order());
        Assert.Equal(prices[1], computations[10].OptPrice, 6);
        Assert.Equal(prices[2], computations[11].OptPrice, 6);
        // The model price is the unrounded mid the quote is built around: within a tick of the spread.
        Assert.InRange(computations[13].OptPrice, prices[1] - 0.01, prices[2] + 0.01);
        Assert.True(computations[10].ImpliedVol < computations[11].ImpliedVol, "bid IV below ask IV");
        Assert.InRange(computations[13].ImpliedVol, computations[10].ImpliedVol - 0.01, computations[11].ImpliedVol + 0.01);
        Assert.InRange(computations[13].Delta, 0.2, 0.9);
        Assert.Equal(computations[10].UndPrice, computations[13].UndPrice);

        // The underlying moves every second: a new model computation follows.
        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(TimeSpan.FromSeconds(5));
        var moved = await client.ExpectAsync<TickOptionComputation>(c => c.ReqId == 31 && c.TickType == 13);
        Assert.NotEqual(computations[13].UndPrice, moved.UndPrice);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Delayed_option_lines_use_tick_types_80_to_83(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataTypeRequest { MarketDataType = 3 });
        await client.SendAsync(new MarketDataRequest { ReqId = 32, Contract = AaplCall(240), GenericTickList = "", Snapshot = true });
        var types = new HashSet<int>();
        while ((await client.NextAsync()).Message is var m && m is not TickSnapshotEnd)
            if (m is TickOptionComputation c) types.Add(c.TickType);
        Assert.Equal(new[] { 80, 81, 82, 83 }, types.Order());
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task A_stock_line_asking_for_104_and_106_gets_its_historical_and_implied_volatility(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketDataRequest { ReqId = 33, Contract = SimHarness.Aapl, GenericTickList = "104,106", Snapshot = true });
        var generic = new Dictionary<int, double>();
        while ((await client.NextAsync()).Message is var m && m is not TickSnapshotEnd)
            if (m is TickGeneric g) generic[g.TickType] = g.Value;
        Assert.Equal(new[] { 23, 24 }, generic.Keys.Order());
        Assert.Equal(0.25, generic[23], 9);
        Assert.True(generic[24] > generic[23], "the surface's 30-day at-the-money vol carries the term premium");
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Exercising_a_long_call_delivers_the_shares_at_the_strike(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var (client, next) = await sim.ConnectAsync(1);
        var call = AaplCall(200);
        await client.SendAsync(new PlaceOrderRequest
        {
            OrderId = next, Contract = call,
            Order = new Order { Action = "BUY", TotalQuantity = "2", OrderType = "MKT", Tif = "DAY", Transmit = true },
        });
        await client.ExpectAsync<OrderStatus>(s => s.OrderId == next && s.Status == "Filled");
        var cashBefore = await CashAsync(sim);
        await client.SendAsync(new PositionsRequest());
        await client.ExpectAsync<PositionEnd>();

        await client.SendAsync(new ExerciseOptionsRequest { OrderId = 41, Contract = call, ExerciseAction = 1, ExerciseQuantity = 1, Account = "DU111111", Override = false });
        var option = await client.ExpectAsync<Position>(p => p.Contract.SecType == "OPT");
        Assert.Equal("1", option.Position_);
        var stock = await client.ExpectAsync<Position>(p => p.Contract.SecType == "STK");
        Assert.Equal(("AAPL", "100", 200.0), (stock.Contract.Symbol, stock.Position_, stock.AvgCost));
        Assert.Equal(cashBefore - 20_000m, await CashAsync(sim));

        // Letting an in-the-money call lapse needs override; with it, the last contract goes.
        await client.SendAsync(new ExerciseOptionsRequest { OrderId = 42, Contract = call, ExerciseAction = 2, ExerciseQuantity = 1, Account = "DU111111", Override = false });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 42)).ErrorCode);
        await client.SendAsync(new ExerciseOptionsRequest { OrderId = 43, Contract = call, ExerciseAction = 2, ExerciseQuantity = 1, Account = "DU111111", Override = true });
        Assert.Equal("0", (await client.ExpectAsync<Position>(p => p.Contract.SecType == "OPT")).Position_);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Exercise_refuses_a_stock_an_unknown_account_and_more_than_is_held(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new ExerciseOptionsRequest { OrderId = 51, Contract = SimHarness.Aapl, ExerciseAction = 1, ExerciseQuantity = 1, Account = "DU111111" });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 51)).ErrorCode);
        await client.SendAsync(new ExerciseOptionsRequest { OrderId = 52, Contract = AaplCall(200), ExerciseAction = 1, ExerciseQuantity = 1, Account = "DU999999" });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 52)).ErrorCode);
        await client.SendAsync(new ExerciseOptionsRequest { OrderId = 53, Contract = AaplCall(200), ExerciseAction = 1, ExerciseQuantity = 1, Account = "DU111111" });
        var none = await client.ExpectAsync<ErrorMessage>(e => e.Id == 53);
        Assert.Equal(321, none.ErrorCode);
        Assert.Contains("holds 0", none.ErrorMsg);
        await client.SendAsync(new ExerciseOptionsRequest { OrderId = 54, Contract = AaplCall(200), ExerciseAction = 3, ExerciseQuantity = 1, Account = "DU111111" });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 54)).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task No_option_scanner_news_or_fundamentals_request_is_answered_as_not_supported(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        IMessage[] requests =
        [
            new SecDefOptParamsRequest { ReqId = 61, UnderlyingSymbol = "SPY", FutFopExchange = "", UnderlyingSecType = "STK", UnderlyingConId = 756733 },
            new CalculateImpliedVolatilityRequest { ReqId = 62, Contract = AaplCall(230), OptionPrice = 10, UnderPrice = 230 },
            new CancelCalculateImpliedVolatility { ReqId = 62 },
            new CalculateOptionPriceRequest { ReqId = 63, Contract = AaplCall(230), Volatility = 0.3, UnderPrice = 230 },
            new CancelCalculateOptionPrice { ReqId = 63 },
            new ExerciseOptionsRequest { OrderId = 64, Contract = AaplCall(230), ExerciseAction = 1, ExerciseQuantity = 1, Account = "DU111111" },
            new ScannerParametersRequest(),
            new ScannerSubscriptionRequest { ReqId = 65, ScannerSubscription = new ScannerSubscription { ScanCode = "MOST_ACTIVE", Instrument = "STK", LocationCode = "STK.US.MAJOR", NumberOfRows = 5 } },
            new CancelScannerSubscription { ReqId = 65 },
            new NewsProvidersRequest(),
            new HistoricalNewsRequest { ReqId = 66, ConId = SimHarness.AaplConId, ProviderCodes = "BRFG", TotalResults = 2 },
            new NewsArticleRequest { ReqId = 67, ProviderCode = "BRFG", ArticleId = "BRFG$0" },
            new NewsBulletinsRequest { AllMessages = true }, new CancelNewsBulletins(),
            new FundamentalsDataRequest { ReqId = 68, Contract = SimHarness.Aapl, ReportType = "ReportsFinSummary" },
            new CancelFundamentalsData { ReqId = 68 },
        ];
        foreach (var request in requests) await client.SendAsync(request);
        // Requests are handled in order: everything they answer arrives before currentTime.
        await client.SendAsync(new CurrentTimeRequest());
        var seen = new List<IMessage?>();
        for (var next = await client.NextAsync(); next.Message is not CurrentTime; next = await client.NextAsync())
        {
            seen.Add(next.Message);
            if (next.Message is ErrorMessage e) Assert.DoesNotContain("not supported by the simulator", e.ErrorMsg);
        }
        Assert.Contains(seen, m => m is SecDefOptParameterEnd { ReqId: 61 });
        Assert.Equal(2, seen.Count(m => m is TickOptionComputation { TickType: 53 }));
        Assert.Contains(seen, m => m is ErrorMessage { Id: 64, ErrorCode: 321 });
        Assert.Contains(seen, m => m is ScannerParameters);
        Assert.Contains(seen, m => m is ScannerData { ReqId: 65 });
        Assert.Contains(seen, m => m is NewsProviders);
        Assert.Contains(seen, m => m is HistoricalNewsEnd { ReqId: 66 });
        Assert.Contains(seen, m => m is ErrorMessage { Id: 67, ErrorCode: 10172 });
        Assert.Contains(seen, m => m is NewsBulletin);
        Assert.Contains(seen, m => m is FundamentalsData { ReqId: 68 });
    }

    private static Task<decimal> CashAsync(SimHarness sim) =>
        sim.Simulator.InvokeAsync(m => m.State.Accounts[new TradingDesk.Simulator.Accounts.AccountId("DU111111")].Cash);
}
