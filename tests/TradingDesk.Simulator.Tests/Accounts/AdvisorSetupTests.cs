using TradingDesk.Simulator.Accounts;

namespace TradingDesk.Simulator.Tests.Accounts;

public sealed class AdvisorSetupTests
{
    private static readonly AccountId A = new("DU111111"), B = new("DU222222"), C = new("DU333333");

    [Fact]
    public void Equal_quantity_gives_the_remainder_to_the_first_accounts()
    {
        var group = new FaGroup("G", [A, B, C], "EqualQuantity");
        var shares = AdvisorSetup.Allocate(group, "EqualQuantity", 101m, _ => 1m);
        Assert.Equal([34m, 34m, 33m], shares.Select(s => s.Quantity));
    }

    [Fact]
    public void Net_liq_allocates_in_proportion_to_the_weights_in_whole_shares()
    {
        var group = new FaGroup("G", [A, B], "NetLiq");
        var shares = AdvisorSetup.Allocate(group, "NetLiq", 100m, a => a == A ? 3_000_000m : 1_000_000m);
        Assert.Equal([75m, 25m], shares.Select(s => s.Quantity));
    }

    [Fact]
    public void Groups_round_trip_through_their_xml_and_unknown_accounts_are_named()
    {
        var setup = new AdvisorSetup(new AccountId("DF111110"), [A, B]);
        Assert.Null(setup.TryReplaceGroups(setup.GroupsXml(), out _));
        Assert.Equal([A, B], setup.FindGroup("all")!.Accounts);
        var bad = "<ListOfGroups><Group><name>X</name><ListOfAccts varName=\"list\"><String>DU333333</String></ListOfAccts><defaultMethod>NetLiq</defaultMethod></Group></ListOfGroups>";
        Assert.NotNull(setup.TryReplaceGroups(bad, out var invalid));
        Assert.Equal(["X"], invalid);
        Assert.NotNull(setup.FindGroup("All"));
    }
}
