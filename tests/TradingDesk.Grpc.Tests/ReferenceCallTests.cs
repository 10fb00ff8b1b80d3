using System.Globalization;
using IBApi.protobuf;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Contract = TradingDesk.Desk.Domain.Contract;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// The session reads, display groups and the account-values-per-account stream against a real desk and the simulator
/// (one individual paper account, DU111111): the simulator's answers as the desk maps them onto the wire.
/// </summary>
public sealed class ReferenceCallTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private const string Account = "DU111111";

    [Fact]
    public async Task A_contracts_market_rule_is_its_price_increments()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var msft = Assert.Single((await desk.Client.GetContractDetailsAsync(new W.GetContractDetails { Contract = Contract.Stock("MSFT").ToWire() }, GrpcDesk.Reader)).Details);
        var ruleId = int.Parse(msft.MarketRuleIds.Split(',')[0], CultureInfo.InvariantCulture);

        var rule = await desk.Client.GetMarketRuleAsync(new W.GetMarketRule { RuleId = ruleId }, GrpcDesk.Reader);

        Assert.Equal(ruleId, rule.RuleId);
        var increment = Assert.Single(rule.Increments); // the simulator's rules are one flat increment: the contract's min tick
        Assert.Equal((0m, decimal.Parse(msft.MinTick, CultureInfo.InvariantCulture)),
            (decimal.Parse(increment.LowEdge, CultureInfo.InvariantCulture), decimal.Parse(increment.Increment, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Smart_components_name_each_exchange_with_its_bit_and_letter()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        var components = await desk.Client.GetSmartComponentsAsync(new W.GetSmartComponents { BboExchange = "a6" }, GrpcDesk.Reader);

        Assert.Equal(8, components.Components.Count);
        Assert.Contains(components.Components, c => (c.BitNumber, c.Exchange, c.ExchangeLetter) == (0, "NYSE", "N"));
        Assert.Contains(components.Components, c => (c.BitNumber, c.Exchange, c.ExchangeLetter) == (6, "IEX", "V"));
        Assert.Equal("a6", Assert.Single(await desk.HandledAsync<SmartComponentsRequest>()).BboExchange);
    }

    [Fact]
    public async Task Soft_dollar_tiers_user_info_and_family_codes_are_those_of_an_individual_paper_login()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        var tiers = await desk.Client.GetSoftDollarTiersAsync(new W.GetSoftDollarTiers(), GrpcDesk.Reader);
        var user = await desk.Client.GetUserInfoAsync(new W.GetUserInfo(), GrpcDesk.Reader);
        var families = await desk.Client.GetFamilyCodesAsync(new W.GetFamilyCodes(), GrpcDesk.Reader);

        // An individual account has no soft-dollar tiers, no white branding, and no family: each call still answers.
        Assert.Empty(tiers.Tiers);
        Assert.NotNull(tiers.LocalTime);
        Assert.Equal("", user.WhiteBrandingId);
        Assert.NotNull(user.LocalTime);
        var family = Assert.Single(families.Codes);
        Assert.Equal((Account, ""), (family.Account, family.Code));
        Assert.Single(await desk.HandledAsync<SoftDollarTiersRequest>());
        Assert.Single(await desk.HandledAsync<UserInfoRequest>());
        Assert.Single(await desk.HandledAsync<FamilyCodesRequest>());
    }

    [Fact]
    public async Task Display_groups_are_the_gateways_group_ids()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        var groups = await desk.Client.QueryDisplayGroupsAsync(new W.QueryDisplayGroups(), GrpcDesk.Reader);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], groups.GroupIds);
    }

    [Fact]
    public async Task Account_values_of_one_account_stream_their_first_set_and_its_end_and_cancelling_ends_the_subscription()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var call = desk.Client.StreamAccountUpdatesMulti(new W.SubscribeAccountUpdatesMulti { Account = Account }, GrpcDesk.Reader);

        var (end, before) = await Calls.UntilAsync(call.ResponseStream, e => e.KindCase == W.AccountUpdatesMultiEvent.KindOneofCase.End);

        Assert.NotEmpty(before);
        Assert.All(before, e => Assert.Equal((W.AccountUpdatesMultiEvent.KindOneofCase.Update, Account, end.End.Subscription),
            (e.KindCase, e.Update.Account, e.Update.Subscription)));
        var cash = Assert.Single(before, e => e.Update.Key == "TotalCashValue").Update;
        Assert.Equal((1_000_000m, "USD"), (decimal.Parse(cash.Amount, CultureInfo.InvariantCulture), cash.Currency)); // the simulator's starting cash
        var request = Assert.Single(await desk.HandledAsync<AccountUpdatesMultiRequest>());

        call.Dispose();

        await desk.Sim.RequestReadAsync<CancelAccountUpdatesMulti>(c => c.ReqId == request.ReqId);
    }
}
