using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>1,000 concurrent requests from 50 strategies through the pacer: none misrouted, none lost, no error 100.</summary>
public sealed class PacingIntegrationTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(60)), IAsyncLifetime
{
    private readonly GatewayHarness _gateway = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
    }

    private static IEnumerable<int> Drain(TestProbe probe)
    {
        var codes = new List<int>();
        while (probe.HasMessages) codes.Add(probe.ExpectMsg<GatewayNotice>().Code);
        return codes;
    }

    [Fact]
    public void A_thousand_concurrent_requests_from_fifty_strategies_stay_under_the_gateway_limit()
    {
        var notices = CreateTestProbe();
        Sys.EventStream.Subscribe<GatewayNotice>(notices.Ref);
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, _gateway.DeskOptions());
        connected.ExpectMsg<ConnectionEvents.Connected>();

        var strategies = Enumerable.Range(0, 50).Select(i => CreateTestProbe($"s{i}")).ToList();
        for (var r = 0; r < 20; r++)
            for (var s = 0; s < strategies.Count; s++)
                desk.Tell(new GetContractDetails(Contract.Stock($"S{s}X{r}")), strategies[s].Ref);

        for (var s = 0; s < strategies.Count; s++)
        {
            var symbols = strategies[s].ReceiveN(20, TimeSpan.FromSeconds(90))
                .Select(m => m is RequestFailed f ? throw new Xunit.Sdk.XunitException($"strategy {s}: {f.Request} failed: {f.Failure}; notices: {string.Join(", ", Drain(notices))}") : Assert.Single(Assert.IsType<ContractDetailsList>(m).Details).Contract.Symbol)
                .ToHashSet();
            Assert.Equal(Enumerable.Range(0, 20).Select(r => $"S{s}X{r}").ToHashSet(), symbols);
        }
        Assert.Equal(1000, _gateway.Backend.Count<IBApi.protobuf.ContractDataRequest>());
        // No error 100 (it arrives with id -1, so it would be published as a notice).
        while (notices.HasMessages)
            Assert.NotEqual(100, notices.ExpectMsg<GatewayNotice>().Code);
    }
}
