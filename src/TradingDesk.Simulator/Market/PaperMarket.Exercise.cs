using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>What an exerciseOptions request did, or why it was refused (the refusal is IB's 321 reason).</summary>
public sealed record ExerciseOutcome(bool Done, string? Refusal, ConId Option, ConId? Underlying)
{
    internal static ExerciseOutcome Refused(ConId option, string reason) => new(false, reason, option, null);
}

public sealed partial class PaperMarket
{
    /// <summary>
    /// exerciseOptions for a long option position: exercise delivers the underlying at the strike (a call buys,
    /// a put sells 100 × quantity shares) and removes the options; a lapse removes them worthless. IB processes
    /// exercise notices after the close; the paper market applies them at once so a desk sees the result in its
    /// positions and account values straight away. Without <paramref name="overrideNatural"/> an out-of-the-money
    /// option cannot be exercised and an in-the-money one cannot lapse (IB's "natural action").
    /// </summary>
    public ExerciseOutcome Exercise(AccountId account, ConId option, int quantity, bool exercise, bool overrideNatural)
    {
        var c = Catalogue.Get(option);
        if (c.SecType != SecType.Option || c.UnderlyingConId is not { } underlyingId)
            return ExerciseOutcome.Refused(option, "exercise and lapse apply to options only");
        if (!State.Accounts.TryGetValue(account, out var state))
            return ExerciseOutcome.Refused(option, $"unknown account {account}");
        if (quantity <= 0)
            return ExerciseOutcome.Refused(option, "exercise quantity must be positive");
        var held = state.Positions.GetValueOrDefault(option)?.Quantity ?? 0m;
        if (held < quantity)
            return ExerciseOutcome.Refused(option, $"the account holds {held} long contracts, fewer than {quantity}");
        var spot = GetQuote(underlyingId).Last;
        var inTheMoney = c.Right == OptionRight.Call ? spot > c.Strike : spot < c.Strike;
        if (!overrideNatural && exercise && !inTheMoney)
            return ExerciseOutcome.Refused(option, "the option is out of the money: exercising it needs override");
        if (!overrideNatural && !exercise && inTheMoney)
            return ExerciseOutcome.Refused(option, "the option is in the money: letting it lapse needs override");

        // The options leave the account at no value; their premium is realized as a loss (IB folds it into the
        // delivered shares' cost basis instead, UNCONFIRMED how it splits realized PnL).
        var (updated, _) = state.ApplyFill(option, SecType.Option, c.Multiplier, -quantity, 0m, 0m, 1m);
        var underlying = Catalogue.Get(underlyingId);
        if (exercise)
        {
            var shares = quantity * c.Multiplier * (c.Right == OptionRight.Call ? 1 : -1);
            (updated, _) = updated.ApplyFill(underlyingId, underlying.SecType, underlying.Multiplier, shares, c.Strike, 0m, 1m);
        }
        State = State with { Accounts = State.Accounts.SetItem(account, updated) };
        return new ExerciseOutcome(true, null, option, exercise ? underlyingId : null);
    }
}
