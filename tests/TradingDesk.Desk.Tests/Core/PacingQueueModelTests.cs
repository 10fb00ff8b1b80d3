using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Pacing;
using Xunit;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>Seeded random traffic through the pacing core: every rule holds at every send, and nothing is lost.</summary>
public sealed class PacingQueueModelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1)] [InlineData(7)] [InlineData(99)]
    public void Random_traffic_keeps_every_rule_and_loses_nothing(int seed)
    {
        var random = new Random(seed);
        var queue = new PacingQueue(45, 5);
        var arrivals = new List<(DateTimeOffset At, GatewayMessages.Outbound Message)>();
        var t = T0;
        for (var i = 0; i < 400; i++)
        {
            t += TimeSpan.FromMilliseconds(random.Next(0, 40));
            IMessage message = random.Next(8) switch
            {
                0 => new CancelOrderRequest { OrderId = i },
                1 or 2 or 3 or 4 or 5 => new ContractDataRequest { ReqId = i },
                _ => new HistoricalDataRequest
                {
                    ReqId = i,
                    Contract = new Contract { Symbol = $"S{random.Next(4)}", SecType = "STK", Exchange = "SMART", Currency = "USD" },
                    Duration = $"{random.Next(1, 4)} D", BarSizeSetting = "1 min", WhatToShow = random.Next(4) == 0 ? "BID_ASK" : "TRADES",
                },
            };
            var priority = message is CancelOrderRequest ? OutboundPriority.Order : message is HistoricalDataRequest ? OutboundPriority.Historical : OutboundPriority.Data;
            arrivals.Add((t, new GatewayMessages.Outbound(message, priority)));
        }

        var sent = new List<(DateTimeOffset At, IMessage Message)>();
        var next = 0;
        // Time jumps to the next arrival or to when the queue says it can send next (as the actor's pump timer does).
        var now = T0;
        while (now < T0 + TimeSpan.FromHours(1) && (next < arrivals.Count || queue.Count > 0))
        {
            while (next < arrivals.Count && arrivals[next].At <= now) queue.Enqueue(arrivals[next++].Message, now);
            while (queue.TryTake(now) is { } e) sent.Add((now, e.Message));
            var step = queue.NextDelay(now) ?? TimeSpan.MaxValue;
            if (next < arrivals.Count && arrivals[next].At - now < step) step = arrivals[next].At - now;
            if (step == TimeSpan.MaxValue) break; // nothing queued, nothing to come
            now += step > TimeSpan.FromMilliseconds(1) ? step : TimeSpan.FromMilliseconds(1);
        }

        Assert.Equal(arrivals.Count, sent.Count); // nothing lost
        for (var i = 0; i + 45 < sent.Count; i++) Assert.True(sent[i + 45].At - sent[i].At > TimeSpan.FromSeconds(1), "rate");

        var historical = sent.Where(s => s.Message is HistoricalDataRequest).Select(s => (s.At, Request: (HistoricalDataRequest)s.Message)).ToList();
        foreach (var (at, request) in historical)
        {
            var (identity, group, _) = HistoricalPacing.Describe(request);
            var earlier = historical.Where(h => h.At <= at && !ReferenceEquals(h.Request, request)).ToList();
            Assert.DoesNotContain(earlier, h => HistoricalPacing.Describe(h.Request).Identity == identity && at - h.At <= TimeSpan.FromSeconds(15));
            Assert.True(earlier.Count(h => HistoricalPacing.Describe(h.Request).Group == group && at - h.At <= TimeSpan.FromSeconds(2)) < 5, "group");
            Assert.True(earlier.Where(h => at - h.At <= TimeSpan.FromMinutes(10)).Sum(h => HistoricalPacing.Describe(h.Request).Weight) + HistoricalPacing.Describe(request).Weight <= 60, "ten minutes");
        }

        // Orders and data keep their arrival order.
        Assert.Equal(arrivals.Select(a => a.Message.Message).OfType<CancelOrderRequest>().Select(c => c.OrderId), sent.Select(s => s.Message).OfType<CancelOrderRequest>().Select(c => c.OrderId));
        Assert.Equal(arrivals.Select(a => a.Message.Message).OfType<ContractDataRequest>().Select(c => c.ReqId), sent.Select(s => s.Message).OfType<ContractDataRequest>().Select(c => c.ReqId));
    }
}
