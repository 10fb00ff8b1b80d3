using Grpc.Core;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// Account and market data beyond the shared lines, as DeskScript.Account says.
public sealed partial class ScriptedDesk
{
    public override Task<W.ManagedAccountsList> GetManagedAccounts(W.GetManagedAccounts request, ServerCallContext context) =>
        script.ManagedAccounts.Answer(request, context);

    public override Task<W.MarketDataSnapshot> GetMarketDataSnapshot(W.GetMarketDataSnapshot request, ServerCallContext context) =>
        script.Snapshot.Answer(request, context);

    public override Task<W.MarketDataTypeSet> SetMarketDataType(W.SetMarketDataType request, ServerCallContext context) =>
        script.MarketDataType.Answer(request, context);

    public override Task StreamAccountUpdates(W.SubscribeAccountUpdates request, IServerStreamWriter<W.AccountUpdatesEvent> responseStream, ServerCallContext context) =>
        script.AccountUpdates.Serve(request, responseStream, context);

    public override Task StreamPnLSingle(W.SubscribePnLSingle request, IServerStreamWriter<W.PnLSingleEvent> responseStream, ServerCallContext context) =>
        script.PnLSingle.Serve(request, responseStream, context);

    public override Task StreamHistoricalBars(W.SubscribeHistoricalBars request, IServerStreamWriter<W.HistoricalBarsEvent> responseStream, ServerCallContext context) =>
        script.HistoricalBars.Serve(request, responseStream, context);
}
