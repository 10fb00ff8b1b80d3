using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The awaitable client, front-month resolution, snapshots and the order-command seam.</summary>
public sealed class DeskApiTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(10)), IAsyncLifetime
{
    private readonly GatewayHarness _gateway = new();


    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
    }

    private IActorRef StartDesk()
    {
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, _gateway.DeskOptions());
        connected.ExpectMsg<ConnectionEvents.Connected>();
        return desk;
    }

    [Fact]
    public async Task The_client_returns_typed_replies_and_throws_typed_failures()
    {
        var client = new DeskClient(StartDesk(), TimeSpan.FromSeconds(10));
        var time = await client.GetCurrentTimeAsync();
        Assert.True(time.GatewayTime.Year >= 2025);
        var accounts = await client.GetManagedAccountsAsync();
        Assert.Equal([new AccountId("DU111111")], accounts.Accounts);
        var failure = await Assert.ThrowsAsync<DeskRequestException>(() => client.GetContractDetailsAsync(Contract.Stock("NOPE")));
        Assert.Equal(200, Assert.IsType<GatewayError>(failure.Failure).Code);
    }

    [Fact]
    public async Task A_front_month_future_resolves_to_the_nearest_unexpired_expiry()
    {
        var client = new DeskClient(StartDesk(), TimeSpan.FromSeconds(10));
        var front = Assert.Single((await client.GetContractDetailsAsync(Contract.FrontMonthFuture("ES"))).Details);
        Assert.Equal(DateTime.UtcNow.AddDays(30).ToString("yyyyMMdd"), front.RealExpirationDate);
        var sent = _gateway.Backend.Received.OfType<IBApi.protobuf.ContractDataRequest>().Single();
        Assert.Equal("", sent.Contract.LastTradeDateOrContractMonth); // asked for every expiry
    }

    [Fact]
    public void A_snapshot_collects_ticks_until_its_end()
    {
        var desk = StartDesk();
        desk.Tell(new GetMarketDataSnapshot(Contract.Stock("AAPL")), TestActor);
        var snapshot = ExpectMsg<MarketDataSnapshot>();
        Assert.Equal([10.5m, 10.75m], snapshot.Ticks.Select(t => t.Price!.Value));
        Assert.Equal([Messages.TickType.Bid, Messages.TickType.Ask], snapshot.Ticks.Select(t => t.Type));
    }

    [Fact]
    public void Order_commands_go_to_the_order_manager_with_the_original_sender()
    {
        var desk = StartDesk();
        // The kill switch is answered by the order manager itself, even offline: the reply reaching TestActor shows
        // the DeskActor forwarded the command and kept the original sender.
        desk.Tell(new OrderCommands.ActivateKillSwitch("test"), TestActor);
        Assert.Equal("test", ExpectMsg<OrderEvents.KillSwitchActivated>().Reason);
    }

    [Fact]
    public void A_front_month_spec_cannot_be_streamed_directly()
    {
        var desk = StartDesk();
        desk.Tell(new SubscribeMarketData(Contract.FrontMonthFuture("ES")), TestActor);
        Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure);
    }
}
