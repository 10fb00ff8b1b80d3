using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Orders;
using static TradingDesk.Simulator.Tests.TestMarket;

namespace TradingDesk.Simulator.Tests.Orders;

/// <summary>Seeded random command sequences; after each step the books must balance.</summary>
public sealed class RandomisedInvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Orders_executions_positions_and_cash_stay_consistent(int seed)
    {
        var random = new Random(seed);
        var m = new TestMarket(seed: seed);
        var es = m.Market.Catalogue.FrontMonth("ES", new DateOnly(2026, 11, 18))!;
        var instruments = new[] { Aapl, Spy, es.ConId, m.Market.Search(new ContractQuery { LocalSymbol = "EUR.USD" }).Single().ConId };
        var types = new[] { OrderType.Market, OrderType.Limit, OrderType.Stop, OrderType.StopLimit, OrderType.TrailingStop, OrderType.MarketOnClose };
        var tifs = new[] { TimeInForce.Day, TimeInForce.Gtc, TimeInForce.Ioc, TimeInForce.Fok };
        var clients = new[] { new ClientId(1), new ClientId(2) };
        var ids = new List<(ClientId, OrderId)>();
        for (var step = 0; step < 120; step++)
        {
            var roll = random.Next(100);
            if (roll < 55)
            {
                var conId = instruments[random.Next(instruments.Length)];
                var c = m.Market.Catalogue.Get(conId);
                var q = m.Quote(conId);
                var offset = c.MinTick * random.Next(-40, 41);
                var qty = c.SecType == SecType.Cash ? 10_000m * random.Next(1, 30) : c.SecType == SecType.Future ? random.Next(1, 4) : 100m * random.Next(1, 40);
                var ticket = Ticket(random.Next(2) == 0 ? OrderAction.Buy : OrderAction.Sell, qty, types[random.Next(types.Length)], conId) with
                {
                    LimitPrice = q.Last + offset,
                    AuxPrice = q.Last - offset,
                    Tif = tifs[random.Next(tifs.Length)],
                    OcaGroup = random.Next(5) == 0 ? "g" + random.Next(3) : null,
                };
                if (ticket.Type == OrderType.TrailingStop) ticket = ticket with { AuxPrice = c.MinTick * random.Next(1, 20), LimitPrice = null };
                if (ticket.Type == OrderType.MarketOnClose) ticket = ticket with { Tif = TimeInForce.Day };
                var client = clients[random.Next(2)];
                var id = new OrderId(1 + ids.Count);
                ids.Add((client, id));
                m.Events.AddRange(m.Market.PlaceOrder(client, id, ticket));
            }
            else if (roll < 70 && ids.Count > 0)
            {
                var (client, id) = ids[random.Next(ids.Count)];
                m.Events.AddRange(m.Market.CancelOrder(client, id));
            }
            else if (roll < 72)
            {
                m.Events.AddRange(m.Market.GlobalCancel());
            }
            else
            {
                m.Advance(TimeSpan.FromSeconds(random.Next(1, 900)));
            }
            CheckInvariants(m);
        }
        Assert.True(m.Market.Executions().Count > 10, "the sequence should trade");
    }

    private static void CheckInvariants(TestMarket m)
    {
        var executions = m.Market.Executions();
        Assert.Equal(executions.Count, executions.Select(e => e.ExecId).Distinct().Count());
        foreach (var o in m.Market.State.Orders.Values)
        {
            var mine = executions.Where(e => e.Order == o.Key).ToList();
            Assert.Equal(o.Filled, mine.Sum(e => e.Shares));
            Assert.InRange(o.Filled, 0m, o.Ticket.Quantity);
            Assert.Equal(o.Status == OrderStatus.Filled, o.Filled == o.Ticket.Quantity && o.Filled > 0);
            if (o.Filled > 0) Assert.Equal(mine.Sum(e => e.Shares * e.Price) / o.Filled, o.AvgFillPrice);
            // Members of an OCA group that were there when one of them filled are no longer active.
            var firstFill = mine.Count > 0 ? mine.Min(e => e.Time) : (DateTimeOffset?)null;
            Assert.True(o.Ticket.OcaGroup is null || firstFill is null
                || !m.Market.State.Orders.Values.Any(p => p.IsActive && p.Key != o.Key && p.Ticket.OcaGroup == o.Ticket.OcaGroup
                                                          && p.Account == o.Account && (p.PlacedAt < firstFill || (p.PlacedAt == firstFill && p.Sequence < o.Sequence))));
        }
        var account = m.Market.State.Accounts[AccountId.Default];
        foreach (var (conId, position) in account.Positions)
        {
            Assert.Equal(executions.Where(e => e.ConId == conId).Sum(e => e.Side == OrderAction.Buy ? e.Shares : -e.Shares), position.Quantity);
        }
        // Cash moves by every commission, by the value of non-futures fills and by futures' gross realized PnL,
        // which is what the fills paid in value less what the open position is carried at (raw average).
        var usd = executions.Where(e => m.Market.Catalogue.Get(e.ConId).Currency == "USD").ToList();
        decimal Flow(Execution e) => (e.Side == OrderAction.Buy ? -1 : 1) * e.Shares * e.Price * m.Market.Catalogue.Get(e.ConId).Multiplier;
        var futuresCarried = account.Positions.Values
            .Where(p => m.Market.Catalogue.Get(p.ConId).SecType == SecType.Future)
            .Sum(p => p.Quantity * p.RawAveragePrice * p.Multiplier);
        var expectedCash = 1_000_000m - usd.Sum(e => e.Commission) + usd.Sum(Flow) + futuresCarried;
        Assert.Equal(expectedCash, account.Cash, 6);
    }
}
