using Grpc.Core;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The session, reference, display group and FA calls of <see cref="DeskClient"/> against the scripted desk.</summary>
public sealed class SessionClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    [Fact]
    public async Task GetMatchingSymbolsAsync_maps_contract_conId_and_derivative_types_in_the_gateways_order()
    {
        var script = new DeskScript();
        script.MatchingSymbols.Returns(new W.MatchingSymbols
        {
            LocalTime = At,
            Matches =
            {
                new W.SymbolMatch { Contract = (Contract.Stock("AAPL", primaryExchange: "NASDAQ") with { ConId = new ConId(265598) }).ToWire(), ConId = 265598, DerivativeSecTypes = { "OPT", "WAR" } },
                new W.SymbolMatch { Contract = Contract.Stock("AAPL", currency: "MXN").ToWire(), ConId = 38708077 },
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var matches = await desk.GetMatchingSymbolsAsync("AAP");

        Assert.Equal(2, matches.Count);
        Assert.Equal(("AAPL", "NASDAQ", new ConId(265598)), (matches[0].Contract.Symbol, matches[0].Contract.PrimaryExchange, matches[0].ConId));
        Assert.Equal(["OPT", "WAR"], matches[0].DerivativeSecTypes);
        Assert.Equal(("MXN", new ConId(38708077)), (matches[1].Contract.Currency, matches[1].ConId));
        Assert.Empty(matches[1].DerivativeSecTypes);
        Assert.Null(matches[1].Contract.PrimaryExchange);
        Assert.Equal("AAP", (await script.MatchingSymbols.Seen.Task.WaitAsync(Bound)).Pattern);
    }

    [Fact]
    public async Task GetMarketRuleAsync_keeps_edges_and_increments_exact()
    {
        var script = new DeskScript();
        script.MarketRule.Returns(new W.MarketRule
        {
            RuleId = 26, LocalTime = At, Increments = { new W.PriceIncrement { LowEdge = "0", Increment = "0.01" }, new W.PriceIncrement { LowEdge = "1000.00", Increment = "0.05" } },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var rule = await desk.GetMarketRuleAsync(26);

        Assert.Equal([new PriceIncrement(0m, 0.01m), new PriceIncrement(1000.00m, 0.05m)], rule);
        Assert.Equal("1000.00", rule[1].LowEdge.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(26, (await script.MarketRule.Seen.Task.WaitAsync(Bound)).RuleId);
    }

    [Fact]
    public async Task A_rule_the_desk_refuses_is_an_InvalidRequestException()
    {
        var script = new DeskScript();
        script.MarketRule.Fails(Rich.Invalid("rule_id must be positive, got -3"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => desk.GetMarketRuleAsync(-3));

        Assert.Equal((StatusCode.InvalidArgument, "rule_id must be positive, got -3"), (e.StatusCode, e.Detail));
    }

    [Fact]
    public async Task GetSmartComponentsAsync_GetSoftDollarTiersAsync_and_GetFamilyCodesAsync_map_every_field()
    {
        var script = new DeskScript();
        script.SmartComponents.Returns(new W.SmartComponents { LocalTime = At, Components = { new W.SmartComponent { BitNumber = 4, Exchange = "ARCA", ExchangeLetter = "P" } } });
        script.SoftDollarTiers.Returns(new W.SoftDollarTiers { LocalTime = At, Tiers = { new W.SoftDollarTier { Name = "Tier1", Value = "0.5", DisplayName = "Tier one" } } });
        script.FamilyCodes.Returns(new W.FamilyCodes { LocalTime = At, Codes = { new W.FamilyCode { Account = "DU123456", Code = "F7" } } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal(new SmartComponent(4, "ARCA", "P"), Assert.Single(await desk.GetSmartComponentsAsync("a6")));
        Assert.Equal("a6", (await script.SmartComponents.Seen.Task.WaitAsync(Bound)).BboExchange);
        Assert.Equal(new SoftDollarTier("Tier1", "0.5", "Tier one"), Assert.Single(await desk.GetSoftDollarTiersAsync()));
        Assert.Equal(new FamilyCode(new AccountId("DU123456"), "F7"), Assert.Single(await desk.GetFamilyCodesAsync()));
    }

    [Fact]
    public async Task GetDepthExchangesAsync_leaves_an_aggregation_group_the_gateway_did_not_send_null()
    {
        var script = new DeskScript();
        script.DepthExchanges.Returns(new W.DepthExchanges
        {
            LocalTime = At,
            Exchanges =
            {
                new W.DepthExchange { Exchange = "ISLAND", SecType = "STK", ListingExchange = "NASDAQ", ServiceDataType = "Deep2", AggregationGroup = 0 },
                new W.DepthExchange { Exchange = "ARCA", SecType = "STK", ListingExchange = "", ServiceDataType = "Deep" },
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal(
            [new DepthExchange("ISLAND", "STK", "NASDAQ", "Deep2", 0), new DepthExchange("ARCA", "STK", "", "Deep", null)],
            await desk.GetDepthExchangesAsync());
    }

    [Fact]
    public async Task GetUserInfoAsync_and_QueryDisplayGroupsAsync_return_the_desks_values()
    {
        var script = new DeskScript();
        script.UserInfo.Returns(new W.UserInfo { WhiteBrandingId = "", LocalTime = At });
        script.DisplayGroups.Returns(new W.DisplayGroups { GroupIds = { 1, 2, 7 }, LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal("", await desk.GetUserInfoAsync());
        Assert.Equal([1, 2, 7], await desk.QueryDisplayGroupsAsync());
    }

    [Theory]
    [InlineData(ServerLogLevel.System, W.ServerLogLevel.System)]
    [InlineData(ServerLogLevel.Detail, W.ServerLogLevel.Detail)]
    public async Task SetServerLogLevelAsync_sends_IBs_level_number_and_returns_the_level_set(ServerLogLevel level, W.ServerLogLevel wire)
    {
        var script = new DeskScript();
        script.ServerLogLevel.Reply = (r, _) => Task.FromResult(new W.ServerLogLevelSet { Level = r.Level });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal(level, await desk.SetServerLogLevelAsync(level));
        Assert.Equal(wire, (await script.ServerLogLevel.Seen.Task.WaitAsync(Bound)).Level);
    }

    [Fact]
    public async Task A_level_this_client_does_not_know_is_a_wire_error_naming_the_field()
    {
        var script = new DeskScript();
        script.ServerLogLevel.Returns(new W.ServerLogLevelSet { Level = W.ServerLogLevel.Unspecified });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<DeskWireException>(() => desk.SetServerLogLevelAsync(ServerLogLevel.Error));

        Assert.Equal("SetServerLogLevel", e.Call);
        Assert.Contains("field level", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFaConfigurationAsync_and_ReplaceFaConfigurationAsync_send_IBs_kind_and_carry_the_xml()
    {
        var script = new DeskScript();
        script.FaConfiguration.Returns(new W.FaConfiguration { Kind = W.FaDataKind.Aliases, Xml = "<ListOfAccountAliases/>", LocalTime = At });
        script.ReplaceFa.Returns(new W.FaConfigurationReplaced { Kind = W.FaDataKind.Groups, Text = "FA groups replaced", LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal("<ListOfAccountAliases/>", await desk.GetFaConfigurationAsync(FaDataKind.Aliases));
        Assert.Equal(W.FaDataKind.Aliases, (await script.FaConfiguration.Seen.Task.WaitAsync(Bound)).Kind);
        Assert.Equal("FA groups replaced", await desk.ReplaceFaConfigurationAsync(FaDataKind.Groups, "<ListOfGroups/>"));
        var replace = await script.ReplaceFa.Seen.Task.WaitAsync(Bound);
        Assert.Equal((W.FaDataKind.Groups, "<ListOfGroups/>"), (replace.Kind, replace.Xml));
    }

    [Fact]
    public async Task The_trading_session_calls_with_a_read_only_token_are_PermissionDeniedExceptions_and_reads_still_work()
    {
        var script = new DeskScript();
        script.ServerLogLevel.Returns(new W.ServerLogLevelSet { Level = W.ServerLogLevel.Error });
        script.ReplaceFa.Returns(new W.FaConfigurationReplaced { Kind = W.FaDataKind.Groups, Text = "replaced", LocalTime = At });
        script.FaConfiguration.Returns(new W.FaConfiguration { Kind = W.FaDataKind.Groups, Xml = "<ListOfGroups/>", LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.ReadOnlyToken);

        var level = await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.SetServerLogLevelAsync(ServerLogLevel.Error));
        var fa = await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.ReplaceFaConfigurationAsync(FaDataKind.Groups, "<ListOfGroups/>"));

        Assert.All([level, fa], e => Assert.Equal((StatusCode.PermissionDenied, DeskFailureKind.PermissionDenied), (e.StatusCode, e.Kind)));
        Assert.Contains("read-only", fa.Detail, StringComparison.Ordinal);
        Assert.False(script.ServerLogLevel.Seen.Task.IsCompleted);
        Assert.False(script.ReplaceFa.Seen.Task.IsCompleted);
        Assert.Equal("<ListOfGroups/>", await desk.GetFaConfigurationAsync(FaDataKind.Groups));
    }

    [Fact]
    public async Task A_reference_read_that_outlives_the_call_timeout_is_a_TimedOutException()
    {
        var script = new DeskScript();
        script.DepthExchanges.Hangs();
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken, new DeskClientOptions { CallTimeout = TimeSpan.FromMilliseconds(300) });

        var e = await Assert.ThrowsAsync<TimedOutException>(() => desk.GetDepthExchangesAsync().WaitAsync(Bound));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Contains("GetDepthExchanges", e.Detail, StringComparison.Ordinal);
    }
}
