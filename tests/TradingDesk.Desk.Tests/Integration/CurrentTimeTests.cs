using IBApi.protobuf;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>GetCurrentTime asks for milliseconds where the gateway has them (reqCurrentTimeInMillis, server 197) and for seconds below.</summary>
public sealed class CurrentTimeTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public async Task From_server_version_197_the_gateway_time_comes_to_the_millisecond()
    {
        await using var sim = await StartSimulatorAsync(seed: 7, simulator: o => o with { MaxVersion = 225 });
        // Off a whole second, so a reply in seconds could not equal it.
        await sim.AdvanceMarketAsync(TimeSpan.FromMilliseconds(1_234));

        sim.Desk.Tell(new GetCurrentTime(), TestActor);
        var reply = ExpectMsg<CurrentTimeReply>();

        await sim.RequestReadAsync<CurrentTimeInMillisRequest>();
        Assert.Equal(sim.Simulator.Clock.GetUtcNow().ToUnixTimeMilliseconds(), reply.GatewayTime.ToUnixTimeMilliseconds());
        Assert.NotEqual(0, reply.GatewayTime.Millisecond);
    }

    [Fact]
    public async Task Below_197_it_is_reqCurrentTime_in_whole_seconds()
    {
        await using var sim = await StartSimulatorAsync(seed: 7, simulator: o => o with { MaxVersion = 196 });
        await sim.AdvanceMarketAsync(TimeSpan.FromMilliseconds(1_234));

        sim.Desk.Tell(new GetCurrentTime(), TestActor);
        var reply = ExpectMsg<CurrentTimeReply>();

        await sim.RequestReadAsync<CurrentTimeRequest>();
        Assert.Equal(sim.Simulator.Clock.GetUtcNow().ToUnixTimeSeconds(), reply.GatewayTime.ToUnixTimeSeconds());
        Assert.Equal(0, reply.GatewayTime.Millisecond);
    }
}
