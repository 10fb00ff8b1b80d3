using System.Runtime.Serialization;
using TradingDesk.Client.Mapping;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The streams the server tests do not cover, mapped from the wire directly.</summary>
public sealed class StreamMappingTests
{
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    [Fact]
    public void An_order_status_without_a_gateway_time_maps_with_none_as_the_desk_sends_it()
    {
        // IB's orderStatus carries no time: the desk leaves gateway_time unset on every status.
        var item = OrderMapping.Update(new W.OrderUpdate
        {
            Status = new W.OrderStatusChanged { OrderId = 7, Status = W.OrderStatus.Submitted, Filled = "0", Remaining = "10", LocalTime = At },
        });

        var status = Assert.IsType<OrderStatusUpdate>(item);
        Assert.Equal((new OrderId(7), OrderStatus.Submitted, 10m), (status.OrderId, status.Status, status.Remaining));
        Assert.Null(status.GatewayTime);
    }

    [Fact]
    public void A_bid_ask_tick_by_tick_keeps_both_sides_exact()
    {
        var item = StreamMapping.TickByTick(new W.TickByTickEvent
        {
            Tick = new W.TickByTick { Type = W.TickByTickType.BidAsk, GatewayTime = At, BidPrice = "10.10", AskPrice = "10.12", BidSize = "3", AskSize = "5", LocalTime = At },
        });

        var t = Assert.IsType<TickByTickData>(item);
        Assert.Equal((TickByTickType.BidAsk, 10.10m, 10.12m, 3m, 5m), (t.Type, t.BidPrice, t.AskPrice, t.BidSize, t.AskSize));
        Assert.Null(t.Price);
    }

    [Fact]
    public void A_depth_row_maps_operation_and_side_and_an_unknown_side_names_its_field()
    {
        var update = new W.DepthUpdate { Position = 2, Operation = W.DepthOperation.Update, Side = W.DepthSide.Bid, Price = "99.99", Size = "400", LocalTime = At };

        var row = Assert.IsType<DepthRow>(StreamMapping.Depth(new W.MarketDepthEvent { Update = update }));
        Assert.Equal((2, DepthOperation.Update, DepthSide.Bid, 99.99m, 400m), (row.Position, row.Operation, row.Side, row.Price, row.Size));

        update.Side = W.DepthSide.Unspecified;
        var e = Assert.Throws<SerializationException>(() => StreamMapping.Depth(new W.MarketDepthEvent { Update = update }));
        Assert.Contains("update.side", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bar_a_pnl_and_a_resubscribed_note_map_to_their_records()
    {
        var bar = Assert.IsType<RealTimeBar>(StreamMapping.Bar(new W.RealTimeBarEvent
        {
            Bar = new W.RealTimeBar { GatewayTime = At, Open = "1.5", High = "1.75", Low = "1.25", Close = "1.50", Volume = "1200", Count = 9, LocalTime = At },
        }));
        Assert.Equal((1.5m, 1.75m, 1.25m, 1200m, 9), (bar.Open!.Value, bar.High!.Value, bar.Low!.Value, bar.Volume, bar.Count));
        Assert.Equal("1.50", bar.Close!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var pnl = Assert.IsType<PnLUpdate>(StreamMapping.PnL(new W.PnLEvent { Pnl = new W.PnLItem { Daily = "-12.34", LocalTime = At } }));
        Assert.Equal((-12.34m, (decimal?)null), (pnl.Daily!.Value, pnl.Realized));

        var note = Assert.IsType<PnLNote>(StreamMapping.PnL(new W.PnLEvent
        {
            Note = new W.StreamNote { Resubscribed = new W.Resubscribed { Id = 1, Reason = "reconnected", At = At } },
        }));
        Assert.Equal(new Resubscribed("reconnected", DeskScript.At), note.Note);
    }

    [Fact]
    public void Notices_map_the_kill_switch_with_its_cancelled_orders_and_a_missing_time_names_its_field()
    {
        var on = Assert.IsType<KillSwitchOn>(StreamMapping.Notice(new W.NoticeEvent
        {
            KillSwitchActivated = new W.KillSwitchActivated { Reason = "drawdown", CancelledOrders = { 4, 5 }, At = At },
        }));
        Assert.Equal([new OrderId(4), new OrderId(5)], on.CancelledOrders);

        var e = Assert.Throws<SerializationException>(() => StreamMapping.Notice(new W.NoticeEvent { Failover = new W.DeskFailover { PreviousDesk = "a", CurrentDesk = "b" } }));
        Assert.Contains("failover.at", e.Message, StringComparison.Ordinal);
    }
}
