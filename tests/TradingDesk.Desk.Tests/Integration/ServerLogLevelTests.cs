using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>SetServerLogLevel: IB never answers it, so the desk's reply means queued, and the gateway gets IB's level number.</summary>
public sealed class ServerLogLevelTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Theory]
    [InlineData(ServerLogLevel.System, 1)]
    [InlineData(ServerLogLevel.Detail, 5)]
    public async Task The_level_reaches_the_gateway_as_IBs_number(ServerLogLevel level, int wire)
    {
        await using var sim = await StartSimulatorAsync(seed: 4);

        sim.Desk.Tell(new SetServerLogLevel(level), TestActor);
        Assert.Equal(level, ExpectMsg<ServerLogLevelSet>().Level);

        Assert.Equal(wire, (await sim.RequestReadAsync<SetServerLogLevelRequest>()).LogLevel);
    }
}
