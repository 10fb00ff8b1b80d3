using Google.Protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using Xunit;

namespace TradingDesk.Protocol.Tests.Support;

/// <summary>Round-trip assertions shared by every message family's tests.</summary>
public static class CodecAssert
{
    /// <summary>The server versions every family is checked at (issue: 176 … 225).</summary>
    public static readonly int[] Versions = [176, 187, 193, 200, 203, 205, 208, 213, 225];

    public static TheoryData<int> VersionData()
    {
        var data = new TheoryData<int>();
        foreach (var v in Versions) data.Add(v);
        return data;
    }

    /// <summary>
    /// Encodes <paramref name="message"/> at <paramref name="version"/> in <paramref name="encoding"/>, checks the frame
    /// shape (length prefix, id form), decodes it and asserts the result equals the original.
    /// </summary>
    public static DecodedMessage RoundTrip(IMessage message, int version, Direction direction, WireEncoding encoding, IMessage? companion = null)
    {
        var codec = TwsCodec.Default;
        var frame = codec.EncodeToArray(message, version, direction, encoding, companion);
        var buffer = new System.Buffers.ReadOnlySequence<byte>(frame);
        Assert.True(FrameReader.TryReadFrame(ref buffer, out var payload), "encoded bytes are not one whole frame");
        Assert.True(buffer.IsEmpty, "encoded bytes hold more than one frame");
        var decoded = codec.Decode(payload, version, direction, 4);
        Assert.False(decoded.IsUnknown, $"{message.Descriptor.Name} decoded as unknown");
        Assert.Equal(encoding, decoded.Encoding);
        Assert.Equal(message, decoded.Message);
        if (companion is not null) Assert.Equal(companion, decoded.Companion);
        return decoded;
    }

    /// <summary>Round-trips in every encoding that exists at the version: text always where the message has a text form, protobuf from 201.</summary>
    public static void RoundTripAllEncodings(IMessage message, int version, Direction direction, IMessage? companion = null)
    {
        var codec = TwsCodec.Default.Registry.FindFor(message, direction);
        if (version < codec.MinVersion) return;
        if (codec.HasTextForm) RoundTrip(message, version, direction, WireEncoding.Text, companion);
        if (version >= ServerVersions.Protobuf) RoundTrip(message, version, direction, WireEncoding.Protobuf);
    }

    /// <summary>Decodes one text frame given in captured-vectors notation at a text-era version.</summary>
    public static T DecodeText<T>(string notation, int version, Direction direction) where T : IMessage
    {
        var decoded = TwsCodec.Default.Decode(Wire.Payload(notation), version, direction);
        Assert.Equal(WireEncoding.Text, decoded.Encoding);
        return Assert.IsType<T>(decoded.Message);
    }

    /// <summary>Asserts that re-encoding a decoded client→server vector gives back the captured bytes.</summary>
    public static void ReencodesTo(IMessage message, string notation, int version)
    {
        var frame = TwsCodec.Default.EncodeToArray(message, version, Direction.ClientToServer, WireEncoding.Text);
        Assert.Equal(Wire.Frame(Wire.Payload(notation)), frame);
    }
}
