using System.Text.Json;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The Node.js research sample (samples/clients/node/research.js) against the scripted desk.</summary>
public sealed class NodeResearchTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    [Fact]
    public async Task The_node_research_prints_the_chain_with_model_greeks_the_scans_first_rows_and_the_headlines_and_exits_0()
    {
        var script = Scripted();
        await using var server = await TestDeskServer.StartAsync(script);

        var run = await NodeRunner.RunResearchAsync(Env(server, DeskScript.ReadOnlyToken), Bound, "AAPL", "HOT_BY_VOLUME");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}: {run.Stderr}\n{run.Stdout}");
        Assert.Equal("", run.Stderr);
        var lines = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["underlying", "option", "option", "option", "scan_row", "scan_row", "headline", "headline", "done"], lines.Select(l => l.GetProperty("kind").GetString()));
        Assert.Equal(265598, lines[0].GetProperty("con_id").GetInt32());

        // Decimals stay the desk's text; a greek IB did not compute is absent, an option without model greeks has null.
        var call = lines[1];
        Assert.Equal((700001, "20261218", "190.0", "OPTION_RIGHT_CALL"), (call.GetProperty("con_id").GetInt32(), call.GetProperty("expiry").GetString(), call.GetProperty("strike").GetString(), call.GetProperty("right").GetString()));
        var greeks = call.GetProperty("greeks");
        Assert.Equal(("0.2512", "0.5010", "-0.0450", "190.00"), (greeks.GetProperty("implied_volatility").GetString(), greeks.GetProperty("delta").GetString(), greeks.GetProperty("theta").GetString(), greeks.GetProperty("underlying_price").GetString()));
        Assert.False(greeks.TryGetProperty("pv_dividend", out _));
        Assert.Equal("-0.4990", lines[2].GetProperty("greeks").GetProperty("delta").GetString());
        Assert.Equal(JsonValueKind.Null, lines[3].GetProperty("greeks").ValueKind); // only a bid computation came: not the model's

        Assert.Equal([(0, "AMD", 4391), (1, "NVDA", 4815580)], lines.Where(l => l.GetProperty("kind").GetString() == "scan_row")
            .Select(l => (l.GetProperty("rank").GetInt32(), l.GetProperty("symbol").GetString(), l.GetProperty("con_id").GetInt32())));
        var headline = lines[6];
        Assert.Equal(("BRFG", "BRFG$1", "Apple rallies", "2026-12-03T14:30:00.000Z"),
            (headline.GetProperty("provider_code").GetString(), headline.GetProperty("article_id").GetString(), headline.GetProperty("text").GetString(), headline.GetProperty("time").GetString()));
        Assert.Equal(JsonValueKind.Null, lines[7].GetProperty("time").ValueKind);
        var done = lines[^1];
        Assert.Equal((3, 2, 2, 2), (done.GetProperty("options").GetInt32(), done.GetProperty("with_greeks").GetInt32(), done.GetProperty("rows").GetInt32(), done.GetProperty("headlines").GetInt32()));

        // What the desk was asked, and that every line and the scanner were ended.
        var filter = (await script.OptionChain.Seen.Task.WaitAsync(Bound)).Filter;
        Assert.Equal(("20261218", "20261218", "185.5", false), (filter.FromExpiry, filter.ToExpiry, filter.MinStrike, filter.HasMaxStrike));
        Assert.Equal(265598, (await script.OptionChain.Seen.Task).Underlying.ConId);
        var scan = await script.Scanner.Requested.Task.WaitAsync(Bound);
        Assert.Equal(("HOT_BY_VOLUME", 2), (scan.Subscription.ScanCode, scan.Subscription.Rows));
        await script.Scanner.Cancelled.Task.WaitAsync(Bound);
        var ended = new HashSet<int>();
        for (var i = 0; i < 3; i++) ended.Add((await script.MarketDataEnded.Reader.ReadAsync().AsTask().WaitAsync(Bound)).Contract.ConId);
        Assert.Equal([700001, 700002, 700003], ended.Order());
        var news = await script.HistoricalNews.Seen.Task.WaitAsync(Bound);
        Assert.Equal((265598, 2), (news.ConId, news.TotalResults));
        Assert.Equal(["BRFG", "DJNL"], news.ProviderCodes);
        Assert.All(script.Authorizations, a => Assert.Equal("Bearer " + DeskScript.ReadOnlyToken, a));
    }

    [Fact]
    public async Task The_node_research_exits_1_with_one_line_when_the_token_is_refused()
    {
        await using var server = await TestDeskServer.StartAsync(Scripted());

        var run = await NodeRunner.RunResearchAsync(Env(server, "wrong-token"), Bound, "AAPL");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("research: GetContractDetails failed: UNAUTHENTICATED: unknown token", line);
    }

    [Fact]
    public async Task A_scan_code_the_desk_does_not_know_exits_1_with_the_desks_failure_in_one_line_and_asks_for_no_news()
    {
        var script = Scripted();
        script.OptionChain.Returns(new W.OptionChain { Underlying = Underlying.ToWire(), LocalTime = At });
        script.Scanner.Refuse = r => Rich.Invalid($"scan code '{r.Subscription.ScanCode}' is not one of the gateway's scanner parameters");
        await using var server = await TestDeskServer.StartAsync(script);

        var run = await NodeRunner.RunResearchAsync(Env(server, DeskScript.GoodToken), Bound, "AAPL", "NO_SUCH_SCAN");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("research: StreamScanner failed: INVALID_ARGUMENT: scan code 'NO_SUCH_SCAN' is not one of the gateway's scanner parameters "
            + "(invalid_request: scan code 'NO_SUCH_SCAN' is not one of the gateway's scanner parameters)", line);
        Assert.DoesNotContain("\"kind\":\"done\"", run.Stdout, StringComparison.Ordinal);
        Assert.False(script.HistoricalNews.Seen.Task.IsCompleted);
    }

    [Theory]
    [InlineData("top_perc_gain", null, "'top_perc_gain' is not a scan code")]
    [InlineData("TOP_PERC_GAIN", "TRADINGDESK_ROWS=0", "TRADINGDESK_ROWS must be a whole number from 1 to 50, got '0'")]
    [InlineData("TOP_PERC_GAIN", "TRADINGDESK_MIN_STRIKE=1,5", "TRADINGDESK_MIN_STRIKE must be a decimal like 185.5, got '1,5'")]
    public async Task Bad_settings_exit_2_with_one_line_before_anything_is_sent(string scanCode, string? setting, string expected)
    {
        await using var server = await TestDeskServer.StartAsync(Scripted());
        var env = Env(server, DeskScript.GoodToken);
        if (setting is not null) env[setting.Split('=')[0]] = setting.Split('=')[1];

        var run = await NodeRunner.RunResearchAsync(env, Bound, "AAPL", scanCode);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("research: " + expected, line, StringComparison.Ordinal);
        Assert.Empty(server.Script.Authorizations);
        Assert.Equal("", run.Stdout);
    }

    private static readonly ContractSpec Underlying = Contract.Stock("AAPL") with { ConId = new ConId(265598) };

    // A desk with one answer for each call research.js makes: AAPL, a three-option chain, a scan, two providers' news.
    private static DeskScript Scripted()
    {
        var script = new DeskScript();
        script.ContractDetails.Returns(new W.ContractDetailsList
        {
            LocalTime = At, Details = { new W.ContractDetail { Contract = Underlying.ToWire(), ConId = 265598, LongName = "APPLE INC" } },
        });
        var chain = new W.OptionChain { Underlying = Underlying.ToWire(), RequestsUsed = 1, LocalTime = At };
        foreach (var (conId, right) in new[] { (700001, OptionRight.Call), (700002, OptionRight.Put), (700003, OptionRight.Call) })
        {
            var contract = Contract.Option("AAPL", "20261218", 190m, right) with { ConId = new ConId(conId), TradingClass = "AAPL" };
            chain.Options.Add(new W.ChainOption
            {
                Contract = contract.ToWire(), ConId = conId, Expiry = "20261218", Strike = "190.0", Right = right.ToWire(), TradingClass = "AAPL", Multiplier = "100",
            });
        }
        script.OptionChain.Returns(chain);
        script.MarketDataFor = request => request.Contract.ConId switch
        {
            700001 => [Computation(13, new W.OptionGreeks { ImpliedVolatility = "0.2512", Delta = "0.5010", Gamma = "0.0280", Vega = "0.3700", Theta = "-0.0450", OptionPrice = "6.35", UnderlyingPrice = "190.00" })],
            700002 => [DeskScript.Tick(1, price: "5.10"), Computation(13, new W.OptionGreeks { ImpliedVolatility = "0.2498", Delta = "-0.4990", UnderlyingPrice = "190.00" })],
            _ => [Computation(10, new W.OptionGreeks { ImpliedVolatility = "0.30", Delta = "0.51" })],
        };
        var results = new W.ScannerResults { Subscription = 9, LocalTime = At };
        foreach (var (symbol, conId) in new[] { ("AMD", 4391), ("NVDA", 4815580), ("TSLA", 76792991) })
            results.Rows.Add(new W.ScannerRow { Rank = results.Rows.Count, Contract = (Contract.Stock(symbol) with { ConId = new ConId(conId) }).ToWire(), ConId = conId, MarketName = "NMS" });
        script.Scanner.Items.Add(new W.ScannerEvent { Results = results });
        script.NewsProviders.Returns(new W.NewsProvidersList { LocalTime = At, Providers = { new W.NewsProvider { Code = "BRFG", Name = "Briefing" }, new W.NewsProvider { Code = "DJNL", Name = "Dow Jones" } } });
        script.HistoricalNews.Returns(new W.HistoricalNewsList
        {
            LocalTime = At,
            Headlines =
            {
                new W.Headline { TimeText = "2026-12-03 14:30:00.0", Time = At, ProviderCode = "BRFG", ArticleId = "BRFG$1", Text = "Apple rallies" },
                new W.Headline { TimeText = "sometime", ProviderCode = "DJNL", ArticleId = "DJNL$2", Text = "Apple slips" },
            },
        });
        return script;
    }

    private static W.MarketDataEvent Computation(int type, W.OptionGreeks greeks) =>
        new() { OptionComputation = new W.OptionComputation { Subscription = 1, Type = type, Greeks = greeks, LocalTime = At } };

    private static Dictionary<string, string> Env(TestDeskServer server, string token) => new()
    {
        ["TRADINGDESK_URL"] = server.Address,
        ["TRADINGDESK_TOKEN"] = token,
        ["TRADINGDESK_TIMEOUT_SECONDS"] = "30",
        // The third option's line never sends model greeks: the sample waits this long for it, then prints it without.
        ["TRADINGDESK_GREEKS_SECONDS"] = "1",
        ["TRADINGDESK_OPTIONS"] = "3",
        ["TRADINGDESK_ROWS"] = "2",
        ["TRADINGDESK_HEADLINES"] = "2",
        ["TRADINGDESK_EXPIRY"] = "20261218",
        ["TRADINGDESK_MIN_STRIKE"] = "185.5",
    };
}
