using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// The pure half of market-rule rounding: which placements and modifications need a rule, which rule applies to a
/// contract on an exchange, and the command with its prices on the grid (or the problem). <see cref="MarketRuleBookActor"/>
/// fetches what this asks for.
/// </summary>
public static class PriceRoundingPlan
{
    /// <summary>The rounding that applies to one order: its own, else the desk's default.</summary>
    public static PriceRounding ModeOf(OrderSpec spec, PriceRounding deskDefault) => spec.PriceRounding ?? deskDefault;

    /// <summary>
    /// Whether the order carries a price to round in this mode: a limit price (LMT, STP LMT, LOC, LOO) or a stop price
    /// (STP, STP LMT). A trailing amount, a trailing percent and a trail stop price move with the market and are left
    /// to the gateway.
    /// </summary>
    public static bool Needs(OrderSpec spec, PriceRounding deskDefault) =>
        ModeOf(spec, deskDefault) != PriceRounding.Off && (RoundsLimit(spec) || RoundsStop(spec));

    private static bool RoundsLimit(OrderSpec s) =>
        s.LimitPrice is not null && s.Type is OrderType.Limit or OrderType.StopLimit or OrderType.LimitOnClose or OrderType.LimitOnOpen;

    private static bool RoundsStop(OrderSpec s) => s.AuxPrice is not null && s.Type is OrderType.Stop or OrderType.StopLimit;

    /// <summary>The contract of a placement and its orders; null for commands that place nothing.</summary>
    public static (ContractSpec Contract, IReadOnlyList<OrderSpec> Orders)? Placement(IOrderCommand command) => command switch
    {
        OrderCommands.PlaceOrder p => (p.Contract, [p.Order]),
        OrderCommands.PlaceBracket b => (b.Contract, [b.Bracket.Entry, b.Bracket.TakeProfit, b.Bracket.StopLoss]),
        OrderCommands.PlaceOca o => (o.Contract, o.Orders),
        _ => null,
    };

    /// <summary>
    /// The orders whose prices a command sets: a placement's, or a modification's new terms; null for commands that
    /// set no price.
    /// </summary>
    private static IReadOnlyList<OrderSpec>? PricedOrders(IOrderCommand command) =>
        command is OrderCommands.ModifyOrder m ? [m.Order] : Placement(command)?.Orders;

    /// <summary>
    /// Whether a command must pass the market-rule book before the order manager: a placement with an order to round,
    /// or a modification whose new terms are to be rounded.
    /// </summary>
    public static bool NeedsRule(IOrderCommand command, PriceRounding deskDefault) =>
        PricedOrders(command) is { } orders && orders.Any(o => Needs(o, deskDefault));

    /// <summary>
    /// The market rule of <paramref name="detail"/> on <paramref name="exchange"/>: contract details pair ValidExchanges
    /// with MarketRuleIds index by index. SMART (or no exchange) has no rule of its own in that list: the desk uses the
    /// rule of the contract's primary exchange when it is listed, else the first valid exchange other than SMART, else
    /// SMART's own entry. IB's rules for one contract differ between venues only in rare cases (a venue with sub-penny
    /// quotes), and the primary listing's grid is the one SMART routing honours everywhere.
    /// </summary>
    public static (int? RuleId, string? Problem) RuleFor(ContractDetail detail, string? exchange)
    {
        var venues = Split(detail.ValidExchanges);
        var rules = Split(detail.MarketRuleIds);
        var name = detail.Contract.LocalSymbol ?? detail.Contract.Symbol;
        if (rules.Length == 0) return (null, $"the contract details of {name} list no market rule, so its prices cannot be rounded: send it with PriceRounding Off");
        if (venues.Length != rules.Length)
            return (null, $"the contract details of {name} list {venues.Length} valid exchanges but {rules.Length} market rules, so the rule per exchange is unknown: send it with PriceRounding Off");
        var wanted = string.IsNullOrWhiteSpace(exchange) ? "SMART" : exchange.Trim();
        int index;
        if (wanted.Equals("SMART", StringComparison.OrdinalIgnoreCase))
        {
            var primary = detail.Contract.PrimaryExchange;
            index = primary is { Length: > 0 } ? Array.FindIndex(venues, v => v.Equals(primary, StringComparison.OrdinalIgnoreCase)) : -1;
            if (index < 0) index = Array.FindIndex(venues, v => !v.Equals("SMART", StringComparison.OrdinalIgnoreCase));
            if (index < 0) index = 0;
        }
        else
        {
            index = Array.FindIndex(venues, v => v.Equals(wanted, StringComparison.OrdinalIgnoreCase));
            if (index < 0) return (null, $"{wanted} is not among the valid exchanges of {name} ({detail.ValidExchanges})");
        }
        return int.TryParse(rules[index], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? (id, null)
            : (null, $"the market rule id '{rules[index]}' of {name} on {venues[index]} is not a rule id");
    }

    private static string[] Split(string list) =>
        string.IsNullOrWhiteSpace(list) ? [] : list.Split(',', StringSplitOptions.TrimEntries);

    /// <summary>
    /// One order on the grid of <paramref name="rule"/>: the spec with its limit and stop prices rounded as its mode
    /// says, or the problem (Reject and an off-grid price) naming the price it is about and both neighbours.
    /// </summary>
    public static (OrderSpec? Spec, string? Problem) Round(OrderSpec spec, IReadOnlyList<SessionInfoMessages.PriceIncrement> rule, PriceRounding deskDefault)
    {
        var mode = ModeOf(spec, deskDefault);
        if (!Needs(spec, deskDefault)) return (spec, null);
        var rounded = spec;
        if (RoundsLimit(spec))
        {
            var (price, problem) = MarketRuleRounding.Round(rule, spec.LimitPrice!.Value, mode);
            if (problem is not null) return (null, $"limit {problem}");
            rounded = rounded with { LimitPrice = price };
        }
        if (RoundsStop(spec))
        {
            var (price, problem) = MarketRuleRounding.Round(rule, spec.AuxPrice!.Value, mode);
            if (problem is not null) return (null, $"stop {problem}");
            rounded = rounded with { AuxPrice = price };
        }
        return (rounded, null);
    }

    /// <summary>
    /// The placement or modification with every order rounded, or the problems (all of them, one per refused order).
    /// A modification is rounded to the grid of the contract of the order it changes, as that order was placed.
    /// </summary>
    public static (IOrderCommand? Command, string? Problem) Round(IOrderCommand command, IReadOnlyList<SessionInfoMessages.PriceIncrement> rule, PriceRounding deskDefault)
    {
        if (PricedOrders(command) is not { } orders) return (command, null);
        var rounded = new List<OrderSpec>();
        var problems = new List<string>();
        foreach (var spec in orders)
        {
            var (r, problem) = Round(spec, rule, deskDefault);
            if (problem is not null) problems.Add(problem);
            else rounded.Add(r!);
        }
        if (problems.Count > 0) return (null, string.Join("; ", problems) + "; nothing was sent");
        return (command switch
        {
            OrderCommands.PlaceOrder p => p with { Order = rounded[0] },
            OrderCommands.PlaceBracket b => b with { Bracket = new Bracket(rounded[0], rounded[1], rounded[2]) },
            OrderCommands.PlaceOca o => o with { Orders = rounded },
            OrderCommands.ModifyOrder m => m with { Order = rounded[0] },
            _ => command,
        }, null);
    }
}
