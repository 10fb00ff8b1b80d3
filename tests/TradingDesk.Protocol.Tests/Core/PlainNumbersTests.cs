using System.Globalization;
using System.Text;
using FsCheck.Fluent;
using TradingDesk.Protocol.Text;
using TradingDesk.Protocol.Tests.Support;
using Xunit;

namespace TradingDesk.Protocol.Tests.Core;

/// <summary>The text reader's number fast paths give bit for bit what the BCL parsers give, or decline.</summary>
public sealed class PlainNumbersTests
{
    private static void Agrees(string text)
    {
        if (!PlainNumbers.TryParseDouble(Encoding.ASCII.GetBytes(text), out var fast)) return;
        var slow = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        Assert.True(BitConverter.DoubleToInt64Bits(slow) == BitConverter.DoubleToInt64Bits(fast), $"{text}: {fast:R} vs {slow:R}");
    }

    [Fact]
    public void Random_decimal_strings_parse_exactly() => Property.ForAll(
        from negative in Gens.Bool
        from whole in Gen.Choose(0, int.MaxValue)
        from fractionDigits in Gen.Choose(0, 12)
        from fraction in Gen.Choose(0, int.MaxValue)
        select (negative ? "-" : "") + whole + (fractionDigits == 0 ? "" : "." + fraction.ToString("D10")[..Math.Min(fractionDigits, 10)]),
        Agrees, maxTest: 2_000);

    [Fact]
    public void Shortest_round_trip_doubles_parse_exactly() =>
        Property.ForAll(Gens.Double, d => Agrees(d.ToString("R", CultureInfo.InvariantCulture)), maxTest: 2_000);

    [Theory]
    [InlineData("187.25", true)]
    [InlineData("-0", true)]
    [InlineData("0.00000000000001", true)] // 15 digits in all
    [InlineData("1234567890123456", false)] // 16 digits: not exact in the fast path
    [InlineData("1.7976931348623157E308", false)]
    [InlineData("Infinity", false)]
    [InlineData(".5", false)]
    [InlineData("5.", false)]
    [InlineData("1.2.3", false)]
    [InlineData("-", false)]
    [InlineData("+1", false)]
    public void Declines_what_it_cannot_do_exactly(string text, bool taken)
    {
        Assert.Equal(taken, PlainNumbers.TryParseDouble(Encoding.ASCII.GetBytes(text), out _));
        Agrees(text);
    }

    [Fact]
    public void The_tick_price_decoder_still_maps_the_sentinel_to_unset()
    {
        var m = CodecAssert.DecodeText<IBApi.protobuf.TickPrice>("1\\06\\09001\\01\\01.7976931348623157E308\\00\\00\\0", 176, Codec.Direction.ServerToClient);
        Assert.False(m.HasPrice);
        var inf = CodecAssert.DecodeText<IBApi.protobuf.TickPrice>("1\\06\\09001\\01\\0Infinity\\00\\00\\0", 176, Codec.Direction.ServerToClient);
        Assert.Equal(double.PositiveInfinity, inf.Price);
    }

    private static void AgreesInt(string text)
    {
        if (!PlainNumbers.TryParseInt(Encoding.ASCII.GetBytes(text), out var fast)) return;
        Assert.Equal(int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), fast);
    }

    [Fact]
    public void Random_integers_parse_exactly() => Property.ForAll(
        from negative in Gens.Bool
        from magnitude in Gen.Choose(0, int.MaxValue)
        from zeros in Gen.Choose(0, 3)
        select (negative ? "-" : "") + new string('0', zeros) + magnitude,
        AgreesInt, maxTest: 2_000);

    [Theory]
    [InlineData("13", true)]
    [InlineData("-1", true)]
    [InlineData("999999999", true)]
    [InlineData("1000000000", false)] // ten digits: may overflow, left to the BCL
    [InlineData("2147483647", false)] // UNSET_INTEGER: the reader's own rule maps it to unset
    [InlineData("-", false)]
    [InlineData("+1", false)]
    [InlineData("1.0", false)]
    [InlineData("", false)]
    public void Integers_declines_what_it_cannot_do_exactly(string text, bool taken)
    {
        Assert.Equal(taken, PlainNumbers.TryParseInt(Encoding.ASCII.GetBytes(text), out _));
        AgreesInt(text);
    }

    [Theory]
    [InlineData("1.7976931348623157E308")] // as TWS writes it
    [InlineData("17976931348623157E292")] // another spelling of double.MaxValue: the parsed value still maps to unset
    [InlineData("")]
    public void Every_spelling_of_UNSET_DOUBLE_reads_as_unset(string text)
    {
        var payload = Encoding.ASCII.GetBytes(text + "\0");
        var reader = new TextFieldReader(payload, 0, 1, 0);
        Assert.Null(reader.ReadDoubleOrUnset("x"));
    }

    [Theory]
    [InlineData("2147483647", null)]
    [InlineData("-2147483648", int.MinValue)]
    [InlineData("+7", 7)]
    [InlineData("007", 7)]
    public void Integers_outside_the_fast_path_keep_the_reader_rules(string text, int? expected)
    {
        var payload = Encoding.ASCII.GetBytes(text + "\0");
        var reader = new TextFieldReader(payload, 0, 1, 0);
        Assert.Equal(expected, reader.ReadIntOrUnset("x"));
    }

    [Fact]
    public void A_bad_integer_still_names_its_field()
    {
        var payload = Encoding.ASCII.GetBytes("12a\0");
        var ex = Assert.Throws<ProtocolException>(() => new TextFieldReader(payload, 0, 1, 0).ReadInt("count"));
        Assert.Equal("count", ex.Field);
    }
}
