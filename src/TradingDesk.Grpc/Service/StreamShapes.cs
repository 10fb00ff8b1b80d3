using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Mapping;
using TradingDesk.Grpc.Streams;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

/// <summary>How each stream of the service maps the desk's items to its wire events (through the cluster's mapping).</summary>
internal sealed class StreamShapes(DeskWire wire)
{
    // A reroute notice is an item of the stream it concerns, not a desk-wide notice: the desk tells it to the line's
    // subscribers only, in order with the line's ticks, and a client reading "this line is served via exchange X"
    // wants it beside the data it explains. It is never conflated (only ticks are).
    public StreamShape<W.MarketDataEvent> MarketData { get; } = new(m => m is MarketDataMessages.Tick or MarketDataMessages.MarketDataTypeChanged
        or OptionMessages.OptionComputation or LineNotices.LineRerouted or MarketDataMessages.LineParameters, m => m switch
    {
        MarketDataMessages.Tick t => new W.MarketDataEvent { Tick = wire.Out(t, W.Tick.Parser) },
        MarketDataMessages.MarketDataTypeChanged c => new W.MarketDataEvent { MarketDataTypeChanged = wire.Out(c, W.MarketDataTypeChanged.Parser) },
        OptionMessages.OptionComputation o => new W.MarketDataEvent { OptionComputation = wire.Out(o, W.OptionComputation.Parser) },
        LineNotices.LineRerouted r => new W.MarketDataEvent { Rerouted = wire.Out(r, W.LineRerouted.Parser) },
        MarketDataMessages.LineParameters p => new W.MarketDataEvent { LineParameters = wire.Out(p, W.LineParameters.Parser) },
        _ => null,
    }, n => new W.MarketDataEvent { Note = n }, ConflateTicks: true);

    public StreamShape<W.TickByTickEvent> TickByTick { get; } = new(m => m is MarketDataMessages.TickByTick, m => m is MarketDataMessages.TickByTick t
        ? new W.TickByTickEvent { Tick = wire.Out(t, W.TickByTick.Parser) }
        : null, n => new W.TickByTickEvent { Note = n }, ConflateTicks: false);

    public StreamShape<W.MarketDepthEvent> Depth { get; } = new(m => m is MarketDataMessages.DepthUpdate or LineNotices.LineRerouted, m => m switch
    {
        MarketDataMessages.DepthUpdate u => new W.MarketDepthEvent { Update = wire.Out(u, W.DepthUpdate.Parser) },
        LineNotices.LineRerouted r => new W.MarketDepthEvent { Rerouted = wire.Out(r, W.LineRerouted.Parser) },
        _ => null,
    }, n => new W.MarketDepthEvent { Note = n }, ConflateTicks: false);

    public StreamShape<W.RealTimeBarEvent> RealTimeBars { get; } = new(m => m is MarketDataMessages.RealTimeBar, m => m is MarketDataMessages.RealTimeBar b
        ? new W.RealTimeBarEvent { Bar = wire.Out(b, W.RealTimeBar.Parser) }
        : null, n => new W.RealTimeBarEvent { Note = n }, ConflateTicks: false);

    public StreamShape<W.PnLEvent> PnL { get; } = new(m => m is AccountMessages.PnLItem, m => m is AccountMessages.PnLItem p
        ? new W.PnLEvent { Pnl = wire.Out(p, W.PnLItem.Parser) }
        : null, n => new W.PnLEvent { Note = n }, ConflateTicks: false);

    public StreamShape<W.PnLSingleEvent> PnLSingle { get; } = new(m => m is AccountMessages.PnLSingleItem, m => m is AccountMessages.PnLSingleItem p
        ? new W.PnLSingleEvent { Pnl = wire.Out(p, W.PnLSingleItem.Parser) }
        : null, n => new W.PnLSingleEvent { Note = n }, ConflateTicks: false);

    public StreamShape<W.AccountUpdatesEvent> AccountUpdates { get; } = new(m => m is AccountMessages.AccountValueItem or AccountMessages.PortfolioItem
        or AccountMessages.AccountTime or AccountMessages.AccountDownloadEnd, m => m switch
    {
        AccountMessages.AccountValueItem v => new W.AccountUpdatesEvent { Value = wire.Out(v, W.AccountValueItem.Parser) },
        AccountMessages.PortfolioItem p => new W.AccountUpdatesEvent { Portfolio = wire.Out(p, W.PortfolioItem.Parser) },
        AccountMessages.AccountTime t => new W.AccountUpdatesEvent { AccountTime = wire.Out(t, W.AccountTime.Parser) },
        AccountMessages.AccountDownloadEnd e => new W.AccountUpdatesEvent { End = wire.Out(e, W.AccountDownloadEnd.Parser) },
        _ => null,
    }, n => new W.AccountUpdatesEvent { Note = n }, ConflateTicks: false);

    // The history is an item of the stream (the desk sends it after Subscribed, as the first item of the line), not a reply.
    public StreamShape<W.HistoricalBarsEvent> HistoricalBars { get; } = new(m => m is HistoricalDataMessages.HistoricalBars or HistoricalDataMessages.BarUpdate, m => m switch
    {
        HistoricalDataMessages.HistoricalBars h => new W.HistoricalBarsEvent { History = wire.Out(h, W.HistoricalBars.Parser) },
        HistoricalDataMessages.BarUpdate u => new W.HistoricalBarsEvent { Update = wire.Out(u, W.BarUpdate.Parser) },
        _ => null,
    }, n => new W.HistoricalBarsEvent { Note = n }, ConflateTicks: false);

    // Options and scanners
    public StreamShape<W.ScannerEvent> Scanner { get; } = new(m => m is ScannerMessages.ScannerResults, m => m is ScannerMessages.ScannerResults r
        ? new W.ScannerEvent { Results = wire.Out(r, W.ScannerResults.Parser) }
        : null, n => new W.ScannerEvent { Note = n }, ConflateTicks: false);

    public W.OrderUpdate OrderUpdate(OrderEvents.IOrderEvent e) => e switch
    {
        OrderEvents.OrderStatusChanged s => new W.OrderUpdate { Status = wire.Out(s, W.OrderStatusChanged.Parser) },
        OrderEvents.OpenOrderUpdated o => new W.OrderUpdate { OpenOrder = wire.Out(o, W.OpenOrderUpdated.Parser) },
        OrderEvents.Filled f => new W.OrderUpdate { Fill = wire.Out(f, W.Filled.Parser) },
        OrderEvents.CommissionReported c => new W.OrderUpdate { Commission = wire.Out(c, W.CommissionReported.Parser) },
        OrderEvents.OrderRejected r => new W.OrderUpdate { Rejected = wire.Out(r, W.OrderRejected.Parser) },
        OrderEvents.OrderLost l => new W.OrderUpdate { Lost = wire.Out(l, W.OrderLost.Parser) },
        OrderEvents.OrderNotice n => new W.OrderUpdate { Notice = wire.Out(n, W.OrderNotice.Parser) },
        _ => throw new InvalidOperationException($"{e.GetType().Name} is an order event the wire contract has no case for"),
    };
}
