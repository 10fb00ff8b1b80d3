using System.Diagnostics;
using Akka.Actor;
using Grpc.Core;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Telemetry;
using TradingDesk.Grpc.Access;
using TradingDesk.Grpc.Mapping;
using TradingDesk.Grpc.Sessions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

/// <summary>
/// Orders: the caller's strategy is the one its credentials name. A request may leave <c>strategy</c> empty or name
/// that strategy; naming another is PERMISSION_DENIED before anything reaches the desk.
/// </summary>
internal sealed partial class TradingDeskService
{
    public override async Task<W.OrderAccepted> PlaceOrder(W.PlaceOrder request, ServerCallContext context)
    {
        var caller = CallerFor(request.Strategy, context);
        var wire = request.Clone();
        wire.Strategy = caller.Strategy.Value;
        var accepted = await Place<OrderEvents.OrderAccepted>(caller, Read<OrderCommands.PlaceOrder>(wire), context).ConfigureAwait(false);
        caller.Session.Tell(new SessionMessages.Owns([accepted.OrderId]), ActorRefs.NoSender);
        return _wire.Out(accepted, W.OrderAccepted.Parser);
    }

    public override async Task<W.BracketAccepted> PlaceBracket(W.PlaceBracket request, ServerCallContext context)
    {
        var caller = CallerFor(request.Strategy, context);
        var wire = request.Clone();
        wire.Strategy = caller.Strategy.Value;
        var accepted = await Place<OrderEvents.BracketAccepted>(caller, Read<OrderCommands.PlaceBracket>(wire), context).ConfigureAwait(false);
        caller.Session.Tell(new SessionMessages.Owns([accepted.Entry, accepted.TakeProfit, accepted.StopLoss]), ActorRefs.NoSender);
        return _wire.Out(accepted, W.BracketAccepted.Parser);
    }

    public override async Task<W.OrderModifySent> ModifyOrder(W.ModifyOrder request, ServerCallContext context)
    {
        var caller = CallerFor(request.HasStrategy ? request.Strategy : "", context);
        var wire = request.Clone();
        wire.Strategy = caller.Strategy.Value; // the desk's ownership rule then checks the order is this strategy's
        var sent = await Trade<OrderEvents.OrderModifySent>(caller, Read<OrderCommands.ModifyOrder>(wire), context).ConfigureAwait(false);
        return _wire.Out(sent, W.OrderModifySent.Parser);
    }

    public override async Task<W.CancelSent> CancelOrder(W.CancelOrder request, ServerCallContext context)
    {
        var caller = GrpcCaller.Of(context);
        var sent = await Trade<OrderEvents.CancelSent>(caller, Read<OrderCommands.CancelOrder>(request), context).ConfigureAwait(false);
        return _wire.Out(sent, W.CancelSent.Parser);
    }

    private static GrpcCaller CallerFor(string requested, ServerCallContext context)
    {
        var caller = GrpcCaller.Of(context);
        if (requested.Length > 0 && requested != caller.Strategy.Value)
            throw CallFailures.Denied($"client '{caller.Client.Name}' trades as strategy '{caller.Strategy.Value}', not '{requested}'");
        return caller;
    }

    /// <summary>
    /// A placement is its order's root span here (order.place), under the trace the client names: the request's
    /// trace_parent, else its W3C <c>traceparent</c> header (a malformed value counts as none). The desk's spans of the
    /// order join it.
    /// </summary>
    private async Task<T> Place<T>(GrpcCaller caller, IPlaceCommand command, ServerCallContext context)
    {
        var parent = DeskTracing.Parse(command.TraceParent) is { TraceId: var id } inRequest && id != default
            ? inRequest
            : DeskTracing.Parse(context.RequestHeaders.GetValue("traceparent"));
        using var span = DeskTracing.StartPlace(command, ActivityKind.Server, out var traced, parent);
        try
        {
            return await Trade<T>(caller, traced, context).ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, $"{ex.StatusCode}: {ex.Status.Detail}");
            throw;
        }
    }

    private Task<T> Trade<T>(GrpcCaller caller, object command, ServerCallContext context) =>
        DeskCall.AskAsync<T>(caller.Session, new SessionMessages.Trade(command), context, _options.DefaultCallTimeout);

    private static bool NeedsAcknowledgement(OrderEvents.IOrderEvent e, StrategyId strategy) =>
        e is OrderEvents.Filled f ? f.Strategy == strategy : OrderEvents.EndsOrder(e);
}
