using Akka.Actor;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Testing;

/// <summary>
/// One command a strategy sent to a <see cref="DeskProbe"/>, with the actor that sent it. The desk answers every
/// command to its sender (for an <c>AskDesk</c>, the temporary asker): <see cref="Reply"/> and <see cref="Fail"/> do the same.
/// </summary>
public class DeskRequest<TCommand>
{
    internal DeskRequest(DeskProbe desk, TCommand command, IActorRef sender)
    {
        Desk = desk;
        Command = command;
        Sender = sender;
    }

    /// <summary>The command as the strategy sent it.</summary>
    public TCommand Command { get; }

    /// <summary>Who sent it: replies go here.</summary>
    public IActorRef Sender { get; }

    internal DeskProbe Desk { get; }

    /// <summary>Answers the command with <paramref name="reply"/>, from the probe, as the desk would.</summary>
    public void Reply(object reply) => Sender.Tell(reply, Desk.Ref);

    /// <summary>Fails the command: the sender gets <see cref="RequestFailed"/> with this typed failure (an <c>AskDesk</c> throws it).</summary>
    public void Fail(DeskFailure failure) => Reply(new RequestFailed(Command!, failure));
}
