using System.Globalization;
using System.Runtime.Serialization;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Contracts.Mapping;

/// <summary>
/// The scalar conventions of the wire contract (proto/desk/README.md): exact decimals as invariant strings, instants
/// exact to the tick with their offset, durations as ticks, enums checked on the way in. Every read that meets a value
/// the contract does not allow throws a <see cref="SerializationException"/> naming the field, so a bad message fails
/// in the serializer and never as a wrong value in an actor.
/// </summary>
public static class WireValues
{
    private const NumberStyles DecimalStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;

    // decimal.ToString keeps the scale (1.10m is "1.10"), and decimal.Parse restores it: the value crosses exactly.
    public static string Dec(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Dec(string text, string field) =>
        decimal.TryParse(text, DecimalStyle, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SerializationException($"field {field}: '{text}' is not a decimal (invariant culture, e.g. -12.3400)");

    public static decimal? DecOrNull(bool present, string text, string field) => present ? Dec(text, field) : null;

    public static W.Instant Time(DateTimeOffset at)
    {
        var ticks = at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TicksPerSecond, out var rest);
        if (rest < 0) { seconds--; rest += TicksPerSecond; }
        return new W.Instant { UnixSeconds = seconds, Nanos = (int)(rest * 100), OffsetMinutes = (int)at.Offset.TotalMinutes };
    }

    public static W.Instant? TimeOrNull(DateTimeOffset? at) => at is { } value ? Time(value) : null;

    public static DateTimeOffset Time(W.Instant? at, string field)
    {
        if (at is null) throw new SerializationException($"field {field}: a time is required");
        if (at.Nanos is < 0 or > 999_999_999 || at.Nanos % 100 != 0)
            throw new SerializationException($"field {field}: nanos {at.Nanos} is not a multiple of 100 within a second");
        try
        {
            var utcTicks = DateTimeOffset.UnixEpoch.UtcTicks + checked(at.UnixSeconds * TicksPerSecond) + at.Nanos / 100;
            var offset = TimeSpan.FromMinutes(at.OffsetMinutes);
            return new DateTimeOffset(utcTicks + offset.Ticks, offset);
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new SerializationException($"field {field}: {at} is not a representable time", e);
        }
    }

    public static DateTimeOffset? TimeOrNull(W.Instant? at, string field) => at is null ? null : Time(at, field);

    public static long Span(TimeSpan span) => span.Ticks;

    public static TimeSpan Span(long ticks) => TimeSpan.FromTicks(ticks);

    /// <summary>A required nested message.</summary>
    public static T Required<T>(T? value, string field) where T : class =>
        value ?? throw new SerializationException($"field {field}: a value is required");

    /// <summary>
    /// A C# enum from its wire number. The contract's enums number the C# values from 1 (0 is UNSPECIFIED) unless
    /// they mirror IB's own numbers (<paramref name="offset"/> 0).
    /// </summary>
    public static TEnum Enum<TEnum>(int wire, int offset, string field) where TEnum : struct, Enum
    {
        var value = wire - offset;
        var result = (TEnum)System.Enum.ToObject(typeof(TEnum), value);
        return System.Enum.IsDefined(result)
            ? result
            : throw new SerializationException($"field {field}: {wire} is not a {typeof(TEnum).Name} this schema knows");
    }
}
