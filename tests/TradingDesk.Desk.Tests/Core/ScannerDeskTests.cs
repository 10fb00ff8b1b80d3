using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Simulator.Server;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.ScannerMessages;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>Scanner parameters and shared scanner subscriptions through the desk against <see cref="OptionsBackend"/>.</summary>
public sealed class ScannerDeskTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(20)), IAsyncLifetime
{
    private readonly OptionsBackend _backend = new();
    private GatewayServer _server = null!;

    public Task InitializeAsync()
    {
        _server = new GatewayServer(new GatewayOptions { Port = 0 }, _backend);
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IActorRef StartDesk()
    {
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions { Host = "127.0.0.1", Port = _server.Port, ClientId = 1, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        return desk;
    }

    private static SubscribeScanner Gainers(params ScannerFilter[] filters) => new(new ScannerSpec { ScanCode = "TOP_PERC_GAIN", Rows = 10 }, filters);

    [Fact]
    public void Two_concurrent_askers_each_get_the_parameters_xml()
    {
        var desk = StartDesk();
        var other = CreateTestProbe();
        desk.Tell(new GetScannerParameters(), TestActor);
        desk.Tell(new GetScannerParameters(), other.Ref);
        Assert.Contains("TOP_PERC_GAIN", ExpectMsg<ScannerParametersXml>().Xml);
        Assert.Contains("TOP_PERC_GAIN", other.ExpectMsg<ScannerParametersXml>().Xml);
        Assert.Equal(2, _backend.Count<Tws.ScannerParametersRequest>()); // one after the other, not one answer for two
    }

    [Fact]
    public void Identical_subscriptions_share_one_gateway_scanner_until_the_last_leaves()
    {
        var desk = StartDesk();
        var second = CreateTestProbe();
        desk.Tell(Gainers(new ScannerFilter("priceAbove", "5"), new ScannerFilter("marketCapAbove1e6", "100")), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var results = FishForMessage<ScannerResults>(r => r.Subscription == id);
        Assert.Equal([(0, "AAPL", 1), (1, "MSFT", 2)], results.Rows.Select(r => (r.Rank, r.Contract.Symbol, r.ConId.Value)));
        Assert.Equal(("1.5", "b", "p"), (results.Rows[0].Distance, results.Rows[0].Benchmark, results.Rows[0].Projection));

        // The same filters in another order: the same scanner.
        desk.Tell(Gainers(new ScannerFilter("marketCapAbove1e6", "100"), new ScannerFilter("priceAbove", "5")), second.Ref);
        Assert.Equal(id, second.ExpectMsg<SubscriptionMessages.Subscribed>().Id);
        var reqId = Assert.Single(_backend.Scanners.Keys);
        _backend.Scanners[reqId].Send(OptionsBackend.ScanResult(reqId));
        FishForMessage<ScannerResults>(r => r.Subscription == id);
        second.FishForMessage<ScannerResults>(r => r.Subscription == id);
        Assert.Equal(1, _backend.Count<Tws.ScannerSubscriptionRequest>());
        var sent = Assert.Single(_backend.Received.Select(r => r.Request).OfType<Tws.ScannerSubscriptionRequest>()).ScannerSubscription;
        Assert.Equal(("TOP_PERC_GAIN", 10, "5"), (sent.ScanCode, sent.NumberOfRows, sent.ScannerSubscriptionFilterOptions["priceAbove"]));

        desk.Tell(new SubscriptionMessages.Unsubscribe(id), TestActor);
        ExpectMsg<SubscriptionMessages.SubscriptionEnded>();
        Assert.Equal(0, _backend.Count<Tws.CancelScannerSubscription>());
        desk.Tell(new SubscriptionMessages.Unsubscribe(id), second.Ref);
        second.ExpectMsg<SubscriptionMessages.SubscriptionEnded>();
        _backend.WaitFor(b => b.Count<Tws.CancelScannerSubscription>() == 1 && b.Scanners.IsEmpty, "the scanner cancelled once the last subscriber left");
    }

    [Fact]
    public void An_unknown_scan_code_ends_the_subscription_with_the_gateway_error()
    {
        var desk = StartDesk();
        desk.Tell(new SubscribeScanner(new ScannerSpec { ScanCode = "NO_SUCH_SCAN" }, []), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var ended = FishForMessage<SubscriptionMessages.SubscriptionEnded>(e => e.Id == id);
        Assert.Equal(162, Assert.IsType<GatewayError>(ended.Failure).Code);
    }

    [Theory]
    [InlineData("top_perc_gain", "", "", "upper-case")]
    [InlineData("TOP_PERC_GAIN", "priceAbove", "5\0forged", "control character")]
    [InlineData("TOP_PERC_GAIN", "", "5", "needs a tag")]
    public void Bad_scanner_input_is_refused_and_nothing_is_sent(string code, string tag, string value, string expected)
    {
        var desk = StartDesk();
        ScannerFilter[] filters = tag.Length == 0 && value.Length == 0 ? [] : [new ScannerFilter(tag, value)];
        desk.Tell(new SubscribeScanner(new ScannerSpec { ScanCode = code }, filters), TestActor);
        Assert.Contains(expected, Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure).Problem);
        desk.Tell(new ReferenceDataMessages.GetCurrentTime(), TestActor);
        ExpectMsg<ReferenceDataMessages.CurrentTimeReply>();
        Assert.Equal(0, _backend.Count<Tws.ScannerSubscriptionRequest>());
    }

    [Fact]
    public void An_eleventh_distinct_scan_is_refused_to_its_requester_never_sent_and_runs_once_a_slot_is_free()
    {
        var desk = StartDesk();
        var first = 0L;
        for (var rows = 1; rows <= 10; rows++)
        {
            desk.Tell(new SubscribeScanner(new ScannerSpec { ScanCode = "TOP_PERC_GAIN", Rows = rows }, []), TestActor);
            var id = FishForMessage<SubscriptionMessages.Subscribed>(_ => true).Id;
            FishForMessage<ScannerResults>(r => r.Subscription == id);
            if (rows == 1) first = id.Value;
        }
        var asker = CreateTestProbe();
        desk.Tell(new SubscribeScanner(new ScannerSpec { ScanCode = "MOST_ACTIVE" }, [new ScannerFilter("priceAbove", "5")]), asker.Ref);
        var limit = Assert.IsType<ScannerLimitReached>(asker.ExpectMsg<RequestFailed>().Failure);
        Assert.Equal(10, limit.Running.Count);
        Assert.Contains("TOP_PERC_GAIN (STK STK.US.MAJOR)", limit.Reason);

        // The time request goes through the same pacer after everything before it.
        desk.Tell(new ReferenceDataMessages.GetCurrentTime(), TestActor);
        FishForMessage<ReferenceDataMessages.CurrentTimeReply>(_ => true);
        Assert.Equal(10, _backend.Count<Tws.ScannerSubscriptionRequest>());

        // One scan's last subscriber leaves: the refused scan may run now, and reaches the gateway after the cancel.
        desk.Tell(new SubscriptionMessages.Unsubscribe(new SubscriptionId(first)), TestActor);
        FishForMessage<SubscriptionMessages.SubscriptionEnded>(e => e.Id.Value == first);
        desk.Tell(new SubscribeScanner(new ScannerSpec { ScanCode = "MOST_ACTIVE" }, [new ScannerFilter("priceAbove", "5")]), asker.Ref);
        asker.ExpectMsg<SubscriptionMessages.Subscribed>();
        _backend.WaitFor(b => b.Count<Tws.ScannerSubscriptionRequest>() == 11, "the eleventh scan sent");
        var order = _backend.Received.Select(r => r.Request).Where(r => r is Tws.CancelScannerSubscription or Tws.ScannerSubscriptionRequest).ToList();
        Assert.IsType<Tws.CancelScannerSubscription>(order[^2]);
        Assert.Equal("MOST_ACTIVE", Assert.IsType<Tws.ScannerSubscriptionRequest>(order[^1]).ScannerSubscription.ScanCode);
    }

    [Fact]
    public void The_gateways_own_refusal_for_the_limit_ends_the_subscription_with_the_typed_failure()
    {
        var desk = StartDesk();
        desk.Tell(new SubscribeScanner(new ScannerSpec { ScanCode = "SLOTS_TAKEN" }, []), TestActor);
        var id = ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var ended = FishForMessage<SubscriptionMessages.SubscriptionEnded>(e => e.Id == id);
        var limit = Assert.IsType<ScannerLimitReached>(ended.Failure);
        Assert.Equal((10, 0), (limit.Limit, limit.Running.Count));
        Assert.Contains("Only 10 simultaneous API scanner subscriptions are allowed.", limit.GatewayMessage);
        Assert.Contains("the gateway allows 10 scanner subscriptions at a time", limit.Reason);
    }
}
