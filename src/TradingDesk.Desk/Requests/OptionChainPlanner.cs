using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.OptionMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// The pure part of an option chain: which contract-details requests it costs, and how their answers become the
/// chain. One request per expiration and trading class, with strike and (unless filtered) right left open, returns
/// every strike of that expiration at once: a chain of 10 expirations × 40 strikes × 2 rights costs 10 requests
/// instead of 800. The cost is known from the option parameters before anything is asked, so a chain that is too big
/// is refused up front, saying how to narrow it.
/// </summary>
internal static class OptionChainPlanner
{
    /// <summary>One contract-details request of a chain, and the strikes the filter keeps from its answer.</summary>
    public sealed record Query(GetContractDetails Request, string Expiry, string TradingClass, int ExpectedContracts);

    public sealed record Plan(IReadOnlyList<Query> Queries, string? Problem);

    public static Plan Select(ContractSpec underlying, OptionParameters parameters, OptionChainFilter f)
    {
        var sets = parameters.Sets
            .Where(s => string.Equals(s.Exchange, f.Exchange, StringComparison.OrdinalIgnoreCase))
            .Where(s => f.TradingClass is null || string.Equals(s.TradingClass, f.TradingClass, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (sets.Count == 0)
        {
            var known = string.Join(", ", parameters.Sets.Select(s => $"{s.Exchange}/{s.TradingClass}").Distinct());
            return Fail($"{underlying.Symbol} has no options on {f.Exchange}{(f.TradingClass is null ? "" : " in trading class " + f.TradingClass)} (the gateway lists: {(known.Length == 0 ? "none" : known)})");
        }
        var rights = f.Right is null ? 2 : 1;
        var queries = new List<Query>();
        foreach (var set in sets)
        {
            var strikes = set.Strikes.Count(InStrikeRange);
            if (strikes == 0) continue;
            foreach (var expiry in set.Expirations.Where(InExpiryRange))
                queries.Add(new Query(new GetContractDetails(OptionSpec(underlying, set, expiry, f)), expiry, set.TradingClass, strikes * rights));
        }
        if (queries.Count == 0)
            return Fail($"no {underlying.Symbol} options on {f.Exchange} match expiries {f.FromExpiry ?? "any"}..{f.ToExpiry ?? "any"} and strikes {f.MinStrike?.ToString() ?? "any"}..{f.MaxStrike?.ToString() ?? "any"}");
        if (queries.Count > f.MaxExpirations)
            return Fail($"the chain needs {queries.Count} contract-details requests (one per expiration and trading class, from {queries.Min(q => q.Expiry)} to {queries.Max(q => q.Expiry)}), more than the {f.MaxExpirations} allowed: narrow the expiry range or raise max expirations (at most {OptionChecks.MaxChainRequests})");
        var contracts = queries.Sum(q => q.ExpectedContracts);
        if (contracts > f.MaxContracts)
            return Fail($"the chain would hold about {contracts} options, more than the {f.MaxContracts} allowed: narrow the strike or expiry range, pick a right, or raise max contracts (at most {OptionChecks.MaxChainContracts})");
        return new Plan(queries, null);

        bool InStrikeRange(decimal k) => (f.MinStrike is null || k >= f.MinStrike) && (f.MaxStrike is null || k <= f.MaxStrike);
        bool InExpiryRange(string e) =>
            (f.FromExpiry is null || string.CompareOrdinal(e, f.FromExpiry) >= 0) && (f.ToExpiry is null || string.CompareOrdinal(e, f.ToExpiry) <= 0);
    }

    /// <summary>The options of one answer the filter keeps (the gateway answers every strike of the expiration).</summary>
    public static IEnumerable<ChainOption> Keep(Query query, ContractDetailsList answer, OptionChainFilter f) =>
        answer.Details
            .Where(d => d.Contract.Strike is { } k && (f.MinStrike is null || k >= f.MinStrike) && (f.MaxStrike is null || k <= f.MaxStrike))
            .Where(d => d.Contract.Right is { } r && (f.Right is null || r == f.Right))
            .Select(d => new ChainOption(d.Contract with { ConId = d.ConId }, d.ConId, d.Contract.LastTradeDateOrContractMonth ?? query.Expiry,
                d.Contract.Strike!.Value, d.Contract.Right!.Value, d.Contract.TradingClass ?? query.TradingClass, d.Contract.Multiplier ?? ""));

    /// <summary>Expiry, strike, calls before puts; a conId the gateway listed twice counts once.</summary>
    public static IReadOnlyList<ChainOption> Order(IEnumerable<ChainOption> options) =>
        options.DistinctBy(o => o.ConId).OrderBy(o => o.Expiry, StringComparer.Ordinal).ThenBy(o => o.Strike).ThenBy(o => o.Right).ToList();

    private static ContractSpec OptionSpec(ContractSpec underlying, OptionParameterSet set, string expiry, OptionChainFilter f) => new()
    {
        Symbol = underlying.Symbol,
        SecType = underlying.SecType == SecType.Future ? SecType.FutureOption : SecType.Option,
        Exchange = set.Exchange,
        Currency = underlying.Currency,
        LastTradeDateOrContractMonth = expiry,
        TradingClass = string.IsNullOrEmpty(set.TradingClass) ? null : set.TradingClass,
        Multiplier = string.IsNullOrEmpty(set.Multiplier) ? null : set.Multiplier,
        Right = f.Right,
    };

    private static Plan Fail(string problem) => new([], problem);
}
