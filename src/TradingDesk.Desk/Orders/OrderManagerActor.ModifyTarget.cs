using Akka.Actor;

namespace TradingDesk.Desk.Orders;

// The contract of an order to modify, for the market-rule book (ModifyTarget): read from the book, nothing journaled
// or sent. The checks are DecideModify's own first ones, so a modification of an order that cannot be modified is
// refused in the same words whether or not it asked for rounding. The modification itself comes back later as a
// command and is decided then against the book of that moment.
public sealed partial class OrderManagerActor
{
    private void OnFindModifyTarget(ModifyTarget.Find find)
    {
        var (order, refusal) = _book.ModifiableOrder(find.Modify.OrderId, o => IsOwner(o, find.Asker, find.Modify));
        // The market-rule book logs a refusal and answers the strategy.
        object answer = order is null ? new ModifyTarget.Refused(find, refusal!) : new ModifyTarget.Found(find, order.Contract!);
        Sender.Tell(answer);
    }
}
