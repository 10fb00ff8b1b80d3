using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Simulator.Server;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.OptionMessages;
using Contract = TradingDesk.Desk.Domain.Contract;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// A chain's overall deadline through the whole desk, against a backend that never answers one expiration: the
/// deadline is short and configured, and the test waits for the failure it causes (real time, no sleeps).
/// </summary>
public sealed class OptionChainDeadlineDeskTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(20)), IAsyncLifetime
{
    private readonly OptionsBackend _backend = new() { SilentExpiry = "20270219" };
    private GatewayServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new GatewayServer(new GatewayOptions { Port = 0 }, _backend);
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IActorRef StartDesk(TimeSpan chainDeadline)
    {
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions
        {
            Host = "127.0.0.1", Port = _server.Port, ClientId = 1, PacerStatusInterval = TimeSpan.Zero,
            // Each part would wait 30 s on its own: only the chain's deadline can end this one sooner.
            Timeouts = new RequestTimeouts { ContractDetails = TimeSpan.FromSeconds(30), OptionChain = chainDeadline },
        });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        return desk;
    }

    [Fact]
    public void A_chain_with_a_silent_expiration_times_out_as_a_whole_naming_the_parts_that_answered()
    {
        var desk = StartDesk(TimeSpan.FromSeconds(1));
        var underlying = Contract.Stock("XYZ") with { ConId = new ConId(OptionsBackend.ConIdOf("XYZ")) };
        // Three expirations (Jan, Feb, Mar): parameters + 3 contract-details requests, the February one never answered.
        desk.Tell(new GetOptionChain(underlying, new OptionChainFilter { FromExpiry = "20270101", ToExpiry = "20270331" }), TestActor);
        var failed = ExpectMsg<RequestFailed>(TimeSpan.FromSeconds(10));
        Assert.IsType<GetOptionChain>(failed.Request);
        var timedOut = Assert.IsType<OptionChainTimedOut>(failed.Failure);
        Assert.Equal((TimeSpan.FromSeconds(1), 3, 4), (timedOut.After, timedOut.Answered, timedOut.Parts));
        Assert.Contains("3 of its 4 requests had answered", timedOut.Reason);
        Assert.Equal(3, _backend.Count<Tws.ContractDataRequest>());
    }

    [Fact]
    public void A_chain_that_completes_within_its_deadline_is_not_failed_by_it()
    {
        var desk = StartDesk(TimeSpan.FromSeconds(30));
        var underlying = Contract.Stock("XYZ") with { ConId = new ConId(OptionsBackend.ConIdOf("XYZ")) };
        desk.Tell(new GetOptionChain(underlying, new OptionChainFilter { FromExpiry = "20270301", ToExpiry = "20270331" }), TestActor);
        var chain = ExpectMsg<OptionChain>();
        Assert.Equal(2, chain.RequestsUsed);
        Assert.All(chain.Options, o => Assert.Equal("20270319", o.Expiry));
    }
}
