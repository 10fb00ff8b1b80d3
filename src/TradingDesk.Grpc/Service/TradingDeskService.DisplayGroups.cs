using System.Collections.Concurrent;
using System.Threading.Channels;
using Akka.Actor;
using Grpc.Core;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Grpc.Access;
using TradingDesk.Grpc.Mapping;
using TradingDesk.Grpc.Streams;
using D = TradingDesk.Desk.Messages.DisplayGroupMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

// Display groups: the group-events stream and UpdateDisplayGroup. The desk lets only a subscriber of a group's line
// change what the group shows, and over gRPC the subscriber is the stream's actor, not the unary call: so the front
// keeps each caller's open display-group streams by subscription id, and UpdateDisplayGroup goes through the stream
// it names. A caller can change only a group it follows itself, and only while it follows it.
internal sealed partial class TradingDeskService
{
    private readonly ConcurrentDictionary<(StrategyId Caller, SubscriptionId Subscription), IActorRef> _groupStreams = new();
    private StreamShape<W.DisplayGroupEvent>? _displayGroup;

    // The confirmation is an item of this stream: it tells the client the subscription id UpdateDisplayGroup names
    // (IB's displayGroupUpdated carries none, and a client joining a shared line sees no item until the group changes).
    private StreamShape<W.DisplayGroupEvent> DisplayGroupShape => _displayGroup ??= new(
        m => m is SubscriptionMessages.Subscribed or D.DisplayGroupChanged,
        m => m switch
        {
            SubscriptionMessages.Subscribed s => new W.DisplayGroupEvent { Subscribed = _wire.Out(s, W.Subscribed.Parser) },
            D.DisplayGroupChanged c => new W.DisplayGroupEvent { Changed = _wire.Out(c, W.DisplayGroupChanged.Parser) },
            _ => null,
        },
        n => new W.DisplayGroupEvent { Note = n }, ConflateTicks: false);

    public override Task StreamDisplayGroup(W.SubscribeDisplayGroup request, IServerStreamWriter<W.DisplayGroupEvent> responseStream, ServerCallContext context)
    {
        var subscribe = Read<D.SubscribeDisplayGroup>(request);
        var caller = GrpcCaller.Of(context).Strategy;
        var channel = Channel.CreateUnbounded<W.DisplayGroupEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var subscribed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var credit = new StreamCredit();
        // Only this stream's own entry is removed: another stream of the same caller on the same line may have replaced it.
        var hooks = new StreamHooks(
            (id, actor) => _groupStreams[(caller, id)] = actor,
            (id, actor) => _groupStreams.TryRemove(new KeyValuePair<(StrategyId, SubscriptionId), IActorRef>((caller, id), actor)));
        var props = SubscriptionStreamActor<W.DisplayGroupEvent>.Props(_desk, subscribe, DisplayGroupShape, _wire, channel.Writer, credit, subscribed,
            _options.StreamWindow, _options.StreamBufferLimit, hooks);
        return Drain(props, channel.Reader, credit, responseStream, context, subscribed.Task);
    }

    public override Task<W.DisplayGroupUpdateSent> UpdateDisplayGroup(W.UpdateDisplayGroup request, ServerCallContext context)
    {
        var command = Read<D.UpdateDisplayGroup>(request);
        var caller = GrpcCaller.Of(context).Strategy;
        if (!_groupStreams.TryGetValue((caller, command.Subscription), out var stream))
            throw CallFailures.Invalid($"{command.Subscription} is not an open display-group stream of yours: open StreamDisplayGroup and name the subscription its first item carries");
        return Ask<D.DisplayGroupUpdateSent, W.DisplayGroupUpdateSent>(stream, new StreamRelay(command, m => m is D.DisplayGroupUpdateSent), context, W.DisplayGroupUpdateSent.Parser);
    }
}
