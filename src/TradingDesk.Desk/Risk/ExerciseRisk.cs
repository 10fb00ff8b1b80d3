using System.Globalization;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.OptionMessages;

namespace TradingDesk.Desk.Risk;

/// <summary>
/// The risk gate for exerciseOptions: an exercise or a lapse changes positions as an order does, so the kill switch
/// and the strategy's limits apply to it with the same rule names and the same <see cref="RiskDenied"/>. Pure; the
/// order manager calls it, since it holds the kill switch and the limits (the router only knows the command).
/// </summary>
public static class ExerciseRisk
{
    /// <summary>
    /// Null when the exercise may go; otherwise the first rule it breaks, in <see cref="RiskGate"/>'s order. The
    /// open-orders rule does not apply (an exercise is no working order). Notional is quantity × strike × multiplier,
    /// the cash an exercised call pays or a put receives; an option given by conId alone names no strike, so with a
    /// notional limit it is denied with what to supply, as a market order without a price is.
    /// </summary>
    /// <param name="strategy">The strategy the sender is registered as; null for a sender that is none (a gRPC client, the CLI).</param>
    public static RiskDenied? Check(ExerciseOptions command, StrategyId? strategy, RiskLimits limits, string? killSwitchReason)
    {
        if (killSwitchReason is not null) return new RiskDenied(RiskGate.KillSwitchRule, killSwitchReason);

        var who = strategy is { } s ? s.ToString() : "this client";
        var symbol = command.Contract.Symbol;
        if (limits.AllowedSymbols is { } allowed && !allowed.Any(a => string.Equals(a, symbol, StringComparison.OrdinalIgnoreCase)))
            return new RiskDenied(RiskGate.AllowedSymbolsRule, string.IsNullOrWhiteSpace(symbol)
                ? $"the option to exercise names no symbol, so {who}'s allowed symbols cannot be checked: give the contract's symbol with its conId"
                : $"{who} may not exercise options on {symbol} (allowed: {string.Join(", ", allowed.Order())})");

        if (limits.MaxOrderQuantity is { } maxQty && command.Quantity > maxQty)
            return new RiskDenied(RiskGate.MaxQuantityRule, $"exercise quantity {command.Quantity} exceeds {who}'s maximum of {maxQty}");

        if (limits.MaxNotional is { } maxNotional)
        {
            if (command.Contract.Strike is not { } strike)
                return new RiskDenied(RiskGate.MaxNotionalRule, $"the option to exercise names no strike, so its notional cannot be checked against {who}'s maximum of {maxNotional}: give the full contract (strike, right, expiry)");
            var multiplier = Multiplier(command.Contract);
            var notional = command.Quantity * strike * multiplier;
            if (notional > maxNotional)
                return new RiskDenied(RiskGate.MaxNotionalRule, $"exercise notional {notional.ToString(CultureInfo.InvariantCulture)} ({command.Quantity} × {strike} × {multiplier}) exceeds {who}'s maximum of {maxNotional}");
        }
        return null;
    }

    /// <summary>
    /// The contract's multiplier; an option that names none counts 100, the multiplier of US equity options, so a
    /// missing field cannot shrink the notional a hundredfold (orders count 1, RiskGate.Multiplier, since most of
    /// them are stocks).
    /// </summary>
    public static decimal Multiplier(ContractSpec contract) =>
        contract.Multiplier is null && contract.SecType is SecType.Option ? 100m : RiskGate.Multiplier(contract);

    /// <summary>
    /// The router's ExerciseReviewActor asks the order manager to pass <paramref name="Command"/> through the gate.
    /// Denied: the manager answers <paramref name="Asker"/> RequestFailed(RiskDenied) itself. Allowed: it tells the
    /// review actor <see cref="Cleared"/>. An order command, so the order manager's supervisor holds it while the
    /// manager recovers and answers it JournalUnavailable (to the review actor) while none runs: no limits, no exercise.
    /// </summary>
    internal sealed record Review(ExerciseOptions Command, IActorRef Asker) : IOrderCommand, INoSerializationVerificationNeeded;

    /// <summary>The gate let <paramref name="Command"/> through: the router sends it for <paramref name="Asker"/>.</summary>
    internal sealed record Cleared(ExerciseOptions Command, IActorRef Asker) : INoSerializationVerificationNeeded;
}
