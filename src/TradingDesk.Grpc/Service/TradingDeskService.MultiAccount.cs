using Grpc.Core;
using TradingDesk.Grpc.Streams;
using M = TradingDesk.Desk.Messages.MultiAccountMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

// Multi-account streams: each call subscribes like an actor strategy, so identical calls share the desk's line.
internal sealed partial class TradingDeskService
{
    private StreamShape<W.PositionsMultiEvent>? _positionsMulti;
    private StreamShape<W.AccountUpdatesMultiEvent>? _accountUpdatesMulti;

    // Built on first use: the wire mapping comes with the service instance.
    private StreamShape<W.PositionsMultiEvent> PositionsMultiShape => _positionsMulti ??= new(
        m => m is M.PositionMultiItem or M.PositionsMultiEnd,
        m => m switch
        {
            M.PositionMultiItem p => new W.PositionsMultiEvent { Position = _wire.Out(p, W.PositionMultiItem.Parser) },
            M.PositionsMultiEnd e => new W.PositionsMultiEvent { End = _wire.Out(e, W.PositionsMultiEnd.Parser) },
            _ => null,
        },
        n => new W.PositionsMultiEvent { Note = n }, ConflateTicks: false);

    private StreamShape<W.AccountUpdatesMultiEvent> AccountUpdatesMultiShape => _accountUpdatesMulti ??= new(
        m => m is M.AccountUpdateMultiItem or M.AccountUpdatesMultiEnd,
        m => m switch
        {
            M.AccountUpdateMultiItem u => new W.AccountUpdatesMultiEvent { Update = _wire.Out(u, W.AccountUpdateMultiItem.Parser) },
            M.AccountUpdatesMultiEnd e => new W.AccountUpdatesMultiEvent { End = _wire.Out(e, W.AccountUpdatesMultiEnd.Parser) },
            _ => null,
        },
        n => new W.AccountUpdatesMultiEvent { Note = n }, ConflateTicks: false);

    public override Task StreamPositionsMulti(W.SubscribePositionsMulti request, IServerStreamWriter<W.PositionsMultiEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<M.SubscribePositionsMulti>(request), PositionsMultiShape, responseStream, context);

    public override Task StreamAccountUpdatesMulti(W.SubscribeAccountUpdatesMulti request, IServerStreamWriter<W.AccountUpdatesMultiEvent> responseStream, ServerCallContext context) =>
        Subscription(Read<M.SubscribeAccountUpdatesMulti>(request), AccountUpdatesMultiShape, responseStream, context);
}
