using System.Threading.Channels;
using Akka.Actor;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// An actor whose mailbox a verb can await: every message it receives (replies, order events, stream items) is written
/// to a channel. Verbs send with <see cref="Send"/> so the desk's replies and events come back here.
/// </summary>
public sealed class Inbox : IAsyncDisposable
{
    private readonly Channel<object> _channel = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ActorSystem _system;

    public Inbox(ActorSystem system, string name)
    {
        _system = system;
        Ref = system.ActorOf(Props.Create(() => new InboxActor(_channel.Writer)), name);
    }

    public IActorRef Ref { get; }

    public void Send(IActorRef target, object message) => target.Tell(message, Ref);

    /// <summary>The next message, or null when <paramref name="within"/> passes first.</summary>
    public async Task<object?> ReceiveAsync(TimeSpan within, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(within);
        try
        {
            return await _channel.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>A message already waiting, without waiting.</summary>
    public bool TryReceive(out object message) => _channel.Reader.TryRead(out message!);

    public ValueTask DisposeAsync()
    {
        _system.Stop(Ref);
        return ValueTask.CompletedTask;
    }

    private sealed class InboxActor : ReceiveActor
    {
        public InboxActor(ChannelWriter<object> writer) => ReceiveAny(message => { writer.TryWrite(message); });
    }
}
