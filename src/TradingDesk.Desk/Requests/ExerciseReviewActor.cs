using Akka.Actor;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Risk;
using static TradingDesk.Desk.Messages.OptionMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// Takes one exercise through the order manager's risk gate for the router (its parent): sends
/// <see cref="ExerciseRisk.Review"/>, hands <see cref="ExerciseRisk.Cleared"/> back to the router to be sent, and stops.
/// A denial goes from the order manager to the asker directly; a failure of the order manager itself (its journal
/// is down, so no limits can be read) comes here and reaches the asker under its own command. A child of its own so
/// that failure never meets the router's other RequestFailed handlers.
/// </summary>
public sealed class ExerciseReviewActor : ReceiveActor
{
    private readonly ExerciseOptions _command;
    private readonly IActorRef _asker;
    private readonly IActorRef _orders;

    public ExerciseReviewActor(ExerciseOptions command, IActorRef asker, IActorRef orders)
    {
        _command = command;
        _asker = asker;
        _orders = orders;
        Receive<ExerciseRisk.Cleared>(cleared =>
        {
            Context.Parent.Tell(cleared);
            Context.Stop(Self);
        });
        Receive<RequestFailed>(failed =>
        {
            _asker.Tell(new RequestFailed(_command, failed.Failure));
            Context.Stop(Self);
        });
    }

    public static Props Props(ExerciseOptions command, IActorRef asker, IActorRef orders) =>
        Akka.Actor.Props.Create(() => new ExerciseReviewActor(command, asker, orders));

    protected override void PreStart() => _orders.Tell(new ExerciseRisk.Review(_command, _asker));
}
