using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>The one-shot reference requests over TCP, at a text version (200) and a protobuf one (225).</summary>
public sealed class ReferenceTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Matching_symbols_carry_the_request_id_and_the_derivative_types(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MatchingSymbolsRequest { ReqId = 71, Pattern = "AAP" });
        var samples = await client.ExpectAsync<SymbolSamples>();
        Assert.Equal(71, samples.ReqId);
        var aapl = Assert.Single(samples.ContractDescriptions, d => d.Contract.ConId == SimHarness.AaplConId);
        Assert.Equal(("AAPL", "STK", "USD", "NASDAQ"), (aapl.Contract.Symbol, aapl.Contract.SecType, aapl.Contract.Currency, aapl.Contract.PrimaryExch));
        Assert.Equal(["OPT"], aapl.DerivativeSecTypes);
        await client.SendAsync(new MatchingSymbolsRequest { ReqId = 72, Pattern = "ZZZZQ" });
        Assert.Empty((await client.ExpectAsync<SymbolSamples>(s => s.ReqId == 72)).ContractDescriptions);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task A_market_rule_is_its_increments_and_an_unknown_one_is_321(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new MarketRuleRequest { MarketRuleId = 26 });
        var rule = await client.ExpectAsync<MarketRule>();
        Assert.Equal(26, rule.MarketRuleId);
        var increment = Assert.Single(rule.PriceIncrements);
        Assert.Equal((0.0, 0.01), (increment.LowEdge, increment.Increment));
        await client.SendAsync(new MarketRuleRequest { MarketRuleId = 99999 });
        Assert.Contains("99999", (await client.ExpectErrorAsync(321)).ErrorMsg);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Smart_components_and_depth_exchanges_list_the_venues(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new SmartComponentsRequest { ReqId = 73, BboExchange = "9c0001" });
        var components = await client.ExpectAsync<SmartComponents>();
        Assert.Equal(73, components.ReqId);
        Assert.Contains(components.SmartComponents_, c => c.Exchange == "NYSE" && c.ExchangeLetter == "N");
        Assert.Equal(components.SmartComponents_.Count, components.SmartComponents_.Select(c => c.BitNumber).Distinct().Count());
        await client.SendAsync(new MarketDepthExchangesRequest());
        var depth = await client.ExpectAsync<MarketDepthExchanges>();
        Assert.Contains(depth.DepthMarketDataDescriptions, d => d.Exchange == "SMART" && d.SecType == "STK" && d.ServiceDataType == "Deep2");
        Assert.Contains(depth.DepthMarketDataDescriptions, d => d.Exchange == "CME" && d.SecType == "FUT");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Soft_dollar_tiers_user_info_and_family_codes_answer_a_paper_account(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new SoftDollarTiersRequest { ReqId = 74 });
        var tiers = await client.ExpectAsync<SoftDollarTiers>();
        Assert.Equal(74, tiers.ReqId);
        Assert.Empty(tiers.SoftDollarTiers_);
        await client.SendAsync(new UserInfoRequest { ReqId = 75 });
        var user = await client.ExpectAsync<UserInfo>();
        Assert.Equal((75, ""), (user.ReqId, user.WhiteBrandingId));
        await client.SendAsync(new FamilyCodesRequest());
        var codes = await client.ExpectAsync<FamilyCodes>();
        Assert.Equal(["DU111111", "DU222222"], codes.FamilyCodes_.Select(c => c.AccountId));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Set_server_log_level_is_accepted_silently(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new SetServerLogLevelRequest { LogLevel = 5 });
        await SimHarness.RoundTripAsync(client);
        Assert.False(client.TryPeekPending(out var pending), $"unexpected {pending.Name}");
    }
}
