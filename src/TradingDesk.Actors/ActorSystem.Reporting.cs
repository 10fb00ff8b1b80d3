using Microsoft.Extensions.Logging;
using TradingDesk.Actors.Event;

namespace TradingDesk.Actors;

/// <summary>Dead letters, unhandled messages and failures: logged and published on the EventStream.</summary>
public sealed partial class ActorSystem
{
    private long _deadLettersLogged;

    internal void DeadLetterFor(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is DeadLetter) return; // never recurse on a dead letter that could not be delivered
        if (Settings.LogDeadLetters && Log.IsEnabled(LogLevel.Information) && ShouldLogDeadLetter())
            Log.LogInformation("Dead letter: {MessageType} from {Sender} to {Recipient} was not delivered",
                message.GetType().FullName, sender?.Path.ToString() ?? "no sender", recipient.Path.ToString());
        EventStream.Publish(new DeadLetter(message, sender, recipient));
    }

    private bool ShouldLogDeadLetter()
    {
        var n = Interlocked.Increment(ref _deadLettersLogged);
        if (n == Settings.MaxDeadLettersLogged + 1)
            Log.LogInformation("{Count} dead letters logged; further dead letters are not logged (still published on the EventStream)", n - 1);
        return n <= Settings.MaxDeadLettersLogged;
    }

    internal void LogUnhandled(object message, IActorRef? sender, IActorRef recipient)
    {
        if (Settings.LogUnhandled && Log.IsEnabled(LogLevel.Debug))
            Log.LogDebug("Unhandled message {MessageType} from {Sender} to {Recipient}",
                message.GetType().FullName, sender?.Path.ToString() ?? "no sender", recipient.Path.ToString());
    }

    internal void ReportFailure(IActorRef actor, Type actorType, Exception cause, object? message, string? note = null)
    {
        var text = note ?? (message is null
            ? $"{actorType.Name} failed"
            : $"{actorType.Name} failed handling {message.GetType().Name}");
        Log.LogError(cause, "{Actor}: {Text}", actor.Path.ToString(), text);
        EventStream.Publish(new Error(actor, actorType, cause, text));
    }
}
