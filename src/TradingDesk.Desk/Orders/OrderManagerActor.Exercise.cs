using Akka.Actor;
using Akka.Event;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Risk;

namespace TradingDesk.Desk.Orders;

// Option exercise through the risk gate: the router sends each exercise here first (ExerciseRisk.Review) because this
// actor holds the kill switch and the limits. Nothing is journaled: an exercise gets no order id and the book keeps
// no record of it, and a refusal is logged as a refused order is.
public sealed partial class OrderManagerActor
{
    private void OnExerciseReview(ExerciseRisk.Review review)
    {
        // Limits follow the strategy the asker is registered as (checked by its ref, not declared in the command);
        // an asker that is no strategy, such as a gRPC call, gets the default limits.
        StrategyId? strategy = _strategies.FirstOrDefault(b => b.Value.Holder.Equals(review.Asker)).Key is { Value: not null } s ? s : null;
        var limits = strategy is { } id ? _book.LimitsFor(id, _options) : _options.DefaultRiskLimits;
        if (ExerciseRisk.Check(review.Command, strategy, limits, _book.KillSwitch) is { } denied)
        {
            _log.Info("{0} refused: {1}", review.Command.GetType().Name, denied);
            review.Asker.Tell(new RequestFailed(review.Command, denied));
            return;
        }
        Sender.Tell(new ExerciseRisk.Cleared(review.Command, review.Asker));
    }
}
