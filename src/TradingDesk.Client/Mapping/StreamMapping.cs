using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Mapping;

/// <summary>
/// The market-data streams' wire events to the client's items, with the contract's own scalar readers (WireValues), so a
/// value the contract does not allow throws naming its field. A oneof left empty is a malformed event too: an event the
/// client cannot name is not dropped silently.
/// </summary>
internal static class StreamMapping
{
    public static StreamNote Note(W.StreamNote? w, string field)
    {
        w = Required(w, field);
        return w.KindCase switch
        {
            W.StreamNote.KindOneofCase.Resubscribed => new Resubscribed(w.Resubscribed.Reason, Time(w.Resubscribed.At, field + ".resubscribed.at")),
            W.StreamNote.KindOneofCase.Notice => new LineNotice(w.Notice.Code, w.Notice.Message, Time(w.Notice.At, field + ".notice.at")),
            W.StreamNote.KindOneofCase.Conflated => new Conflated(
                DomainWire.Tick(w.Conflated.TickType), w.Conflated.Skipped, Time(w.Conflated.At, field + ".conflated.at")),
            _ => throw Unknown(field),
        };
    }

    public static MarketDataItem MarketData(W.MarketDataEvent w) => w.KindCase switch
    {
        W.MarketDataEvent.KindOneofCase.Tick => new MarketTick(
            DomainWire.Tick(w.Tick.Type),
            DecOrNull(w.Tick.HasPrice, w.Tick.Price, "tick.price"),
            DecOrNull(w.Tick.HasSize, w.Tick.Size, "tick.size"),
            w.Tick.HasText ? w.Tick.Text : null,
            w.Tick.Attributes,
            Time(w.Tick.LocalTime, "tick.local_time")),
        W.MarketDataEvent.KindOneofCase.MarketDataTypeChanged => new MarketDataTypeChange(
            w.MarketDataTypeChanged.Type.FromWire("market_data_type_changed.type"),
            Time(w.MarketDataTypeChanged.LocalTime, "market_data_type_changed.local_time")),
        W.MarketDataEvent.KindOneofCase.Note => new MarketDataNote(Note(w.Note, "note")),
        W.MarketDataEvent.KindOneofCase.OptionComputation => OptionMapping.Computation(w.OptionComputation, "option_computation"),
        W.MarketDataEvent.KindOneofCase.Rerouted => new MarketDataRerouted(
            new ConId(w.Rerouted.ConId), w.Rerouted.Exchange, Time(w.Rerouted.LocalTime, "rerouted.local_time")),
        W.MarketDataEvent.KindOneofCase.LineParameters => new MarketDataLineParameters(
            DecOrNull(w.LineParameters.HasMinTick, w.LineParameters.MinTick, "line_parameters.min_tick"),
            w.LineParameters.HasBboExchange ? w.LineParameters.BboExchange : null,
            w.LineParameters.HasSnapshotPermissions ? w.LineParameters.SnapshotPermissions : null,
            Time(w.LineParameters.LocalTime, "line_parameters.local_time")),
        _ => throw Unknown("kind"),
    };

    public static TickByTickItem TickByTick(W.TickByTickEvent w)
    {
        if (w.KindCase == W.TickByTickEvent.KindOneofCase.Note) return new TickByTickNote(Note(w.Note, "note"));
        if (w.KindCase != W.TickByTickEvent.KindOneofCase.Tick) throw Unknown("kind");
        var t = w.Tick;
        return new TickByTickData(
            t.Type.FromWire("tick.type"), Time(t.GatewayTime, "tick.gateway_time"),
            DecOrNull(t.HasPrice, t.Price, "tick.price"), DecOrNull(t.HasSize, t.Size, "tick.size"),
            t.HasExchange ? t.Exchange : null, t.HasSpecialConditions ? t.SpecialConditions : null,
            DecOrNull(t.HasBidPrice, t.BidPrice, "tick.bid_price"), DecOrNull(t.HasAskPrice, t.AskPrice, "tick.ask_price"),
            DecOrNull(t.HasBidSize, t.BidSize, "tick.bid_size"), DecOrNull(t.HasAskSize, t.AskSize, "tick.ask_size"),
            Time(t.LocalTime, "tick.local_time"));
    }

    public static MarketDepthItem Depth(W.MarketDepthEvent w)
    {
        if (w.KindCase == W.MarketDepthEvent.KindOneofCase.Note) return new DepthNote(Note(w.Note, "note"));
        if (w.KindCase == W.MarketDepthEvent.KindOneofCase.Rerouted)
            return new DepthRerouted(new ConId(w.Rerouted.ConId), w.Rerouted.Exchange, Time(w.Rerouted.LocalTime, "rerouted.local_time"));
        if (w.KindCase != W.MarketDepthEvent.KindOneofCase.Update) throw Unknown("kind");
        var u = w.Update;
        return new DepthRow(
            u.Position, Enum<DepthOperation>((int)u.Operation, 1, "update.operation"), Enum<DepthSide>((int)u.Side, 1, "update.side"),
            DecOrNull(u.HasPrice, u.Price, "update.price"), Dec(u.Size, "update.size"), u.HasMarketMaker ? u.MarketMaker : null,
            u.IsSmartDepth, Time(u.LocalTime, "update.local_time"));
    }

