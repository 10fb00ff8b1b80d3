using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using Xunit;
using static TradingDesk.Desk.Messages.OptionMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;
using static TradingDesk.Desk.Messages.ScannerMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The pure option and scanner plans, checks and chain planner: what goes on the wire, what comes back, what is refused.</summary>
public sealed class OptionPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
    private static readonly ContractSpec Xyz = Contract.Stock("XYZ") with { ConId = new ConId(42) };
    private static readonly ContractSpec Call = Contract.Stock("XYZ") with { SecType = SecType.Option, LastTradeDateOrContractMonth = "20270115", Strike = 100m, Right = OptionRight.Call };

    private static OptionParameters Parameters(params string[] expirations) => new(Xyz,
        [new OptionParameterSet("SMART", new ConId(42), "XYZ", "100", expirations, [90m, 100m, 110m]),
         new OptionParameterSet("CBOE", new ConId(42), "XYZ", "100", expirations, [100m])], Now);

    [Fact]
    public void Option_parameters_ask_by_conid_and_fold_until_their_end()
    {
        var plan = new OptionParametersPlan(new GetOptionParameters(Xyz));
        var request = Assert.IsType<SecDefOptParamsRequest>(plan.Build(1_000_000_001));
        Assert.Equal((1_000_000_001, "XYZ", "STK", 42, ""), (request.ReqId, request.UnderlyingSymbol, request.UnderlyingSecType, request.UnderlyingConId, request.FutFopExchange));
        Assert.IsType<Step.Continue>(plan.Accept(new SecDefOptParameter { Exchange = "SMART", TradingClass = "XYZ", Multiplier = "100", Expirations = { "20270219", "20270115" }, Strikes = { 105, 95.5, 95.5 } }, Now));
        var reply = Assert.IsType<OptionParameters>(Assert.IsType<Step.Complete>(plan.Accept(new SecDefOptParameterEnd { ReqId = 1 }, Now)).Reply);
        var set = Assert.Single(reply.Sets);
        Assert.Equal(["20270115", "20270219"], set.Expirations);
        Assert.Equal([95.5m, 105m], set.Strikes);
    }

    [Fact]
    public void Computations_map_tws_sentinels_and_unset_fields_to_null()
    {
        var c = OptionMapping.Computation(new TickOptionComputation { ReqId = 1, TickType = 83, TickAttrib = 1, ImpliedVol = -1, Delta = -2, OptPrice = 2.5, PvDividend = -1, Gamma = 0.01, Theta = -2 }, new SubscriptionId(7), Now);
        Assert.Equal((TickType)83, c.Type);
        Assert.True(c.PriceBased);
        Assert.Equal(new OptionGreeks(null, null, 2.5m, null, 0.01m, null, null, null), c.Greeks);
        // A negative theta that is not the sentinel stays a value.
        Assert.Equal(-0.05m, OptionMapping.Greeks(new TickOptionComputation { Theta = -0.05 }).Theta);
    }

    [Fact]
    public void The_calculators_cancel_when_done_or_abandoned_and_exercise_completes_on_silence()
    {
        var iv = new ImpliedVolatilityPlan(new CalculateImpliedVolatility(Call, 4.25m, 101m));
        var sent = Assert.IsType<CalculateImpliedVolatilityRequest>(iv.Build(5));
        Assert.Equal((5, 4.25, 101.0, 100.0), (sent.ReqId, sent.OptionPrice, sent.UnderPrice, sent.Contract.Strike));
        Assert.Equal(5, Assert.IsType<CancelCalculateImpliedVolatility>(iv.Cancel(5)).ReqId);
        Assert.True(iv.CancelAfterComplete && iv.CancelWhenRequesterStops);
        Assert.IsType<CancelCalculateOptionPrice>(new OptionPricePlan(new CalculateOptionPrice(Call, 0.2m, 101m)).Cancel(5));

        var exercise = new ExercisePlan(new ExerciseOptions(Call, ExerciseAction.Lapse, 3, new AccountId("DU1"), true));
        var request = Assert.IsType<ExerciseOptionsRequest>(exercise.Build(9));
        Assert.Equal((9, 2, 3, "DU1", true), (request.OrderId, request.ExerciseAction, request.ExerciseQuantity, request.Account, request.Override));
        Assert.False(exercise.SafeToRetry);
        Assert.Equal(TimeSpan.FromSeconds(3), exercise.Timeout(new RequestTimeouts()));
        Assert.Equal(TimeSpan.FromSeconds(1), exercise.Timeout(new RequestTimeouts { OneShot = TimeSpan.FromSeconds(1) }));
        Assert.IsType<ExerciseSent>(exercise.CompleteOnDeadline(TimeSpan.FromSeconds(3), Now));
        Assert.Null(iv.CompleteOnDeadline(TimeSpan.FromSeconds(3), Now));
    }

    [Fact]
    public void A_chain_costs_one_request_per_expiration_in_range_and_keeps_the_strikes_asked()
    {
        var filter = new OptionChainFilter { FromExpiry = "20270201", MinStrike = 95m, Right = OptionRight.Put };
        var plan = OptionChainPlanner.Select(Xyz, Parameters("20270115", "20270219", "20270319"), filter);
        Assert.Null(plan.Problem);
        Assert.Equal(["20270219", "20270319"], plan.Queries.Select(q => q.Expiry));
        var spec = plan.Queries[0].Request.Contract;
        Assert.Equal((SecType.Option, "SMART", "XYZ", "100", OptionRight.Put, (decimal?)null), (spec.SecType, spec.Exchange, spec.TradingClass, spec.Multiplier, spec.Right, spec.Strike));
        Assert.Equal(2, plan.Queries[0].ExpectedContracts); // 100 and 110, puts only

        ContractDetail Detail(decimal strike, OptionRight right, int conId) => new(
            Call with { Strike = strike, Right = right, LastTradeDateOrContractMonth = "20270219", TradingClass = "XYZ" }, new ConId(conId),
            "", null, "", "", "", "", "", "", "", null, 0, 0, "", "");
        var answer = new ContractDetailsList([Detail(90m, OptionRight.Put, 1), Detail(110m, OptionRight.Put, 3), Detail(100m, OptionRight.Call, 2), Detail(100m, OptionRight.Put, 4)], Now);
        var kept = OptionChainPlanner.Order(OptionChainPlanner.Keep(plan.Queries[0], answer, filter));
        Assert.Equal([(100m, 4), (110m, 3)], kept.Select(o => (o.Strike, o.ConId.Value)));
    }

    [Theory]
    [InlineData(2, 500, "needs 3 contract-details requests")]
    [InlineData(12, 10, "about 18 options")]
    public void A_chain_over_its_caps_is_refused_saying_how_to_narrow_it(int maxExpirations, int maxContracts, string expected)
    {
        var plan = OptionChainPlanner.Select(Xyz, Parameters("20270115", "20270219", "20270319"), new OptionChainFilter { MaxExpirations = maxExpirations, MaxContracts = maxContracts });
        Assert.Empty(plan.Queries);
        Assert.Contains(expected, plan.Problem);
    }

    [Fact]
    public void A_chain_on_an_exchange_without_options_names_the_exchanges_there_are()
    {
        var plan = OptionChainPlanner.Select(Xyz, Parameters("20270115"), new OptionChainFilter { Exchange = "ISE" });
        Assert.Contains("SMART/XYZ, CBOE/XYZ", plan.Problem);
    }

    [Fact]
    public void Checks_refuse_bad_input_in_the_users_words()
    {
        Assert.Contains("not an option", OptionChecks.Problem(new CalculateOptionPrice(Xyz, 0.2m, 100m)));
        Assert.Contains("fraction", OptionChecks.Problem(new CalculateOptionPrice(Call, 25m, 100m)));
        Assert.Contains("option price must be positive", OptionChecks.Problem(new CalculateImpliedVolatility(Call, 0m, 100m)));
        Assert.Contains("YYYYMMDD", OptionChecks.Problem(new GetOptionChain(Xyz, new OptionChainFilter { FromExpiry = "2027-01-15" })));
        Assert.Contains("is empty", OptionChecks.Problem(new GetOptionChain(Xyz, new OptionChainFilter { MinStrike = 110m, MaxStrike = 90m })));
        Assert.Contains("\\u0000", OptionChecks.Problem(new GetOptionChain(Xyz with { Symbol = "X\0Y" }, new OptionChainFilter())));
        Assert.Contains("given twice", OptionChecks.Problem(new SubscribeScanner(new ScannerSpec { ScanCode = "HOT_BY_VOLUME" }, [new("a", "1"), new("a", "2")])));
        Assert.Contains("rows must be 1 to 50", OptionChecks.Problem(new SubscribeScanner(new ScannerSpec { ScanCode = "HOT_BY_VOLUME", Rows = 51 }, [])));
        Assert.Null(OptionChecks.Problem(new SubscribeScanner(new ScannerSpec { ScanCode = "HOT_BY_VOLUME" }, [new("priceAbove", "5")])));
        Assert.Null(OptionChecks.Problem(new CalculateImpliedVolatility(Call, 4m, 100m)));
    }

    [Fact]
    public void Scanner_streams_send_the_filters_and_map_whole_ranked_result_sets()
    {
        var command = new SubscribeScanner(new ScannerSpec { ScanCode = "TOP_PERC_GAIN", Rows = 5, AbovePrice = 2.5m }, [new("marketCapAbove1e6", "10")]);
        var stream = new ScannerStream(command);
        var request = Assert.IsType<ScannerSubscriptionRequest>(stream.Build(3)).ScannerSubscription;
        Assert.Equal(("TOP_PERC_GAIN", 5, 2.5, "10"), (request.ScanCode, request.NumberOfRows, request.AbovePrice, request.ScannerSubscriptionFilterOptions["marketCapAbove1e6"]));
        Assert.False(request.HasBelowPrice);
        Assert.Equal(3, Assert.IsType<CancelScannerSubscription>(stream.Cancel(3)).ReqId);
        var results = Assert.IsType<ScannerResults>(stream.Map(new ScannerData
        {
            ReqId = 3,
            ScannerDataElement = { new ScannerDataElement { Rank = 1, Contract = new IBApi.protobuf.Contract { ConId = 8, Symbol = "B", SecType = "STK" } }, new ScannerDataElement { Rank = 0, Contract = new IBApi.protobuf.Contract { ConId = 9, Symbol = "A", SecType = "STK" }, ComboKey = "legs" } },
        }, new SubscriptionId(4), Now));
        Assert.Equal([(0, "A", 9, "legs"), (1, "B", 8, "")], results.Rows.Select(r => (r.Rank, r.Contract.Symbol, r.ConId.Value, r.Legs)));
        Assert.Equal(OptionMapping.ScannerKey(command), OptionMapping.ScannerKey(command with { Filters = [new("marketCapAbove1e6", "10")] }));
        Assert.NotEqual(OptionMapping.ScannerKey(command), OptionMapping.ScannerKey(command with { Filters = [new("marketCapAbove1e6", "11")] }));
    }
}
