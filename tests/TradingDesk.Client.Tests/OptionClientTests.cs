using Grpc.Core;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The option and scanner calls of <see cref="DeskClient"/> against the scripted desk.</summary>
public sealed class OptionClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    private static readonly ContractSpec Underlying = Contract.Stock("AAPL") with { ConId = new ConId(265598) };

    [Fact]
    public async Task GetOptionParametersAsync_sends_the_underlying_and_keeps_each_strike_an_exact_decimal()
    {
        var script = new DeskScript();
        script.OptionParameters.Returns(new W.OptionParameters
        {
            Underlying = Underlying.ToWire(), LocalTime = At,
            Sets =
            {
                new W.OptionParameterSet
                {
                    Exchange = "CBOE", UnderlyingConId = 265598, TradingClass = "AAPL", Multiplier = "100",
                    Expirations = { "20261218", "20270115" }, Strikes = { "185.50", "190", "0.05" },
                },
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var set = Assert.Single(await desk.GetOptionParametersAsync(Underlying, futFopExchange: ""));

        Assert.Equal(("CBOE", new ConId(265598), "AAPL", "100"), (set.Exchange, set.UnderlyingConId, set.TradingClass, set.Multiplier));
        Assert.Equal(["20261218", "20270115"], set.Expirations);
        Assert.Equal([185.50m, 190m, 0.05m], set.Strikes);
        Assert.Equal("185.50", set.Strikes[0].ToString(System.Globalization.CultureInfo.InvariantCulture)); // the scale crossed
        var request = await script.OptionParameters.Seen.Task.WaitAsync(Bound);
        Assert.Equal(("AAPL", 265598), (request.Underlying.Symbol, request.Underlying.ConId));
    }

    [Fact]
    public async Task GetOptionChainAsync_sends_only_the_bounds_given_and_maps_every_option()
    {
        var script = new DeskScript();
        var put = Contract.Option("AAPL", "20261218", 190m, OptionRight.Put) with { ConId = new ConId(700001), TradingClass = "AAPL" };
        script.OptionChain.Returns(new W.OptionChain
        {
            Underlying = Underlying.ToWire(), RequestsUsed = 3, LocalTime = At,
            Options =
            {
                new W.ChainOption
                {
                    Contract = put.ToWire(), ConId = 700001, Expiry = "20261218", Strike = "190.0", Right = W.OptionRight.Put,
                    TradingClass = "AAPL", Multiplier = "100",
                },
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var chain = await desk.GetOptionChainAsync(Underlying, fromExpiry: "20261201", minStrike: 185.50m, right: OptionRight.Put, maxContracts: 40);

        Assert.Equal((265598, 3), (chain.Underlying.ConId!.Value.Value, chain.RequestsUsed));
        var option = Assert.Single(chain.Options);
        Assert.Equal((new ConId(700001), "20261218", 190.0m, OptionRight.Put, "AAPL", "100"),
            (option.ConId, option.Expiry, option.Strike, option.Right, option.TradingClass, option.Multiplier));
        Assert.Equal("190.0", option.Strike.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((SecType.Option, 190m, OptionRight.Put, new ConId(700001)), (option.Contract.SecType, option.Contract.Strike, option.Contract.Right, option.Contract.ConId));

        var filter = (await script.OptionChain.Seen.Task.WaitAsync(Bound)).Filter;
        Assert.Equal(("SMART", 12, 40), (filter.Exchange, filter.MaxExpirations, filter.MaxContracts));
        Assert.Equal(("20261201", "185.50", W.OptionRight.Put), (filter.FromExpiry, filter.MinStrike, filter.Right));
        // What the caller left open stays unset on the wire, not "" or 0.
        Assert.False(filter.HasToExpiry);
        Assert.False(filter.HasMaxStrike);
        Assert.False(filter.HasTradingClass);
    }

    [Fact]
    public async Task GetOptionChainAsync_sends_a_trading_class_when_one_is_given()
    {
        var script = new DeskScript();
        script.OptionChain.Returns(new W.OptionChain { Underlying = Underlying.ToWire(), LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var chain = await desk.GetOptionChainAsync(Underlying, tradingClass: "SPXW");

        Assert.Empty(chain.Options);
        Assert.Equal("SPXW", (await script.OptionChain.Seen.Task.WaitAsync(Bound)).Filter.TradingClass);
    }

    [Fact]
    public async Task A_chain_the_desk_refuses_is_an_InvalidRequestException_in_the_desks_words()
    {
        var script = new DeskScript();
        const string problem = "the chain holds 1840 options, more than max_contracts 500: narrow it with min_strike / max_strike or right";
        script.OptionChain.Fails(Rich.Invalid(problem));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => desk.GetOptionChainAsync(Underlying));

        Assert.Equal((StatusCode.InvalidArgument, DeskFailureKind.InvalidRequest, problem), (e.StatusCode, e.Kind, e.Detail));
        Assert.Equal(problem, e.Failure!.InvalidRequest.Problem);
    }

    [Fact]
    public async Task CalculateImpliedVolatilityAsync_sends_exact_prices_and_leaves_what_IB_did_not_compute_null()
    {
        var script = new DeskScript();
        script.ImpliedVolatility.Returns(new W.OptionCalculation
        {
            LocalTime = At,
            Greeks = new W.OptionGreeks { ImpliedVolatility = "0.2345", Delta = "-0.41", OptionPrice = "4.10", Gamma = "0.031", UnderlyingPrice = "187.25" },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        var option = Contract.Option("AAPL", "20261218", 190m, OptionRight.Put);

        var values = await desk.CalculateImpliedVolatilityAsync(option, optionPrice: 4.10m, underlyingPrice: 187.250m);

        Assert.Equal(new OptionValues(0.2345m, -0.41m, 4.10m, null, 0.031m, null, null, 187.25m), values);
        var request = await script.ImpliedVolatility.Seen.Task.WaitAsync(Bound);
        Assert.Equal(("4.10", "187.250", W.SecType.Option, "190"), (request.OptionPrice, request.UnderlyingPrice, request.Contract.SecType, request.Contract.Strike));
    }

    [Fact]
    public async Task CalculateOptionPriceAsync_maps_all_eight_values_and_a_reply_without_greeks_is_a_wire_error()
    {
        var script = new DeskScript();
        script.OptionPrice.Returns(new W.OptionCalculation
        {
            LocalTime = At,
            Greeks = new W.OptionGreeks
            {
                ImpliedVolatility = "0.25", Delta = "0.52", OptionPrice = "6.35", PvDividend = "0.24", Gamma = "0.028", Vega = "0.37",
                Theta = "-0.045", UnderlyingPrice = "190.00",
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        var call = Contract.Option("AAPL", "20261218", 190m, OptionRight.Call);

        var values = await desk.CalculateOptionPriceAsync(call, volatility: 0.25m, underlyingPrice: 190.00m);

        Assert.Equal(new OptionValues(0.25m, 0.52m, 6.35m, 0.24m, 0.028m, 0.37m, -0.045m, 190.00m), values);
        Assert.Equal(("0.25", "190.00"), ((await script.OptionPrice.Seen.Task.WaitAsync(Bound)).Volatility, (await script.OptionPrice.Seen.Task).UnderlyingPrice));

        script.OptionPrice.Returns(new W.OptionCalculation { LocalTime = At });
        var e = await Assert.ThrowsAsync<DeskWireException>(() => desk.CalculateOptionPriceAsync(call, 0.25m, 190m));
        Assert.Equal("CalculateOptionPrice", e.Call);
        Assert.Contains("greeks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExerciseOptionsAsync_sends_IBs_action_and_returns_how_long_the_gateway_stayed_quiet()
    {
        var script = new DeskScript();
        script.Exercise.Returns(new W.ExerciseSent
        {
            Action = W.ExerciseAction.Lapse, Quantity = 3, Account = "DU123456", QuietFor = TimeSpan.FromSeconds(2).Ticks, LocalTime = At,
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        var option = Contract.Option("AAPL", "20261218", 190m, OptionRight.Call);

        var sent = await desk.ExerciseOptionsAsync(option, ExerciseAction.Lapse, 3, new AccountId("DU123456"), overrideNatural: true);

        Assert.Equal(new ExerciseSent(ExerciseAction.Lapse, 3, new AccountId("DU123456"), TimeSpan.FromSeconds(2)), sent);
        var request = await script.Exercise.Seen.Task.WaitAsync(Bound);
        Assert.Equal((W.ExerciseAction.Lapse, 3, "DU123456", true), (request.Action, request.Quantity, request.Account, request.Override));
    }

    [Fact]
    public async Task ExerciseOptionsAsync_with_a_read_only_token_is_a_PermissionDeniedException_and_never_reaches_the_desk()
    {
        var script = new DeskScript();
        script.Exercise.Returns(new W.ExerciseSent { Action = W.ExerciseAction.Exercise, Quantity = 1, Account = "DU1", LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.ReadOnlyToken);
        var option = Contract.Option("AAPL", "20261218", 190m, OptionRight.Call);

        var e = await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.ExerciseOptionsAsync(option, ExerciseAction.Exercise, 1, new AccountId("DU1")));

        Assert.Equal((StatusCode.PermissionDenied, DeskFailureKind.PermissionDenied), (e.StatusCode, e.Kind));
        Assert.Contains("read-only", e.Detail, StringComparison.Ordinal);
        Assert.Equal(W.Failure.KindOneofCase.InvalidRequest, e.Failure!.KindCase);
        Assert.False(script.Exercise.Seen.Task.IsCompleted);
    }

    [Fact]
    public async Task A_calculation_that_outlives_the_call_timeout_is_a_TimedOutException_with_the_deadline_status()
    {
        var script = new DeskScript();
        script.ImpliedVolatility.Hangs();
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken, new DeskClientOptions { CallTimeout = TimeSpan.FromMilliseconds(300) });

        var e = await Assert.ThrowsAsync<TimedOutException>(() =>
            desk.CalculateImpliedVolatilityAsync(Contract.Option("AAPL", "20261218", 190m, OptionRight.Call), 4m, 187m).WaitAsync(Bound));

        Assert.Equal((StatusCode.DeadlineExceeded, DeskFailureKind.TimedOut), (e.StatusCode, e.Kind));
        Assert.Null(e.After); // the client's own deadline, not a time the desk reported
        Assert.True(script.ImpliedVolatility.Seen.Task.IsCompleted);
    }

    [Fact]
    public async Task GetScannerParametersAsync_returns_the_gateways_xml_as_sent()
    {
        var script = new DeskScript();
        const string xml = "<ScanParameterResponse><ScanTypeList><ScanType><scanCode>TOP_PERC_GAIN</scanCode></ScanType></ScanTypeList></ScanParameterResponse>";
        script.ScannerParameters.Returns(new W.ScannerParametersXml { Xml = xml, LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal(xml, await desk.GetScannerParametersAsync());
    }

    [Fact]
    public async Task Scanner_yields_whole_ranked_sets_and_notes_and_sends_the_filters_as_tags()
    {
        var script = new DeskScript();
        script.Scanner.Items.Add(ScanResults(("AMD", 4391), ("NVDA", 4815580)));
        script.Scanner.Items.Add(new W.ScannerEvent { Note = new W.StreamNote { Resubscribed = new W.Resubscribed { Reason = "gateway reconnected", At = At } } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<ScannerItem>();
        var filters = new Dictionary<string, string> { ["priceAbove"] = "5", ["volumeAbove"] = "100000" };
        await foreach (var item in desk.Scanner("TOP_PERC_GAIN", filters, rows: 2).WithCancellation(new CancellationTokenSource(Bound).Token))
        {
            items.Add(item);
            if (items.Count == 2) break;
        }

        var results = Assert.IsType<ScannerResults>(items[0]);
        Assert.Equal(DeskScript.At, results.LocalTime);
        Assert.Equal([(0, "AMD", 4391), (1, "NVDA", 4815580)], results.Rows.Select(r => (r.Rank, r.Contract.Symbol, r.ConId.Value)));
        var first = results.Rows[0];
        Assert.Equal(("NMS", "0.5", "bench", "proj", ""), (first.MarketName, first.Distance, first.Benchmark, first.Projection, first.Legs));
        Assert.Equal(new Resubscribed("gateway reconnected", DeskScript.At), Assert.IsType<ScannerNote>(items[1]).Note);

        var request = await script.Scanner.Requested.Task.WaitAsync(Bound);
        Assert.Equal(("TOP_PERC_GAIN", "STK", "STK.US.MAJOR", 2), (request.Subscription.ScanCode, request.Subscription.Instrument, request.Subscription.LocationCode, request.Subscription.Rows));
        Assert.Equal([("priceAbove", "5"), ("volumeAbove", "100000")], request.Filters.Select(f => (f.Tag, f.Value)));
        // Breaking out of the loop ended the subscription on the desk.
        await script.Scanner.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Disposing_the_scanners_enumerator_ends_the_call_on_the_server()
    {
        var script = new DeskScript();
        script.Scanner.Items.Add(ScanResults(("AMD", 4391)));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var enumerator = desk.Scanner("HOT_BY_VOLUME").GetAsyncEnumerator(new CancellationTokenSource(Bound).Token);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.IsType<ScannerResults>(enumerator.Current);
        Assert.False(script.Scanner.Cancelled.Task.IsCompleted);

        await enumerator.DisposeAsync();

        await script.Scanner.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task An_unknown_scan_code_fails_the_stream_with_an_InvalidRequestException_before_any_item()
    {
        var script = new DeskScript();
        script.Scanner.Refuse = r => Rich.Invalid($"scan code '{r.Subscription.ScanCode}' is not one of the gateway's scanner parameters");
        script.Scanner.Items.Add(ScanResults(("AMD", 4391)));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var seen = 0;
        var e = await Assert.ThrowsAsync<InvalidRequestException>(async () =>
        {
            await foreach (var _ in desk.Scanner("NO_SUCH_SCAN").WithCancellation(new CancellationTokenSource(Bound).Token)) seen++;
        });

        Assert.Equal(0, seen);
        Assert.Equal("scan code 'NO_SUCH_SCAN' is not one of the gateway's scanner parameters", e.Detail);
    }

    [Fact]
    public async Task An_option_computation_on_a_market_data_line_arrives_as_typed_greeks()
    {
        var script = new DeskScript();
        script.MarketData.Add(new W.MarketDataEvent
        {
            OptionComputation = new W.OptionComputation
            {
                Subscription = 1, Type = 13, PriceBased = false, LocalTime = At,
                Greeks = new W.OptionGreeks { ImpliedVolatility = "0.2512", Delta = "0.5010", Gamma = "0.0280", Vega = "0.3700", Theta = "-0.0450", OptionPrice = "6.35", UnderlyingPrice = "190.00" },
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        await foreach (var item in desk.MarketData(Contract.Option("AAPL", "20261218", 190m, OptionRight.Call)).WithCancellation(new CancellationTokenSource(Bound).Token))
        {
            var tick = Assert.IsType<OptionComputationTick>(item);
            Assert.Equal((TickType.ModelOptionComputation, false, DeskScript.At), (tick.Type, tick.PriceBased, tick.LocalTime));
            Assert.Equal(new OptionValues(0.2512m, 0.5010m, 6.35m, null, 0.0280m, 0.3700m, -0.0450m, 190.00m), tick.Values);
            break;
        }
    }

    private static W.ScannerEvent ScanResults(params (string Symbol, int ConId)[] rows)
    {
        var results = new W.ScannerResults { Subscription = 7, LocalTime = At };
        foreach (var (symbol, conId) in rows)
            results.Rows.Add(new W.ScannerRow
            {
                Rank = results.Rows.Count, Contract = (Contract.Stock(symbol) with { ConId = new ConId(conId) }).ToWire(), ConId = conId,
                MarketName = "NMS", Distance = "0.5", Benchmark = "bench", Projection = "proj", Legs = "",
            });
        return new W.ScannerEvent { Results = results };
    }
}
