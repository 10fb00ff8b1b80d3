using System.Diagnostics;
using System.Threading.Channels;
using IBApi.protobuf;
using Akka.Actor;
using TradingDesk.Desk;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Routing;
using Contract = TradingDesk.Desk.Domain.Contract;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Benchmarks.Desk;

/// <summary>
/// Fan-out of one market-data line to N subscribers, in process: inbound TickPrice messages are told to the line's
/// SubscriptionActor (as the router does), which maps each to a Tick once and tells it to every subscriber.
/// Baseline in the same run: a plain actor re-telling each message to the same subscribers (no mapping).
/// </summary>
internal static class FanOut
{
    /// <summary>
    /// Deliveries per second, and per delivery: thread-pool work items completed (Akka.NET runs each mailbox turn as
    /// one) and bytes allocated, process-wide, over the measured interval (what ThreadingDiagnoser and
    /// MemoryDiagnoser report in BenchmarkDotNet).
    /// </summary>
    public sealed record Measurement(double PerSecond, double WorkItemsPerDelivery, double BytesPerDelivery);

    public sealed record Result(Measurement Desk, Measurement Broadcaster, Measurement Channels);

    public static async Task<Result> RunAsync(int subscribers, long deliveries)
    {
        var ticks = (int)Math.Max(2_000, deliveries / subscribers);
        return new Result(await MeasureAsync(subscribers, ticks, desk: true), await MeasureAsync(subscribers, ticks, desk: false),
            await MeasureChannelsAsync(subscribers, ticks));
    }

    private static async Task<Measurement> MeasureAsync(int subscriberCount, int ticks, bool desk)
    {
        var system = BenchSystems.Create("fanout");
        try
        {
            var countdown = new CountingSink.Countdown((long)ticks * subscriberCount);
            var counted = desk ? typeof(Tick) : typeof(GatewayMessages.Inbound);
            var subscribers = Enumerable.Range(0, subscriberCount)
                .Select(_ => system.ActorOf(Props.Create(() => new CountingSink(countdown, counted)))).ToArray();
            var pacer = system.ActorOf(Props.Create(() => new CountingSink(new CountingSink.Countdown(long.MaxValue), null)));
            IActorRef line;
            if (desk)
            {
                line = system.ActorOf(SubscriptionActor.Props(new MarketDataStream(new SubscribeMarketData(Contract.Stock("AAPL"))),
                    new SubscriptionId(1), subscribers[0], pacer, InboundRoutes.FirstRequestId));
                foreach (var s in subscribers.Skip(1)) line.Tell(new RouterInternal.AddSubscriber(s));
            }
            else line = system.ActorOf(Props.Create(() => new PlainBroadcaster(subscribers)));

            var inbound = Inbound(ticks);
            return await Counted((long)ticks * subscriberCount, countdown.Done.Task, () =>
            {
                foreach (var m in inbound) line.Tell(m);
            });
        }
        finally
        {
            await system.Terminate();
        }
    }

    /// <summary>
    /// The same fan-out without actors: one producer writes each item to N unbounded channels, each drained by its own
    /// consumer task (what a subscriber's mailbox and its turn are, as raw primitives).
    /// </summary>
    private static async Task<Measurement> MeasureChannelsAsync(int subscriberCount, int ticks)
    {
        var countdown = new CountingSink.Countdown((long)ticks * subscriberCount);
        var channels = Enumerable.Range(0, subscriberCount)
            .Select(_ => Channel.CreateUnbounded<GatewayMessages.Inbound>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true })).ToArray();
        var consumers = channels.Select(c => Task.Run(async () =>
        {
            while (await c.Reader.WaitToReadAsync().ConfigureAwait(false))
                while (c.Reader.TryRead(out _)) countdown.Signal();
        })).ToArray();
        var inbound = Inbound(ticks);
        var result = await Counted((long)ticks * subscriberCount, countdown.Done.Task, () =>
        {
            foreach (var m in inbound)
                for (var i = 0; i < channels.Length; i++) channels[i].Writer.TryWrite(m);
        });
        foreach (var c in channels) c.Writer.Complete();
        await Task.WhenAll(consumers);
        return result;
    }

    private static GatewayMessages.Inbound[] Inbound(int ticks) => Enumerable.Range(0, ticks)
        .Select(i => new GatewayMessages.Inbound(new TickPrice { ReqId = InboundRoutes.FirstRequestId, TickType = 1, Price = 100 + i % 100 * 0.01, Size = "100" }, DateTimeOffset.UtcNow))
        .ToArray();

    private static async Task<Measurement> Counted(long deliveries, Task done, Action produce)
    {
        var items = ThreadPool.CompletedWorkItemCount;
        var bytes = GC.GetTotalAllocatedBytes(precise: false);
        var watch = Stopwatch.StartNew();
        produce();
        await done.WaitAsync(TimeSpan.FromMinutes(2));
        var elapsed = watch.Elapsed;
        return new Measurement(deliveries / elapsed.TotalSeconds, (ThreadPool.CompletedWorkItemCount - items) / (double)deliveries,
            (GC.GetTotalAllocatedBytes(precise: false) - bytes) / (double)deliveries);
    }
}

/// <summary>
/// Retained heap per subscription, through the real RouterActor (a sink stands in for the pacer): per new line
/// (distinct contracts: router tables, line actor, plan) and per extra subscriber of an existing line.
/// </summary>
internal static class SubscriptionMemory
{
    public static async Task<(double PerLine, double PerSharedSubscriber)> RunAsync(int count)
    {
        var system = BenchSystems.Create("memory");
        try
        {
            var outbound = new CountingSink.Countdown(count);
            var pacer = system.ActorOf(Props.Create(() => new CountingSink(outbound, typeof(GatewayMessages.Outbound))));
            var router = system.ActorOf(RouterActor.Props(new DeskOptions(), pacer, pacer));
            var replies = new CountingSink.Countdown(long.MaxValue);
            var one = system.ActorOf(Props.Create(() => new CountingSink(replies, null)));

            var before = Heap();
            for (var i = 0; i < count; i++) router.Tell(new SubscribeMarketData(Contract.Stock($"S{i}")), one);
            await outbound.Done.Task.WaitAsync(TimeSpan.FromMinutes(1));
            var perLine = (Heap() - before) / (double)count;

            // Subscribers must exist before the baseline is taken: only the subscription itself is measured.
            var subscribed = new CountingSink.Countdown(count);
            var subscribers = Enumerable.Range(0, count).Select(_ => system.ActorOf(Props.Create(() => new CountingSink(subscribed, typeof(SubscriptionMessages.Subscribed))))).ToArray();
            var before2 = Heap();
            foreach (var s in subscribers) router.Tell(new SubscribeMarketData(Contract.Stock("S0")), s);
            await subscribed.Done.Task.WaitAsync(TimeSpan.FromMinutes(1));
            await Task.Delay(200); // the line actor handles its AddSubscriber messages
            var perShared = (Heap() - before2) / (double)count;
            GC.KeepAlive(subscribers);
            return (perLine, perShared);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
