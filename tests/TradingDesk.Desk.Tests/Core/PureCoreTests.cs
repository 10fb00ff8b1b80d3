using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using TradingDesk.Desk.Routing;
using Xunit;

namespace TradingDesk.Desk.Tests.Core;

public sealed class BackoffTests
{
    [Fact]
    public void Delays_follow_fibonacci_in_units_and_stop_at_the_cap()
    {
        var unit = TimeSpan.FromSeconds(1);
        var cap = TimeSpan.FromSeconds(60);
        var delays = Enumerable.Range(1, 12).Select(a => Backoff.Delay(a, unit, cap).TotalSeconds).ToArray();
        Assert.Equal(new double[] { 1, 2, 3, 5, 8, 13, 21, 34, 55, 60, 60, 60 }, delays);
        Assert.Equal(TimeSpan.FromSeconds(60), Backoff.Delay(10_000, unit, cap));
    }
}

public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData(2104)] [InlineData(2100)] [InlineData(2199)] [InlineData(10167)] [InlineData(10090)] [InlineData(165)]
    [InlineData(317)] [InlineData(105)] [InlineData(110)] [InlineData(329)] [InlineData(399)] [InlineData(404)] [InlineData(434)] [InlineData(492)]
    public void Warnings_keep_the_request_open(int code) => Assert.Equal(ErrorSeverity.Warning, ErrorClassifier.Classify(code));

    [Theory]
    [InlineData(200)] [InlineData(162)] [InlineData(321)] [InlineData(322)] [InlineData(354)] [InlineData(10089)] [InlineData(300)] [InlineData(101)] [InlineData(2200)]
    public void Other_codes_end_the_request(int code) => Assert.Equal(ErrorSeverity.Terminal, ErrorClassifier.Classify(code));
}

