using Akka.Actor;
using TradingDesk.Desk.Gateway;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Turns the connection's events into a verb's tasks: ready, refused (before ready) or lost (after). A gateway that
/// refuses the session (326: the client id is in use) says why in the Disconnected itself (its GatewayErrorCode).
/// Every connection event is handled here, whatever it changes: the handlers are blocks, never a bool expression
/// (<c>c =&gt; watch.Up.TrySetResult(c)</c> would bind to Akka's <c>Receive&lt;T&gt;(Func&lt;T, bool&gt;)</c> and make a
/// second Connected unhandled).
/// </summary>
internal sealed class VerbConnectionWatcher : ReceiveActor
{
    public VerbConnectionWatcher(GatewayVerb.ConnectionWatch watch)
    {
        Receive<ConnectionEvents.Connected>(c => { watch.Up.TrySetResult(c); });
        Receive<ConnectionEvents.Disconnected>(d =>
        {
            // A verb's desk does not reconnect: the first Disconnected before ready ends the wait.
            if (watch.Up.TrySetException(new GatewayVerb.GatewayUnreachableException(d.Reason, d.GatewayErrorCode))) return;
            watch.LostReason = d.Reason;
            watch.Lost.Cancel();
        });
        Receive<ConnectionEvents.Connecting>(_ => { });
        Receive<ConnectionEvents.Reconnecting>(_ => { });
    }

    public static Props Props(GatewayVerb.ConnectionWatch watch) => Akka.Actor.Props.Create(() => new VerbConnectionWatcher(watch));
}