    public static RealTimeBarItem Bar(W.RealTimeBarEvent w)
    {
        if (w.KindCase == W.RealTimeBarEvent.KindOneofCase.Note) return new BarNote(Note(w.Note, "note"));
        if (w.KindCase != W.RealTimeBarEvent.KindOneofCase.Bar) throw Unknown("kind");
        var b = w.Bar;
        return new RealTimeBar(
            Time(b.GatewayTime, "bar.gateway_time"),
            DecOrNull(b.HasOpen, b.Open, "bar.open"), DecOrNull(b.HasHigh, b.High, "bar.high"),
            DecOrNull(b.HasLow, b.Low, "bar.low"), DecOrNull(b.HasClose, b.Close, "bar.close"),
            Dec(b.Volume, "bar.volume"), DecOrNull(b.HasWap, b.Wap, "bar.wap"), b.Count, Time(b.LocalTime, "bar.local_time"));
    }

    public static PnLItem PnL(W.PnLEvent w)
    {
        if (w.KindCase == W.PnLEvent.KindOneofCase.Note) return new PnLNote(Note(w.Note, "note"));
        if (w.KindCase != W.PnLEvent.KindOneofCase.Pnl) throw Unknown("kind");
        var p = w.Pnl;
        return new PnLUpdate(
            DecOrNull(p.HasDaily, p.Daily, "pnl.daily"), DecOrNull(p.HasUnrealized, p.Unrealized, "pnl.unrealized"),
            DecOrNull(p.HasRealized, p.Realized, "pnl.realized"), Time(p.LocalTime, "pnl.local_time"));
    }

    public static HistoricalBarsItem HistoricalBars(W.HistoricalBarsEvent w) => w.KindCase switch
    {
        W.HistoricalBarsEvent.KindOneofCase.History => new HistoricalBarsHistory(
            w.History.Bars.Select((b, i) => OrderMapping.Bar(b, $"history.bars[{i}]")).ToList(), w.History.Start, w.History.End,
            Time(w.History.LocalTime, "history.local_time")),
        W.HistoricalBarsEvent.KindOneofCase.Update => new HistoricalBarUpdate(
            OrderMapping.Bar(Required(w.Update.Bar, "update.bar"), "update.bar"), Time(w.Update.LocalTime, "update.local_time")),
        W.HistoricalBarsEvent.KindOneofCase.Note => new HistoricalBarsNote(StreamMapping.Note(w.Note, "note")),
        _ => throw StreamMapping.Unknown("kind"),
    };

    public static MarketDataSnapshot Snapshot(W.MarketDataSnapshot w) => new(
        w.Contract.FromWire("contract"),
        w.Ticks.Select((t, i) => new MarketTick(
            DomainWire.Tick(t.Type), DecOrNull(t.HasPrice, t.Price, $"ticks[{i}].price"), DecOrNull(t.HasSize, t.Size, $"ticks[{i}].size"),
            t.HasText ? t.Text : null, t.Attributes, Time(t.LocalTime, $"ticks[{i}].local_time"))).ToList(),
        Time(w.LocalTime, "local_time"));

    public static NoticeItem Notice(W.NoticeEvent w) => w.KindCase switch
    {
        W.NoticeEvent.KindOneofCase.Gateway => new GatewayNotice(
            w.Gateway.Code, w.Gateway.Message, Enum<GatewayNoticeKind>((int)w.Gateway.Kind, 0, "gateway.kind"),
            TimeOrNull(w.Gateway.GatewayTime, "gateway.gateway_time"), Time(w.Gateway.LocalTime, "gateway.local_time")),
        W.NoticeEvent.KindOneofCase.Failover => new DeskFailover(
            w.Failover.PreviousDesk, w.Failover.CurrentDesk, Time(w.Failover.At, "failover.at")),
        W.NoticeEvent.KindOneofCase.KillSwitchActivated => new KillSwitchOn(
            w.KillSwitchActivated.Reason, w.KillSwitchActivated.CancelledOrders.Select(id => new OrderId(id)).ToList(),
            Time(w.KillSwitchActivated.At, "kill_switch_activated.at")),
        W.NoticeEvent.KindOneofCase.KillSwitchReleased => new KillSwitchOff(Time(w.KillSwitchReleased.At, "kill_switch_released.at")),
        _ => throw Unknown("kind"),
    };

    internal static System.Runtime.Serialization.SerializationException Unknown(string field) =>
        new($"field {field}: no case this client knows is set");
}
