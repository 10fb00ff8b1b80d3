using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Mapping;
using TradingDesk.Grpc.Streams;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

/// <summary>How the news streams map the desk's items to their wire events (through the cluster's mapping).</summary>
internal sealed class ResearchShapes(DeskWire wire)
{
    public StreamShape<W.NewsBulletinEvent> Bulletins { get; } = new(m => m is NewsMessages.NewsBulletin, m => m is NewsMessages.NewsBulletin b
        ? new W.NewsBulletinEvent { Bulletin = wire.Out(b, W.NewsBulletin.Parser) }
        : null, n => new W.NewsBulletinEvent { Note = n }, ConflateTicks: false);

    // Only the headlines of the market data line: its prices stay on StreamMarketData. Never conflated (each headline counts).
    public StreamShape<W.NewsTickEvent> NewsTicks { get; } = new(m => m is NewsMessages.NewsTick, m => m is NewsMessages.NewsTick t
        ? new W.NewsTickEvent { News = wire.Out(t, W.NewsTick.Parser) }
        : null, n => new W.NewsTickEvent { Note = n }, ConflateTicks: false);
}
