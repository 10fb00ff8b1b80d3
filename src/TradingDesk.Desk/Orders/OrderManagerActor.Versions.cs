using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Desk.Orders;

// What the connected gateway's server version cannot carry, refused before the order is journaled or sent.
public sealed partial class OrderManagerActor
{
    /// <summary>The server version of the last Connected (0 before the first: the book refuses placements offline anyway).</summary>
    private int _serverVersion;

    /// <summary>
    /// faProfile exists on the wire only below 177 (<see cref="OrderSpec.ServerVersionProblem"/>): from there a profile
    /// would be dropped silently by the codec and the order allocated by IB's default, so it is refused in the user's
    /// words instead.
    /// </summary>
    private InvalidRequest? VersionProblem(IOrderCommand command)
    {
        IEnumerable<OrderSpec> specs = command switch
        {
            OrderCommands.PlaceOrder p => [p.Order],
            OrderCommands.PlaceBracket b => [b.Bracket.Entry, b.Bracket.TakeProfit, b.Bracket.StopLoss],
            OrderCommands.PlaceOca o => o.Orders,
            OrderCommands.ModifyOrder m => [m.Order],
            _ => [],
        };
        var problems = specs.Select(s => s.ServerVersionProblem(_serverVersion)).OfType<string>().Distinct().ToList();
        return problems.Count == 0 ? null : new InvalidRequest(string.Join("; ", problems) + "; nothing was sent");
    }
}
