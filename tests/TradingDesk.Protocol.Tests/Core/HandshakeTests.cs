using System.Buffers;
using TradingDesk.Protocol.Handshake;
using TradingDesk.Protocol.Tests.Support;
using Xunit;

namespace TradingDesk.Protocol.Tests.Core;

public sealed class HandshakeTests
{
    [Fact]
    public void Client_hello_matches_the_documented_bytes()
    {
        var bytes = HandshakeCodec.EncodeClientHello(new ClientHello(100, 225));
        Assert.Equal(Wire.Hex("41 50 49 00 00 00 00 09 76 31 30 30 2E 2E 32 32 35"), bytes);
    }

    [Fact]
    public void Connect_options_follow_one_space()
    {
        var bytes = HandshakeCodec.EncodeClientHello(new ClientHello(100, 225, "+PACEAPI"));
        Assert.EndsWith("v100..225 +PACEAPI", System.Text.Encoding.ASCII.GetString(bytes));
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(HandshakeCodec.TryReadClientHello(ref buffer, out var hello));
        Assert.Equal(new ClientHello(100, 225, "+PACEAPI"), hello);
        Assert.True(hello.AsksForPacing);
        Assert.True(buffer.IsEmpty);
    }

    [Fact]
    public void Server_reads_the_client_hello_byte_by_byte()
    {
        var bytes = HandshakeCodec.EncodeClientHello(new ClientHello(157, 178));
        for (var i = 0; i < bytes.Length; i++)
        {
            var partial = new ReadOnlySequence<byte>(bytes, 0, i);
            Assert.False(HandshakeCodec.TryReadClientHello(ref partial, out _));
        }
        var whole = new ReadOnlySequence<byte>(bytes);
        Assert.True(HandshakeCodec.TryReadClientHello(ref whole, out var hello));
        Assert.Equal(157, hello.MinVersion);
        Assert.Equal(178, hello.MaxVersion);
    }

    [Fact]
    public void A_stream_without_the_prologue_is_refused()
    {
        var buffer = new ReadOnlySequence<byte>("GET / HTTP/1.1\r\n"u8.ToArray());
        var ex = Assert.Throws<ProtocolException>(() => HandshakeCodec.TryReadClientHello(ref buffer, out _));
        Assert.Equal("prologue", ex.Field);
    }

    [Theory]
    [InlineData("100..225")]
    [InlineData("vABC..225")]
    [InlineData("v225..100")]
    public void A_bad_version_range_is_refused(string text)
    {
        var ex = Assert.Throws<ProtocolException>(() => HandshakeCodec.ParseVersionRange(text));
        Assert.Equal("versionRange", ex.Field);
    }

    [Theory]
    [InlineData("20230405 22:20:39 PST")]
    [InlineData("20250715 19:05:07 China Standard Time")]
    [InlineData("20250715 19:05:07 Mitteleuropäische Zeit")]
    public void Server_hello_round_trips_with_any_time_zone_text(string time)
    {
        var bytes = HandshakeCodec.EncodeServerHello(new ServerHello(176, time));
        var buffer = new ReadOnlySequence<byte>(bytes);
        Assert.True(HandshakeCodec.TryReadServerHello(ref buffer, out var hello));
        Assert.Equal(new ServerHello(176, time), hello);
    }

    [Fact]
    public void A_first_message_that_is_not_a_hello_is_refused()
    {
        var buffer = new ReadOnlySequence<byte>(Wire.Frame(Wire.Payload("9\\01\\05\\0")));
        Assert.Throws<ProtocolException>(() => HandshakeCodec.TryReadServerHello(ref buffer, out _));
    }

    [Theory]
    [InlineData(100, 225, 100, 225, 225)]
    [InlineData(100, 200, 100, 225, 200)]
    [InlineData(213, 225, 100, 203, null)]   // a protobuf-only client against an old gateway: no common version
    [InlineData(157, 178, 100, 176, 176)]
    public void Negotiation_picks_the_highest_common_version(int cMin, int cMax, int sMin, int sMax, int? expected) =>
        Assert.Equal(expected, new ClientHello(cMin, cMax).Negotiate(sMin, sMax));
}