public sealed class PacingQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    private static GatewayMessages.Outbound Data(int id) => new(new ContractDataRequest { ReqId = id }, OutboundPriority.Data, id);

    private static GatewayMessages.Outbound Hist(int id, string symbol = "AAPL", string what = "TRADES", string duration = "1 D") =>
        new(new HistoricalDataRequest { ReqId = id, Contract = new Contract { Symbol = symbol, SecType = "STK", Exchange = "SMART", Currency = "USD" }, Duration = duration, BarSizeSetting = "1 min", WhatToShow = what },
            OutboundPriority.Historical, id);

    /// <summary>Drives the queue in 1 ms steps and returns the send times.</summary>
    private static List<(DateTimeOffset At, IMessage Message)> Run(PacingQueue queue, TimeSpan span)
    {
        var sent = new List<(DateTimeOffset, IMessage)>();
        for (var t = T0; t <= T0 + span; t += TimeSpan.FromMilliseconds(1))
            while (queue.TryTake(t) is { } e) sent.Add((t, e.Message));
        return sent;
    }

    [Fact]
    public void Orders_go_before_data_and_data_before_historical()
    {
        var q = new PacingQueue(45, 10);
        q.Enqueue(Hist(1), T0);
        q.Enqueue(Data(2), T0);
        q.Enqueue(new GatewayMessages.Outbound(new CancelOrderRequest { OrderId = 3 }, OutboundPriority.Order), T0);
        Assert.IsType<CancelOrderRequest>(q.TryTake(T0)!.Message);
        Assert.IsType<ContractDataRequest>(q.TryTake(T0)!.Message);
        Assert.IsType<HistoricalDataRequest>(q.TryTake(T0)!.Message);
    }

    [Fact]
    public void Never_more_than_the_rate_in_any_one_second_window_and_never_more_than_the_burst_at_once()
    {
        var q = new PacingQueue(45, 10);
        for (var i = 0; i < 300; i++) q.Enqueue(Data(i), T0);
        var sent = Run(q, TimeSpan.FromSeconds(10));
        Assert.Equal(300, sent.Count);
        // One second plus the default 100 ms jitter margin.
        for (var i = 0; i + 45 < sent.Count; i++)
            Assert.True(sent[i + 45].At - sent[i].At >= TimeSpan.FromMilliseconds(1100), $"46 messages within 1.1 s at {i}");
        Assert.True(sent.GroupBy(s => s.At).Max(g => g.Count()) <= 10);
        // Ordered as queued.
        Assert.Equal(Enumerable.Range(0, 300), sent.Select(s => ((ContractDataRequest)s.Message).ReqId));
    }

    [Fact]
    public void Withdraw_removes_queued_messages_by_key_and_status_reports_queues()
    {
        var q = new PacingQueue(1, 1);
        q.Enqueue(Data(1), T0);
        q.Enqueue(Data(2), T0);
        q.Enqueue(Hist(3), T0);
        Assert.Equal(1, q.Withdraw(2));
        var status = q.Status(T0 + TimeSpan.FromSeconds(3), connected: true);
        Assert.Equal(1, status.QueuedData);
        Assert.Equal(1, status.QueuedHistorical);
        Assert.Equal(TimeSpan.FromSeconds(3), status.OldestWait);
    }

    [Fact]
    public void Identical_historical_requests_are_15_seconds_apart()
    {
        var q = new PacingQueue(45, 10);
        q.Enqueue(Hist(1), T0);
        q.Enqueue(Hist(2), T0); // identical apart from the id
        var sent = Run(q, TimeSpan.FromSeconds(20));
        Assert.Equal(2, sent.Count);
        Assert.True(sent[1].At - sent[0].At > TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void At_most_five_per_contract_exchange_and_whatToShow_within_2_seconds_and_others_pass()
    {
        var q = new PacingQueue(45, 45);
        for (var i = 0; i < 8; i++) q.Enqueue(Hist(i, duration: $"{i + 1} D"), T0);
        q.Enqueue(Hist(100, symbol: "MSFT"), T0);
        var sent = Run(q, TimeSpan.FromSeconds(10));
        Assert.Equal(9, sent.Count);
        var aapl = sent.Where(s => ((HistoricalDataRequest)s.Message).Contract.Symbol == "AAPL").Select(s => s.At).ToList();
        for (var i = 0; i + 5 < aapl.Count; i++) Assert.True(aapl[i + 5] - aapl[i] > TimeSpan.FromSeconds(2));
        // MSFT did not wait behind the busy AAPL group.
        Assert.Equal(T0, sent.Single(s => ((HistoricalDataRequest)s.Message).Contract.Symbol == "MSFT").At);
    }

    [Fact]
    public void At_most_60_historical_requests_in_ten_minutes()
    {
        var p = new HistoricalPacing();
        var t = T0;
        var sentAt = new List<DateTimeOffset>();
        for (var i = 0; i < 70; i++)
        {
            var request = Hist(i, symbol: $"S{i}").Message;
            var wait = p.DelayFor(request, t);
            t += wait;
            Assert.Equal(TimeSpan.Zero, p.DelayFor(request, t));
            p.Record(request, t);
            sentAt.Add(t);
        }
        for (var i = 0; i + 60 < sentAt.Count; i++) Assert.True(sentAt[i + 60] - sentAt[i] > TimeSpan.FromMinutes(10));
        Assert.Equal(T0, sentAt[59]);
    }

    [Fact]
    public void Bid_ask_counts_twice_towards_the_ten_minute_limit()
    {
        var p = new HistoricalPacing();
        for (var i = 0; i < 30; i++) p.Record(Hist(i, symbol: $"S{i}", what: "BID_ASK").Message, T0);
        Assert.True(p.DelayFor(Hist(99, symbol: "X").Message, T0) > TimeSpan.Zero);
    }
}

public sealed class LineTableTests
{
    private static readonly LineKey Aapl = new("mkt", "AAPL|");

    [Fact]
    public void Subscribers_of_one_key_share_one_line_until_the_last_leaves()
    {
        var t = LineTable<string>.Empty;
        var (t1, line, r1) = t.Join(Aapl, "a", new SubscriptionId(1));
        var (t2, shared, r2) = t1.Join(Aapl, "b", new SubscriptionId(2));
        Assert.Equal(LineTable<string>.JoinResult.NewLine, r1);
        Assert.Equal(LineTable<string>.JoinResult.Joined, r2);
        Assert.Equal(line.Id, shared.Id);
        Assert.Equal(2, shared.Total);

        var (t3, left, stays, changed) = t2.Leave(line.Id, "a");
        Assert.True(changed);
        Assert.False(stays);
        Assert.NotNull(left);
        var (t4, gone, _, _) = t3.Leave(line.Id, "b");
        Assert.Null(gone);
        Assert.Empty(t4.ByKey);
        Assert.Empty(t4.ById);
        // Idempotent.
        Assert.False(t4.Leave(line.Id, "b").Changed);
    }

    [Fact]
    public void A_subscriber_joining_twice_holds_two_references_and_leave_all_drops_them()
    {
        var (t, line, _) = LineTable<string>.Empty.Join(Aapl, "a", new SubscriptionId(1));
        (t, _, _) = t.Join(Aapl, "a", new SubscriptionId(9));
        (t, _, _) = t.Join(new LineKey("mkt", "MSFT|"), "a", new SubscriptionId(2));
        (t, _, _) = t.Join(new LineKey("mkt", "MSFT|"), "b", new SubscriptionId(3));
        var (afterOne, _, stays, _) = t.Leave(line.Id, "a");
        Assert.True(stays);
        var (afterAll, left) = afterOne.LeaveAll("a");
        Assert.Equal(2, left.Count);
        Assert.Contains((line.Id, true), left);
        Assert.Contains((new SubscriptionId(2), false), left);
        Assert.Single(afterAll.ByKey);
    }
}

public sealed class DeskOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_bad_values_say_what_to_change()
    {
        new DeskOptions().Validate();
        var ex = Assert.Throws<ArgumentException>(() => new DeskOptions { Port = 0, MessagesPerSecond = 60, MaxVersion = 90 }.Validate());
        Assert.Contains("Port 0", ex.Message);
        Assert.Contains("MessagesPerSecond 60", ex.Message);
        Assert.Contains("MaxVersion 90", ex.Message);
    }

    [Fact]
    public void Inbound_routes_tell_order_ids_from_request_ids()
    {
        Assert.True(InboundRoutes.IsOrderFamily(new OrderStatus()));
        Assert.True(InboundRoutes.IsOrderFamily(new ExecutionDetails()));
        Assert.False(InboundRoutes.IsOrderFamily(new TickPrice()));
        Assert.Equal(1_000_000_007, InboundRoutes.RequestIdOf(new TickPrice { ReqId = 1_000_000_007 }));
        Assert.Equal(5, InboundRoutes.RequestIdOf(new SecDefOptParameterEnd { ReqId = 5 }));
        Assert.Null(InboundRoutes.RequestIdOf(new PositionEnd()));
    }
}
