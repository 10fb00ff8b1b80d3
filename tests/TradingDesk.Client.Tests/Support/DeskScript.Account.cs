using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// Managed accounts, account updates, one position's P&L, keep-up-to-date bars, snapshots and the market data type.
public sealed partial class DeskScript
{
    public ScriptedUnary<W.GetManagedAccounts, W.ManagedAccountsList> ManagedAccounts { get; } = new("GetManagedAccounts");
    public ScriptedUnary<W.GetMarketDataSnapshot, W.MarketDataSnapshot> Snapshot { get; } = new("GetMarketDataSnapshot");
    public ScriptedUnary<W.SetMarketDataType, W.MarketDataTypeSet> MarketDataType { get; } = new("SetMarketDataType");
    public ScriptedStream<W.SubscribeAccountUpdates, W.AccountUpdatesEvent> AccountUpdates { get; } = new();
    public ScriptedStream<W.SubscribePnLSingle, W.PnLSingleEvent> PnLSingle { get; } = new();
    public ScriptedStream<W.SubscribeHistoricalBars, W.HistoricalBarsEvent> HistoricalBars { get; } = new();
}
