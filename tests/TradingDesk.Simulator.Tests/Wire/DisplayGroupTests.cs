using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>Display groups over TCP, at a text version (200) and a protobuf one (225).</summary>
public sealed class DisplayGroupTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task An_update_reaches_every_subscriber_of_the_group_until_it_unsubscribes(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var first = await sim.ClientAsync(1);
        var second = await sim.ClientAsync(2);
        await first.SendAsync(new QueryDisplayGroupsRequest { ReqId = 81 });
        var list = await first.ExpectAsync<DisplayGroupList>();
        Assert.Equal((81, "1|2|3|4|5|6|7"), (list.ReqId, list.Groups));

        await first.SendAsync(new SubscribeToGroupEventsRequest { ReqId = 82, GroupId = 3 });
        Assert.Equal((82, "none"), Pair(await first.ExpectAsync<DisplayGroupUpdated>()));
        await second.SendAsync(new SubscribeToGroupEventsRequest { ReqId = 90, GroupId = 3 });
        Assert.Equal((90, "none"), Pair(await second.ExpectAsync<DisplayGroupUpdated>()));

        await first.SendAsync(new UpdateDisplayGroupRequest { ReqId = 82, ContractInfo = $"{SimHarness.AaplConId}@SMART" });
        Assert.Equal((82, "265598@SMART"), Pair(await first.ExpectAsync<DisplayGroupUpdated>()));
        Assert.Equal((90, "265598@SMART"), Pair(await second.ExpectAsync<DisplayGroupUpdated>()));

        await second.SendAsync(new UnsubscribeFromGroupEventsRequest { ReqId = 90 });
        await SimHarness.RoundTripAsync(second);
        await first.SendAsync(new UpdateDisplayGroupRequest { ReqId = 82, ContractInfo = "none" });
        Assert.Equal((82, "none"), Pair(await first.ExpectAsync<DisplayGroupUpdated>()));
        await SimHarness.RoundTripAsync(second);
        Assert.False(second.TryPeekPending(out var pending), $"unexpected {pending.Name}");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Bad_groups_contracts_and_subscriptions_are_321_and_a_live_id_102(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new SubscribeToGroupEventsRequest { ReqId = 83, GroupId = 9 });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 83)).ErrorCode);
        await client.SendAsync(new UpdateDisplayGroupRequest { ReqId = 84, ContractInfo = "none" });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 84)).ErrorCode);
        await client.SendAsync(new SubscribeToGroupEventsRequest { ReqId = 85, GroupId = 1 });
        await client.ExpectAsync<DisplayGroupUpdated>();
        await client.SendAsync(new UpdateDisplayGroupRequest { ReqId = 85, ContractInfo = "123@SMART" });
        Assert.Equal(321, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 85)).ErrorCode);
        await client.SendAsync(new SubscribeToGroupEventsRequest { ReqId = 85, GroupId = 2 });
        Assert.Equal(102, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 85)).ErrorCode);
    }

    private static (int, string) Pair(DisplayGroupUpdated u) => (u.ReqId, u.ContractInfo);
}
