using System.Runtime.Serialization;
using Akka.Actor;
using Google.Protobuf;
using Grpc.Core;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Mapping;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

/// <summary>
/// The desk's gRPC service (tradingdesk.v1.TradingDesk). Every call becomes the command an actor strategy would send
/// the desk actor, so the pacer, line sharing, ownership, the risk gate and the journal apply alike; order commands
/// pass through the caller's session (its registered strategy). Every call has passed the access interceptor.
/// This part: reference data, history, account reads, snapshots and the market data type.
/// </summary>
internal sealed partial class TradingDeskService : W.TradingDesk.TradingDeskBase
{
    private readonly ActorSystem _system;
    private readonly IActorRef _desk;
    private readonly GrpcFrontOptions _options;
    private readonly DeskWire _wire;
    private readonly StreamShapes _shapes;
    private readonly CancellationToken _stopping;
    private long _orderStreams;

    public TradingDeskService(ActorSystem system, IActorRef desk, GrpcFrontOptions options, CancellationToken stopping)
    {
        _system = system;
        _desk = desk;
        _options = options;
        _wire = new DeskWire(system);
        _shapes = new StreamShapes(_wire);
        _stopping = stopping;
    }

    public override Task<W.CurrentTimeReply> GetCurrentTime(W.GetCurrentTime request, ServerCallContext context) =>
        Ask<ReferenceDataMessages.CurrentTimeReply, W.CurrentTimeReply>(_desk, Read<ReferenceDataMessages.GetCurrentTime>(request), context, W.CurrentTimeReply.Parser);

    public override Task<W.ContractDetailsList> GetContractDetails(W.GetContractDetails request, ServerCallContext context) =>
        Ask<ReferenceDataMessages.ContractDetailsList, W.ContractDetailsList>(_desk, Read<ReferenceDataMessages.GetContractDetails>(request), context, W.ContractDetailsList.Parser);

    public override Task<W.HistoricalBars> GetHistoricalBars(W.GetHistoricalBars request, ServerCallContext context) =>
        Ask<HistoricalDataMessages.HistoricalBars, W.HistoricalBars>(_desk, Read<HistoricalDataMessages.GetHistoricalBars>(request), context, W.HistoricalBars.Parser);

    public override Task<W.HeadTimestampReply> GetHeadTimestamp(W.GetHeadTimestamp request, ServerCallContext context) =>
        Ask<HistoricalDataMessages.HeadTimestampReply, W.HeadTimestampReply>(_desk, Read<HistoricalDataMessages.GetHeadTimestamp>(request), context, W.HeadTimestampReply.Parser);

    public override Task<W.PositionsList> GetPositions(W.GetPositions request, ServerCallContext context) =>
        Ask<AccountMessages.PositionsList, W.PositionsList>(_desk, Read<AccountMessages.GetPositions>(request), context, W.PositionsList.Parser);

    public override Task<W.AccountSummaryList> GetAccountSummary(W.GetAccountSummary request, ServerCallContext context) =>
        Ask<AccountMessages.AccountSummaryList, W.AccountSummaryList>(_desk, Read<AccountMessages.GetAccountSummary>(request), context, W.AccountSummaryList.Parser);

    public override Task<W.ManagedAccountsList> GetManagedAccounts(W.GetManagedAccounts request, ServerCallContext context) =>
        Ask<ReferenceDataMessages.ManagedAccountsList, W.ManagedAccountsList>(_desk, Read<ReferenceDataMessages.GetManagedAccounts>(request), context, W.ManagedAccountsList.Parser);

    public override Task<W.MarketDataSnapshot> GetMarketDataSnapshot(W.GetMarketDataSnapshot request, ServerCallContext context) =>
        Ask<MarketDataMessages.MarketDataSnapshot, W.MarketDataSnapshot>(_desk, Read<MarketDataMessages.GetMarketDataSnapshot>(request), context, W.MarketDataSnapshot.Parser);

    // Desk-wide (the desk's one connection has one market data type): a trading call, see AccessInterceptor.
    public override Task<W.MarketDataTypeSet> SetMarketDataType(W.SetMarketDataType request, ServerCallContext context) =>
        Ask<MarketDataMessages.MarketDataTypeSet, W.MarketDataTypeSet>(_desk, Read<MarketDataMessages.SetMarketDataType>(request), context, W.MarketDataTypeSet.Parser);

    public override Task<W.OpenOrders> GetOpenOrders(W.GetOpenOrders request, ServerCallContext context) =>
        Ask<OrderEvents.OpenOrders, W.OpenOrders>(_desk, Read<OrderCommands.GetOpenOrders>(request), context, W.OpenOrders.Parser);

    public override Task<W.CompletedOrders> GetCompletedOrders(W.GetCompletedOrders request, ServerCallContext context) =>
        Ask<OrderEvents.CompletedOrders, W.CompletedOrders>(_desk, Read<OrderCommands.GetCompletedOrders>(request), context, W.CompletedOrders.Parser);

    public override Task<W.Executions> GetExecutions(W.GetExecutions request, ServerCallContext context) =>
        Ask<OrderEvents.Executions, W.Executions>(_desk, Read<OrderCommands.GetExecutions>(request), context, W.Executions.Parser);

    /// <summary>The desk's command from the request; a field the contract does not allow is INVALID_ARGUMENT naming it.</summary>
    private T Read<T>(IMessage request) where T : notnull
    {
        try
        {
            return _wire.In<T>(request);
        }
        catch (SerializationException e)
        {
            throw CallFailures.Invalid(e.Message);
        }
    }

    private async Task<TWire> Ask<TReply, TWire>(IActorRef target, object command, ServerCallContext context, MessageParser<TWire> parser)
        where TReply : notnull where TWire : IMessage<TWire>
    {
        var reply = await DeskCall.AskAsync<TReply>(target, command, context, _options.DefaultCallTimeout).ConfigureAwait(false);
        return _wire.Out(reply, parser);
    }
}
