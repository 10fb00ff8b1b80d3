using System.Threading.Channels;
using Akka.Actor;

namespace TradingDesk.Hosting.Tests;

/// <summary>
/// Stands in for a strategy in a hosted desk: sends what the test gives it (<see cref="Send"/>) to the desk as itself,
/// and writes every reply and event it receives to a channel the test reads with a bound, so a test waits for a
/// message and never polls.
/// </summary>
public sealed class MessageProbe : ReceiveActor
{
    public MessageProbe(IActorRef desk, ChannelWriter<object> received)
    {
        Receive<Send>(s => desk.Tell(s.Message, Self));
        ReceiveAny(m => received.TryWrite(m));
    }

    public static Props Props(IActorRef desk, ChannelWriter<object> received) =>
        Akka.Actor.Props.Create(() => new MessageProbe(desk, received));

    /// <summary>From the test: tell the desk this message with the probe as sender.</summary>
    public sealed record Send(object Message);
}
