using TradingDesk.Client.Mapping;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

// Market data beyond the shared streams: keep-up-to-date bars, snapshots, and the desk-wide market data type.
public sealed partial class DeskClient
{
    /// <summary>Bars that keep up to date, in IB's terms (<paramref name="duration"/> "1800 S", <paramref name="barSize"/>
    /// "1 min"): the <see cref="HistoricalBarsHistory"/> up to now, then every <see cref="HistoricalBarUpdate"/> of the last
    /// bar. Each call has a gateway request of its own, paced as IB's historical requests are.</summary>
    public IAsyncEnumerable<HistoricalBarsItem> HistoricalBars(
        ContractSpec contract, string duration, string barSize, WhatToShow whatToShow = WhatToShow.Trades, bool useRth = true,
        CancellationToken cancellationToken = default)
    {
        var request = new W.SubscribeHistoricalBars
        {
            Contract = Check(contract).ToWire(), Duration = duration ?? "", BarSize = barSize ?? "", WhatToShow = whatToShow.ToWire(), UseRth = useRth,
        };
        return Stream("StreamHistoricalBars", o => _desk.StreamHistoricalBars(request, o), StreamMapping.HistoricalBars, cancellationToken);
    }

    /// <summary>One snapshot of <paramref name="contract"/>'s quote: a gateway request of its own, not a share of a line.</summary>
    public Task<MarketDataSnapshot> GetMarketDataSnapshotAsync(ContractSpec contract, CancellationToken cancellationToken = default) =>
        Call("GetMarketDataSnapshot", _desk.GetMarketDataSnapshotAsync(new W.GetMarketDataSnapshot { Contract = Check(contract).ToWire() }, Unary(cancellationToken)),
            StreamMapping.Snapshot);

    /// <summary>
    /// Desk-wide: sets the market data type of the desk's one gateway connection, so of every later line and snapshot of
    /// every client and strategy of the desk, not of this client's alone (open lines keep theirs until they re-open). A
    /// trading call: a read-only token gets <see cref="PermissionDeniedException"/>. Returns the type the desk queued.
    /// </summary>
    public Task<MarketDataType> SetMarketDataTypeAsync(MarketDataType type, CancellationToken cancellationToken = default) =>
        Call("SetMarketDataType", _desk.SetMarketDataTypeAsync(new W.SetMarketDataType { Type = type.ToWire() }, Unary(cancellationToken)),
            r => r.Type.FromWire("type"));
}
