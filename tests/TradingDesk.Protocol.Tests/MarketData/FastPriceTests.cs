using System.Globalization;
using System.Text;
using FsCheck.Fluent;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Tests.Support;
using Xunit;

namespace TradingDesk.Protocol.Tests.MarketData;

/// <summary>The tickPrice price fast path gives bit-for-bit the double the BCL parser gives, or declines.</summary>
public sealed class FastPriceTests
{
    private static void Agrees(string text)
    {
        if (!FastPrice.TryParsePlain(Encoding.ASCII.GetBytes(text), out var fast)) return;
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
        Assert.Equal(taken, FastPrice.TryParsePlain(Encoding.ASCII.GetBytes(text), out _));
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
}
