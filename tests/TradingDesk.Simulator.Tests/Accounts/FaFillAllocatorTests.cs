using TradingDesk.Simulator.Accounts;

namespace TradingDesk.Simulator.Tests.Accounts;

public sealed class FaFillAllocatorTests
{
    private static readonly AccountId A = new("A"), B = new("B"), C = new("C");
    private static readonly IReadOnlyList<(AccountId, decimal)> FourThreeThree = [(A, 4m), (B, 3m), (C, 3m)];

    [Fact]
    public void A_whole_fill_books_the_allocation_exactly()
    {
        Assert.Equal([(A, 4m), (B, 3m), (C, 3m)], FaFillAllocator.Split(FourThreeThree, new Dictionary<AccountId, decimal>(), 10m));
    }

    [Fact]
    public void Partial_fills_spread_over_what_each_account_still_lacks_and_end_on_the_allocation()
    {
        // 5 of 10: 2, 1.5, 1.5 rounded down leaves a unit, which goes to the earlier of the tied remainders.
        var first = FaFillAllocator.Split(FourThreeThree, new Dictionary<AccountId, decimal>(), 5m);
        Assert.Equal([(A, 2m), (B, 2m), (C, 1m)], first);
        var second = FaFillAllocator.Split(FourThreeThree, first.ToDictionary(p => p.Account, p => p.Quantity), 5m);
        Assert.Equal([(A, 2m), (B, 1m), (C, 2m)], second);
    }

    [Fact]
    public void Single_units_never_take_an_account_past_its_share_or_below_zero()
    {
        var booked = new Dictionary<AccountId, decimal>();
        for (var i = 0; i < 10; i++)
        {
            var part = Assert.Single(FaFillAllocator.Split(FourThreeThree, booked, 1m));
            Assert.Equal(1m, part.Quantity);
            booked[part.Account] = booked.GetValueOrDefault(part.Account) + 1m;
        }
        Assert.Equal((4m, 3m, 3m), (booked[A], booked[B], booked[C]));
    }
}
