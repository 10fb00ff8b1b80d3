using TradingDesk.Desk.Tests.Support;
using IBApi.protobuf;
using Contract = TradingDesk.Desk.Domain.Contract;
using TickType = TradingDesk.Desk.Messages.TickType;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.AccountMessages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The whole desk against the simulated gateway on a free port, on real time.</summary>
public sealed class DeskIntegrationTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(10)), IAsyncLifetime
{
    private readonly GatewayHarness _gateway = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
    }

    private IActorRef StartDesk(DeskOptions? options = null)
    {
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, options ?? _gateway.DeskOptions());
        var up = connected.ExpectMsg<ConnectionEvents.Connected>();
        Assert.False(up.IsReconnect);
        Assert.Equal(["DU111111"], up.Accounts);
        Assert.Equal(1, up.NextValidId);
        Sys.EventStream.Unsubscribe(connected.Ref);
        return desk;
    }

    [Fact]
    public void Connects_and_answers_current_time_with_gateway_and_local_time()
    {
        var desk = StartDesk();
        desk.Tell(new GetCurrentTime(), TestActor);
        var reply = ExpectMsg<CurrentTimeReply>();
        Assert.True(Math.Abs((reply.GatewayTime - DateTimeOffset.UtcNow).TotalSeconds) < 30);
        Assert.True(reply.LocalTime <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public void Contract_details_arrive_typed()
    {
        var desk = StartDesk();
        desk.Tell(new GetContractDetails(Contract.Stock("AAPL")), TestActor);
        var details = Assert.Single(ExpectMsg<ContractDetailsList>().Details);
        Assert.Equal("AAPL INC", details.LongName);
        Assert.Equal(0.01m, details.MinTick);
        Assert.Equal("AAPL", details.Contract.Symbol);
        Assert.True(details.ConId.Value > 0);
    }

    [Fact]
    public void An_error_for_one_request_fails_only_that_request()
    {
        var desk = StartDesk();
        var bad = CreateTestProbe();
        var good = CreateTestProbe();
        desk.Tell(new GetContractDetails(Contract.Stock("NOPE")), bad.Ref);
        desk.Tell(new GetContractDetails(Contract.Stock("MSFT")), good.Ref);
        var failed = bad.ExpectMsg<RequestFailed>();
        Assert.Equal(200, Assert.IsType<GatewayError>(failed.Failure).Code);
        Assert.IsType<GetContractDetails>(failed.Request);
        Assert.Equal("MSFT", Assert.Single(good.ExpectMsg<ContractDetailsList>().Details).Contract.Symbol);
    }

    [Fact]
    public void A_request_the_gateway_never_answers_times_out()
    {
        var desk = StartDesk(_gateway.DeskOptions() with { Timeouts = new RequestTimeouts { Historical = TimeSpan.FromMilliseconds(300) } });
        desk.Tell(new GetHeadTimestamp(Contract.Stock("AAPL")), TestActor);
        var failed = ExpectMsg<RequestFailed>();
        Assert.Equal(TimeSpan.FromMilliseconds(300), Assert.IsType<RequestTimedOut>(failed.Failure).After);
    }

    [Fact]
    public void Two_strategies_share_one_market_data_line_cancelled_when_both_leave()
    {
        var desk = StartDesk();
        var a = CreateTestProbe("a");
        var b = CreateTestProbe("b");
        desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), a.Ref);
        desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), b.Ref);
        var subA = a.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var subB = b.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        Assert.Equal(subA, subB);
        _gateway.Backend.WaitFor(b => b.MarketData.Count == 1, "one live line");

        _gateway.Backend.PushTick(101.25);
        var tickA = a.ExpectMsg<Tick>();
        var tickB = b.ExpectMsg<Tick>();
        Assert.Same(tickA, tickB); // fan-out shares the item, no copy per subscriber
        Assert.Equal(101.25m, tickA.Price);
        Assert.Equal(100m, tickA.Size);
        Assert.Equal(TickType.Bid, tickA.Type);

        desk.Tell(new SubscriptionMessages.Unsubscribe(subA), a.Ref);
        a.ExpectMsg<SubscriptionMessages.SubscriptionEnded>(e => e.Failure is null);
        _gateway.Backend.PushTick(101.5);
        Assert.Equal(101.5m, b.ExpectMsg<Tick>().Price);
        a.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, _gateway.Backend.Count<CancelMarketData>());

        Sys.Stop(b.Ref); // a terminated subscriber leaves its lines
        _gateway.Backend.WaitFor(b => b.Count<CancelMarketData>() == 1, "b.Count<CancelMarketData>() == 1");
        Assert.Equal(1, _gateway.Backend.Count<MarketDataRequest>());
        Assert.Empty(_gateway.Backend.MarketData);
    }

    [Fact]
    public void Concurrent_position_requests_each_get_the_complete_list()
    {
        var desk = StartDesk();
        var probes = Enumerable.Range(0, 3).Select(_ => CreateTestProbe()).ToList();
        foreach (var p in probes) desk.Tell(new GetPositions(), p.Ref);
        foreach (var p in probes)
        {
            var list = p.ExpectMsg<PositionsList>();
            Assert.Equal(2, list.Positions.Count);
            Assert.Equal(100m, list.Positions.Single(x => x.Contract.Symbol == "AAPL").Quantity);
            Assert.Equal(-20m, list.Positions.Single(x => x.Contract.Symbol == "MSFT").Quantity);
        }
        _gateway.Backend.WaitFor(b => b.Count<PositionsRequest>() == 3 && b.Count<CancelPositions>() == 3, "b.Count<PositionsRequest>() == 3 && b.Count<CancelPositions>() == 3");
    }

    [Fact]
    public void Account_summary_arrives_typed_and_is_cancelled_after_its_end()
    {
        var desk = StartDesk();
        desk.Tell(new GetAccountSummary("NetLiquidation"), TestActor);
        var item = Assert.Single(ExpectMsg<AccountSummaryList>().Items);
        Assert.Equal(new AccountId("DU111111"), item.Account);
        Assert.Equal(1_000_000m, item.Amount);
        _gateway.Backend.WaitFor(b => b.Count<CancelAccountSummary>() == 1, "b.Count<CancelAccountSummary>() == 1");
    }

    [Fact]
    public void A_malformed_frame_does_not_kill_the_connection()
    {
        var desk = StartDesk();
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Disconnected>(events.Ref);
        desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        ExpectMsg<SubscriptionMessages.Subscribed>();
        _gateway.Backend.WaitFor(b => b.LiveLines == 1, "b.LiveLines == 1");

        _gateway.Server.Faults.SendGarbageFrame(clientId: 1);
        // An id the codec does not know (binary id 180, a text payload): logged and skipped too.
        _gateway.Server.FindClient(1)!.SendRaw([0, 0, 0, 6, 0, 0, 0, 180, 0x31, 0]);
        _gateway.Backend.PushTick(99.5);
        Assert.Equal(99.5m, ExpectMsg<Tick>().Price);
        desk.Tell(new GetCurrentTime(), TestActor);
        ExpectMsg<CurrentTimeReply>();
        events.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Every_subscription_resumes_after_twenty_drops_during_streaming()
    {
        var desk = StartDesk();
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var other = CreateTestProbe("other");
        desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        desk.Tell(new SubscribeMarketData(Contract.Stock("MSFT")), TestActor);
        desk.Tell(new SubscribeMarketData(Contract.Stock("MSFT")), other.Ref);
        var mine = new[] { ExpectMsg<SubscriptionMessages.Subscribed>().Id, ExpectMsg<SubscriptionMessages.Subscribed>().Id }.ToHashSet();
        var msft = other.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        Assert.Contains(msft, mine);
        _gateway.Backend.WaitFor(b => b.LiveLines == 2, "b.LiveLines == 2");

        for (var drop = 1; drop <= 20; drop++)
        {
            var price = 100m + drop;
            Assert.Equal(2, _gateway.Backend.PushTick((double)price));
            Assert.Equal(mine, ReceiveN(2).Cast<Tick>().Where(t => t.Price == price).Select(t => t.Subscription).ToHashSet());
            Assert.Equal(msft, other.ExpectMsg<Tick>(t => t.Price == price).Subscription);

            _gateway.Server.Faults.DropAllConnections();
            Assert.True(connected.ExpectMsg<ConnectionEvents.Connected>().IsReconnect);
            Assert.Equal(mine, ReceiveN(2).Cast<SubscriptionMessages.Resubscribed>().Select(r => r.Id).ToHashSet());
            Assert.Equal(msft, other.ExpectMsg<SubscriptionMessages.Resubscribed>().Id);
            _gateway.Backend.WaitFor(b => b.LiveLines == 2, "b.LiveLines == 2");
        }
        Assert.Equal(2, _gateway.Backend.PushTick(500));
        Assert.Equal(2, ReceiveN(2).Cast<Tick>().Count(t => t.Price == 500m));
        other.ExpectMsg<Tick>(t => t.Price == 500m);
        Assert.Equal(42, _gateway.Backend.Count<MarketDataRequest>()); // 2 lines x 21 connections, never more
    }

    [Fact]
    public void A_warning_keeps_a_stream_open_and_a_terminal_error_ends_only_that_stream()
    {
        var desk = StartDesk();
        var other = CreateTestProbe();
        desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        var aapl = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        _gateway.Backend.WaitFor(b => b.LiveLines == 1, "b.LiveLines == 1");
        var aaplRequest = _gateway.Backend.MarketData.Keys.Single();
        desk.Tell(new SubscribeMarketData(Contract.Stock("MSFT")), other.Ref);
        other.ExpectMsg<SubscriptionMessages.Subscribed>();
        _gateway.Backend.WaitFor(b => b.LiveLines == 2, "b.LiveLines == 2");

        _gateway.Backend.SendError(aaplRequest, 10167, "Requested market data is not subscribed. Displaying delayed market data.");
        var notice = ExpectMsg<SubscriptionMessages.SubscriptionNotice>();
        Assert.Equal((aapl, 10167), (notice.Id, notice.Code));
        _gateway.Backend.SendError(aaplRequest, 354, "Requested market data is not subscribed.");
        var ended = ExpectMsg<SubscriptionMessages.SubscriptionEnded>();
        Assert.Equal(354, Assert.IsType<GatewayError>(ended.Failure).Code);

        _gateway.Backend.PushTick(12);
        Assert.Equal(12m, other.ExpectMsg<Tick>().Price);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(0, _gateway.Backend.Count<CancelMarketData>()); // the gateway ended it: nothing to cancel
    }

    [Fact]
    public void A_subscription_made_during_an_outage_opens_exactly_one_line_after_the_reconnect()
    {
        var desk = StartDesk();
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.StateChanged>(events.Ref);
        desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        ExpectMsg<SubscriptionMessages.Subscribed>();
        _gateway.Backend.WaitFor(b => b.LiveLines == 1, "b.LiveLines == 1");

        _gateway.Server.Faults.RefuseConnections(TimeSpan.FromMilliseconds(500));
        _gateway.Server.Faults.DropAllConnections();
        events.FishForMessage<ConnectionEvents.Reconnecting>(_ => true);
        var during = CreateTestProbe();
        desk.Tell(new SubscribeMarketData(Contract.Stock("MSFT")), during.Ref);
        during.ExpectMsg<SubscriptionMessages.Subscribed>();
        events.FishForMessage<ConnectionEvents.Connected>(_ => true, max: TimeSpan.FromSeconds(10));

        // Lines of the new connection only: the dropped one's may not be forgotten yet.
        _gateway.Backend.WaitFor(b => b.LiveLines == 2, "b.LiveLines == 2");
        _gateway.Backend.PushTick(5);
        during.FishForMessage<Tick>(t => t.Price == 5m);
        FishForMessage<Tick>(t => t.Price == 5m);
        ExpectNoMsg(TimeSpan.FromMilliseconds(300));
        Assert.Equal(2, _gateway.Backend.LiveLines); // no orphan line left open at the gateway
    }

    [Fact]
    public void Restored_with_data_lost_1101_resubscribes_and_is_published_as_a_notice()
    {
        var desk = StartDesk();
        var notices = CreateTestProbe();
        Sys.EventStream.Subscribe<GatewayNotice>(notices.Ref);
        desk.Tell(new SubscribeMarketData(Contract.Stock("AAPL")), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        _gateway.Backend.WaitFor(b => b.LiveLines == 1, "b.LiveLines == 1");
        var first = _gateway.Backend.MarketData.Keys.Single();

        _gateway.Server.Faults.ConnectivityRestored(dataLost: true);
        notices.FishForMessage<GatewayNotice>(n => n.Code == 1101 && n.Kind == NoticeKind.ConnectivityRestoredDataLost);
        Assert.Equal(id, ExpectMsg<SubscriptionMessages.Resubscribed>().Id);
        _gateway.Backend.WaitFor(b => b.MarketData.Count == 1 && b.MarketData.Keys.Single() != first, "b.MarketData.Count == 1 && b.MarketData.Keys.Single() != first");
        Assert.Equal(1, _gateway.Backend.Count<CancelMarketData>()); // the old line was cancelled
        _gateway.Backend.PushTick(77);
        Assert.Equal(77m, ExpectMsg<Tick>().Price);
    }
}

/// <summary>Requests in flight when the link drops: reads that are safe to retry are re-sent once; others fail with ConnectionLost.</summary>
public sealed class InFlightAtDisconnectTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(10)), IAsyncLifetime
{
    private readonly GatewayHarness _gateway = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
    }

    [Fact]
    public void Historical_bars_fail_with_connection_lost_and_head_timestamp_is_resent()
    {
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        // The pacer publishes its status every 50 ms: the test waits for the status that shows the re-sent request held.
        var status = CreateTestProbe();
        Sys.EventStream.Subscribe<Pacing.PacerStatus>(status.Ref);
        var desk = DeskSystem.Start(Sys, _gateway.DeskOptions() with { PacerStatusInterval = TimeSpan.FromMilliseconds(50) });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        var bars = CreateTestProbe();
        var head = CreateTestProbe();
        desk.Tell(new GetHistoricalBars(Contract.Stock("AAPL"), "1 D", "1 min"), bars.Ref);
        desk.Tell(new GetHeadTimestamp(Contract.Stock("AAPL")), head.Ref);
        _gateway.Backend.WaitFor(b => b.Count<HistoricalDataRequest>() == 1 && b.Count<HeadTimestampRequest>() == 1, "both historical requests received");

        _gateway.Server.Faults.DropAllConnections();
        Assert.IsType<ConnectionLost>(bars.ExpectMsg<RequestFailed>().Failure);
        Assert.True(connected.ExpectMsg<ConnectionEvents.Connected>().IsReconnect);
        // The re-sent head timestamp is identical to the first (but for its id): IB's 15 s identical-request rule
        // holds it in the pacer's historical queue — it waits there rather than earn a 162.
        status.FishForMessage<Pacing.PacerStatus>(s => s.Connected && s.QueuedHistorical == 1, hint: "the re-sent head timestamp held in the historical queue");
        head.ExpectNoMsg(TimeSpan.FromMilliseconds(200)); // still waiting for its answer, not failed
        Assert.Equal(1, _gateway.Backend.Count<HeadTimestampRequest>());
    }
}
