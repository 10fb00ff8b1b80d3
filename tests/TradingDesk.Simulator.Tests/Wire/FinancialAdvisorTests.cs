using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>Financial Advisor requests and FA orders over TCP, at a text version (176 or 200) and a protobuf one (225).</summary>
public sealed class FinancialAdvisorTests
{
    private static Task<SimHarness> Advisor(int version) =>
        SimHarness.StartAsync(version, o => o with { AdvisorAccount = "DF111110" });

    private const string TwoGroups = """
        <?xml version="1.0" encoding="UTF-8"?>
        <ListOfGroups>
          <Group><name>Growth</name><ListOfAccts varName="list"><String>DU111111</String><String>DU222222</String></ListOfAccts><defaultMethod>NetLiq</defaultMethod></Group>
          <Group><name>Solo</name><ListOfAccts varName="list"><String>DU222222</String></ListOfAccts><defaultMethod>EqualQuantity</defaultMethod></Group>
        </ListOfGroups>
        """;

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Outside_advisor_mode_FA_requests_are_321_as_for_a_non_FA_customer(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new FARequest { FaDataType = 1 });
        var read = await client.ExpectErrorAsync(321);
        Assert.Equal((-1, "Error validating request.-'b9' : cause - FA data operations ignored for non FA customers."), (read.Id, read.ErrorMsg));
        await client.SendAsync(new FAReplace { ReqId = 101, FaDataType = 1, Xml = TwoGroups });
        var replace = await client.ExpectErrorAsync(321);
        Assert.Equal((101, "Error validating request.-'b1' : cause - FA data operations ignored for non FA customers."), (replace.Id, replace.ErrorMsg));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Groups_and_aliases_are_IBs_XML_and_a_replacement_ends_with_replaceFAEnd(int version)
    {
        await using var sim = await Advisor(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new FARequest { FaDataType = 1 });
        var groups = await client.ExpectAsync<ReceiveFA>();
        Assert.Equal(1, groups.FaDataType);
        Assert.Contains("<ListOfGroups>", groups.Xml);
        Assert.Contains("<String>DU222222</String>", groups.Xml);
        await client.SendAsync(new FARequest { FaDataType = 3 });
        var aliases = await client.ExpectAsync<ReceiveFA>();
        Assert.Equal(3, aliases.FaDataType);
        Assert.Contains("<alias>DU111111</alias>", aliases.Xml);

        await client.SendAsync(new FAReplace { ReqId = 102, FaDataType = 1, Xml = TwoGroups });
        Assert.Equal(102, (await client.ExpectAsync<ReplaceFAEnd>()).ReqId);
        await client.SendAsync(new FARequest { FaDataType = 1 });
        var replaced = await client.ExpectAsync<ReceiveFA>();
        Assert.Contains("<name>Solo</name>", replaced.Xml);
        Assert.DoesNotContain("<name>All</name>", replaced.Xml);
    }

    [Fact]
    public async Task Profiles_are_served_below_177()
    {
        await using var sim = await Advisor(176);
        var client = await sim.ClientAsync();
        await client.SendAsync(new FARequest { FaDataType = 2 });
        var profiles = await client.ExpectAsync<ReceiveFA>();
        Assert.Equal(2, profiles.FaDataType);
        Assert.Contains("ListOfAllocationProfiles", profiles.Xml);
    }

    [Theory]
    [InlineData(200, "<ListOfGroups><Group><name>Bad</name><ListOfAccts varName=\"list\"><String>DU999999</String></ListOfAccts><defaultMethod>NetLiq</defaultMethod></Group></ListOfGroups>", 10231, "Bad")]
    [InlineData(225, "<ListOfGroups><Group><name>Bad</name><ListOfAccts varName=\"list\"><String>DU999999</String></ListOfAccts><defaultMethod>NetLiq</defaultMethod></Group></ListOfGroups>", 10231, "Bad")]
    [InlineData(225, "<ListOfGroups><Group>", 321, "does not parse")]
    [InlineData(200, "", 321, "An XML string is required")]
    public async Task An_invalid_replacement_is_refused_and_changes_nothing(int version, string xml, int code, string text)
    {
        await using var sim = await Advisor(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new FAReplace { ReqId = 103, FaDataType = 1, Xml = xml });
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == 103);
        Assert.Equal(code, error.ErrorCode);
        Assert.Contains(text, error.ErrorMsg);
        await client.SendAsync(new FARequest { FaDataType = 1 });
        Assert.Contains("<name>All</name>", (await client.ExpectAsync<ReceiveFA>()).Xml);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task An_order_to_a_group_is_allocated_over_its_accounts_and_one_without_allocation_is_436(int version)
    {
        await using var sim = await Advisor(version);
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(Order(next, "BUY", "100", "MKT"));
        var refused = await client.ExpectAsync<ErrorMessage>(e => e.Id == next);
        Assert.Equal(436, refused.ErrorCode);

        var grouped = Order(next + 1, "BUY", "101", "MKT");
        grouped.Order.FaGroup = "All";
        grouped.Order.FaMethod = "EqualQuantity";
        await client.SendAsync(grouped);
        await client.ExpectAsync<OrderStatus>(s => s.OrderId == next + 1 && s.Status == "Filled");
        var allocation = await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.FaAllocations[(1, next + 1)]);
        Assert.Equal([("DU111111", 51m), ("DU222222", 50m)], allocation.Shares.Select(s => (s.Account.Value, s.Quantity)));
    }

    [Theory]
    [InlineData(200, "All", "PctChange", "", 10012)]
    [InlineData(225, "All", "PctChange", "150", 10012)]
    [InlineData(225, "All", "EqualQuantity", "20", 10012)]
    [InlineData(200, "Nobody", "", "", 201)]
    public async Task Bad_allocation_fields_are_refused(int version, string group, string method, string percentage, int code)
    {
        await using var sim = await Advisor(version);
        var (client, next) = await sim.ConnectAsync(1);
        var order = Order(next, "BUY", "100", "MKT");
        order.Order.FaGroup = group;
        order.Order.FaMethod = method;
        order.Order.FaPercentage = percentage;
        await client.SendAsync(order);
        Assert.Equal(code, (await client.ExpectAsync<ErrorMessage>(e => e.Id == next)).ErrorCode);
    }

    [Fact]
    public async Task Managed_accounts_list_the_advisor_first_and_an_order_to_it_needs_an_allocation()
    {
        await using var sim = await Advisor(225);
        var (client, next, accounts) = await TestClient.StartAsync(sim.Simulator.Port, 3);
        await using var _ = client;
        Assert.Equal("DF111110,DU111111,DU222222", accounts);
        var order = Order(next, "BUY", "10", "MKT");
        order.Order.Account = "DF111110";
        await client.SendAsync(order);
        Assert.Equal(436, (await client.ExpectAsync<ErrorMessage>(e => e.Id == next)).ErrorCode);
    }
}
