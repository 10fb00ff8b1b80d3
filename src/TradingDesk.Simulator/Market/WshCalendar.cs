using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Market;

/// <summary>One corporate event of the simulator's Wall Street Horizon calendar.</summary>
/// <param name="Type">the event type tag (see <see cref="WshCalendar.EventTypes"/>).</param>
/// <param name="TimeOfDay">"BMO" (before market open) or "AMC" (after market close) for earnings; "" otherwise.</param>
public sealed record WshEvent(string Type, ConId ConId, string Symbol, DateOnly Date, string TimeOfDay);

/// <summary>
/// A deterministic corporate calendar for the catalogue's stocks: quarterly earnings dates (companies, not funds)
/// and quarterly dividend ex-dates (every stock and fund), each a pure function of (seed, conId, quarter), so the
/// same seed always tells the same story. The tags are the simulator's own, in IB's "wshe_" style (UNCONFIRMED
/// against IB's metadata, which is licensed data no public source shows whole).
/// </summary>
public sealed class WshCalendar(long seed, InstrumentCatalogue catalogue)
{
    public const string EarningsDate = "wshe_ed";
    public const string DividendExDate = "wshe_div_ex";
    public const string ShareholderMeeting = "wshe_sh_mtg";

    /// <summary>The event types the metadata lists: (tag, display name).</summary>
    public static readonly IReadOnlyList<(string Tag, string Name)> EventTypes =
    [
        (EarningsDate, "Earnings Date"), (DividendExDate, "Dividend Ex-Date"), (ShareholderMeeting, "Annual Shareholder Meeting"),
    ];

    /// <summary>The stocks and funds the calendar covers.</summary>
    public IEnumerable<ContractDefinition> Covered => catalogue.All.Where(c => c.SecType == SecType.Stock).OrderBy(c => c.ConId.Value);

    /// <summary>Events of <paramref name="contract"/> with types in <paramref name="types"/> between two dates (inclusive), by date.</summary>
    public IEnumerable<WshEvent> Events(ContractDefinition contract, IReadOnlySet<string> types, DateOnly from, DateOnly to)
    {
        var fund = contract.Industry == "Funds";
        for (var year = from.Year; year <= to.Year; year++)
        {
            for (var q = 0; q < 4; q++)
            {
                var quarter = (ulong)(year * 4 + q);
                if (!fund && types.Contains(EarningsDate))
                {
                    // Reports come three to seven weeks after the quarter closes (January, April, July, October).
                    var date = Weekday(new DateOnly(year, 1 + 3 * q, 1).AddDays(20 + (int)(Draw(contract, quarter, 1) * 30)));
                    yield return new WshEvent(EarningsDate, contract.ConId, contract.Symbol, date, Draw(contract, quarter, 2) < 0.5 ? "BMO" : "AMC");
                }
                if (types.Contains(DividendExDate))
                {
                    var date = Weekday(new DateOnly(year, 2 + 3 * q, 1).AddDays((int)(Draw(contract, quarter, 3) * 25)));
                    yield return new WshEvent(DividendExDate, contract.ConId, contract.Symbol, date, "");
                }
                if (q == 1 && types.Contains(ShareholderMeeting))
                {
                    var date = Weekday(new DateOnly(year, 4, 15).AddDays((int)(Draw(contract, quarter, 4) * 45)));
                    yield return new WshEvent(ShareholderMeeting, contract.ConId, contract.Symbol, date, "");
                }
            }
        }
    }

    private double Draw(ContractDefinition c, ulong quarter, ulong salt) =>
        PathRandom.Uniform(PathRandom.Key(seed, c.ConId.Value, 0x3517, quarter, salt), 0);

    private static DateOnly Weekday(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(2),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };
}
