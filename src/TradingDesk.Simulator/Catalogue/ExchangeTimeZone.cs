namespace TradingDesk.Simulator.Catalogue;

/// <summary>
/// US exchange time zones with the US daylight-saving rule (since 2007: second Sunday of March 02:00 to first
/// Sunday of November 02:00), computed here rather than read from the machine's tz database so that sessions,
/// and therefore fills and bars, are identical on every machine.
/// </summary>
public sealed class ExchangeTimeZone
{
    public static readonly ExchangeTimeZone Eastern = new("US/Eastern", -5, "EST", "EDT");
    public static readonly ExchangeTimeZone Central = new("US/Central", -6, "CST", "CDT");

    private readonly int _standardOffsetHours;
    private readonly string _standardAbbreviation;
    private readonly string _daylightAbbreviation;

    private ExchangeTimeZone(string ibId, int standardOffsetHours, string standardAbbreviation, string daylightAbbreviation)
    {
        IbId = ibId;
        _standardOffsetHours = standardOffsetHours;
        _standardAbbreviation = standardAbbreviation;
        _daylightAbbreviation = daylightAbbreviation;
    }

    /// <summary>The id IB puts in contractDetails.timeZoneId.</summary>
    public string IbId { get; }

    /// <summary>The short name of the zone in effect at an instant ("EST" or "EDT"), as a gateway's clock shows it.</summary>
    public string Abbreviation(DateTimeOffset instant) =>
        ToLocal(instant) - instant.UtcDateTime == TimeSpan.FromHours(_standardOffsetHours) ? _standardAbbreviation : _daylightAbbreviation;

    public static ExchangeTimeZone ForIbId(string id) => id switch
    {
        "US/Eastern" => Eastern,
        "US/Central" => Central,
        _ => throw new ArgumentException($"unknown exchange time zone {id}", nameof(id)),
    };

    /// <summary>UTC offset in effect at a local wall-clock time.</summary>
    public TimeSpan OffsetAtLocal(DateTime local)
    {
        var (start, end) = DstBounds(local.Year);
        var dst = local >= start && local < end;
        return TimeSpan.FromHours(_standardOffsetHours + (dst ? 1 : 0));
    }

    /// <summary>Converts a local wall-clock time to an instant.</summary>
    public DateTimeOffset ToInstant(DateTime local) =>
        new(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), OffsetAtLocal(local));

    public DateTimeOffset ToInstant(DateOnly date, TimeOnly time) => ToInstant(date.ToDateTime(time));

    /// <summary>Converts an instant to local wall-clock time.</summary>
    public DateTime ToLocal(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        // DST begins when standard time reaches 02:00 (clocks jump to 03:00) and ends when daylight time reaches
        // 02:00 (clocks go back to 01:00).
        var standard = utc.AddHours(_standardOffsetHours);
        var (start, end) = DstBounds(standard.Year);
        var asDst = standard.AddHours(1);
        return standard >= start && asDst < end ? asDst : standard;
    }

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant));

    private static (DateTime Start, DateTime End) DstBounds(int year)
    {
        var march = NthSunday(year, 3, 2);
        var november = NthSunday(year, 11, 1);
        return (march.AddHours(2), november.AddHours(2));
    }

    private static DateTime NthSunday(int year, int month, int n)
    {
        var first = new DateTime(year, month, 1);
        var offset = ((int)DayOfWeek.Sunday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }
}
