using Akka.Actor;
using Akka.TestKit.Xunit2;
using TradingDesk.Cluster.Messages;
using TradingDesk.Cluster.Node;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Testing.Metrics;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Cluster.Tests.Core;

/// <summary>A strategy node's link measures how long each batch of stream items took from the desk's outlet to it.</summary>
public sealed class DeliveryMetricsTests(ITestOutputHelper output)
    : TestKit("akka.actor.provider = cluster\nakka.remote.dot-netty.tcp.port = 0\nakka.loglevel = INFO", output)
{
    [Fact]
    public async Task A_batch_from_the_desk_is_delivered_and_its_time_in_flight_recorded_on_the_node()
    {
        using var capture = new MeterCapture(DeskMetrics.For(Sys).Meter);
        var link = Sys.ActorOf(DeskLink.Props(CreateTestProbe().Ref), DeskLink.Name);
        var strategy = CreateTestProbe();
        var notice = new SubscriptionMessages.SubscriptionNotice(new SubscriptionId(3), 10167, "delayed data", Sys.Scheduler.Now);
        var sentAt = Sys.Scheduler.Now - TimeSpan.FromMilliseconds(40);

        link.Tell(new StreamMessages.StreamBatch("outlet", 1, [new StreamMessages.StreamEntry([strategy.Ref], notice, 0)], sentAt));

        strategy.ExpectMsg(notice);
        await capture.WhenAsync(m => m.Instrument == "tradingdesk.remote.delivery.latency");
        var latency = Assert.Single(capture.Of("tradingdesk.remote.delivery.latency"));
        Assert.InRange(latency.Value, 0.040, 30);

        // A batch from a desk that does not stamp its batches is delivered and measures nothing.
        link.Tell(new StreamMessages.StreamBatch("outlet", 2, [new StreamMessages.StreamEntry([strategy.Ref], notice, 0)], null));
        strategy.ExpectMsg(notice);
        Assert.Single(capture.Of("tradingdesk.remote.delivery.latency"));
    }
}
