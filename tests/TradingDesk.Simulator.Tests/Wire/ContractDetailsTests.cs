using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

public sealed class ContractDetailsTests
{
    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task A_unique_description_returns_one_contract_and_the_end(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new ContractDataRequest { ReqId = 7, Contract = SimHarness.Aapl });
        var data = await client.ExpectAsync<ContractData>();
        Assert.Equal(7, data.ReqId);
        Assert.Equal(SimHarness.AaplConId, data.Contract.ConId);
        Assert.Equal("NASDAQ", data.Contract.PrimaryExch);
        Assert.Equal("APPLE INC", data.ContractDetails.LongName);
        Assert.Equal("0.01", data.ContractDetails.MinTick);
        var next = await client.NextAsync();
        Assert.Equal(7, Assert.IsType<ContractDataEnd>(next.Message).ReqId);
    }

    [Fact]
    public async Task A_partial_description_returns_every_match()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new ContractDataRequest { ReqId = 8, Contract = new Contract { Symbol = "ES", SecType = "FUT" } });
        var count = 0;
        while (true)
        {
            var m = await client.NextAsync();
            if (m.Message is ContractDataEnd) break;
            var d = Assert.IsType<ContractData>(m.Message);
            Assert.Equal("ES", d.Contract.Symbol);
            count++;
        }
        Assert.True(count > 1, $"ES futures listed: {count}");
    }

    [Theory]
    [InlineData("NOSUCH", "STK")]
    [InlineData("IBM", "BOND")]
    [InlineData("XYZ", "IND")]
    public async Task No_match_is_error_200(string symbol, string secType)
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync();
        await client.SendAsync(new ContractDataRequest { ReqId = 9, Contract = new Contract { Symbol = symbol, SecType = secType, Currency = "USD" } });
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == 9);
        Assert.Equal(200, error.ErrorCode);
    }

    [Theory]
    [MemberData(nameof(SimHarness.Versions), MemberType = typeof(SimHarness))]
    public async Task Bonds_come_as_bondContractData_id_18(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new ContractDataRequest { ReqId = 10, Contract = new Contract { Symbol = "US-T", SecType = "BOND", Currency = "USD" } });
        var frames = new List<TradingDesk.Protocol.Codec.DecodedMessage>();
        var next = await client.NextAsync();
        while (next.Message is not ContractDataEnd) { frames.Add(next); next = await client.NextAsync(); }
        Assert.Equal(3, frames.Count);
        Assert.All(frames, f => Assert.Equal(18, f.Id));
        var bond = Assert.IsType<ContractData>(frames[0].Message);
        Assert.Equal(("BOND", "SIMUST001"), (bond.Contract.SecType, bond.ContractDetails.Cusip));
        Assert.Equal(4.25, bond.ContractDetails.Coupon);
    }
}
