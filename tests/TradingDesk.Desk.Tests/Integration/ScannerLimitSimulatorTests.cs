using TradingDesk.Desk.Tests.Support;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.ScannerMessages;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>IB's limit of 10 simultaneous scanner subscriptions, kept by the desk, against the whole simulator (which keeps it too).</summary>
public sealed class ScannerLimitSimulatorTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(20)), IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<Google.Protobuf.IMessage> _handled = new();
    private GatewaySimulator _sim = null!;
    private IActorRef _desk = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        _sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, Start = SimulatorOptions.DefaultManualStart });
        _sim.Server.RequestHandled += (_, request) => _handled.Enqueue(request);
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        _desk = DeskSystem.Start(Sys, new DeskOptions { Port = _sim.Port, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    // Ten distinct scans the simulator runs: nine codes, and one of them twice with another row count.
    private static readonly SubscribeScanner[] Ten =
    [
        .. new[] { "TOP_PERC_GAIN", "TOP_PERC_LOSE", "MOST_ACTIVE", "MOST_ACTIVE_USD", "HOT_BY_VOLUME", "TOP_OPEN_PERC_GAIN",
            "TOP_OPEN_PERC_LOSE", "HIGH_OPT_IMP_VOLAT", "LOW_OPT_IMP_VOLAT" }.Select(code => Scan(code, 5)),
        Scan("MOST_ACTIVE", 6),
    ];

    private static SubscribeScanner Scan(string code, int rows) => new(new ScannerSpec { ScanCode = code, Rows = rows }, []);

    private SubscriptionId Subscribe(SubscribeScanner scan, Akka.TestKit.TestProbe? by = null)
    {
        var probe = by ?? CreateTestProbe();
        _desk.Tell(scan, probe.Ref);
        var id = probe.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        // The gateway ran it: a refused scan would end with a SubscriptionEnded instead.
        probe.FishForMessage<object>(m => m is ScannerResults r && r.Subscription == id || m is SubscriptionMessages.SubscriptionEnded);
        return id;
    }

    [Fact]
    public void An_eleventh_distinct_scan_is_refused_naming_the_ten_a_shared_scan_takes_no_slot_and_an_unsubscribe_frees_one()
    {
        var holders = Ten.Select(_ => CreateTestProbe()).ToArray();
        var ids = Ten.Select((scan, i) => Subscribe(scan, holders[i])).ToArray();

        // Joining a running scan (the same spec) shares its line: no new slot.
        var sharer = CreateTestProbe();
        _desk.Tell(Ten[2], sharer.Ref);
        Assert.Equal(ids[2], sharer.ExpectMsg<SubscriptionMessages.Subscribed>().Id);

        var eleventh = Scan("TOP_PERC_GAIN", 7);
        var asker = CreateTestProbe();
        _desk.Tell(eleventh, asker.Ref);
        var refused = asker.ExpectMsg<RequestFailed>();
        Assert.Same(eleventh, refused.Request);
        var limit = Assert.IsType<ScannerLimitReached>(refused.Failure);
        Assert.Equal((10, 10, null), (limit.Limit, limit.Running.Count, limit.GatewayMessage));
        Assert.Contains("MOST_ACTIVE (STK STK.US.MAJOR)", limit.Running);
        Assert.StartsWith("the gateway allows 10 scanner subscriptions at a time; 10 are running: ", limit.Reason);
        // Nothing reached the gateway: a later round trip on the same connection finds ten scans there.
        _desk.Tell(new ReferenceDataMessages.GetCurrentTime(), asker.Ref);
        asker.ExpectMsg<ReferenceDataMessages.CurrentTimeReply>();
        Assert.Equal(10, _handled.OfType<IBApi.protobuf.ScannerSubscriptionRequest>().Count());

        // The sharer leaves: its scan keeps running for its first holder, so the slot stays taken.
        _desk.Tell(new SubscriptionMessages.Unsubscribe(ids[2]), sharer.Ref);
        Assert.Null(sharer.ExpectMsg<SubscriptionMessages.SubscriptionEnded>().Failure);
        _desk.Tell(eleventh, asker.Ref);
        Assert.IsType<ScannerLimitReached>(asker.ExpectMsg<RequestFailed>().Failure);

        // Its last holder leaves: the slot is free, and the scan asked next runs at the gateway (which would refuse it
        // with its own 162 if it arrived before the cancel of the one released).
        _desk.Tell(new SubscriptionMessages.Unsubscribe(ids[2]), holders[2].Ref);
        holders[2].FishForMessage<SubscriptionMessages.SubscriptionEnded>(e => e.Id == ids[2]);
        _desk.Tell(eleventh, asker.Ref);
        var id = asker.ExpectMsg<SubscriptionMessages.Subscribed>().Id;
        var results = asker.FishForMessage<object>(m => m is ScannerResults r && r.Subscription == id || m is SubscriptionMessages.SubscriptionEnded);
        Assert.NotEmpty(Assert.IsType<ScannerResults>(results).Rows);
    }
}
