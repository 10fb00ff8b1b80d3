using FsCheck;
using FsCheck.Fluent;
using Google.Protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Options;

/// <summary>
/// Helpers the option, scanner, news and fundamentals tests share: the versions their round trips run at (the
/// shared set plus each gate and the version just below it) and exact-byte checks of text frames.
/// </summary>
internal static class OptionTestSupport
{
    /// <summary>Gates of these families and their neighbours: 104, 113–117, 128, 143, 156, 180, 183, 184.</summary>
    private static readonly int[] Gates = [100, 103, 104, 112, 113, 115, 116, 117, 127, 128, 142, 143, 155, 156, 179, 180, 182, 183, 184, 201, 209, 210, 211, 212];

    public static TheoryData<int> Versions()
    {
        var data = new TheoryData<int>();
        foreach (var v in CodecAssert.Versions.Concat(Gates).Distinct().Order()) data.Add(v);
        return data;
    }

    /// <summary>The text frame the codec writes for <paramref name="message"/>, in either direction.</summary>
    public static byte[] TextFrame(IMessage message, int version, Direction direction) =>
        TwsCodec.Default.EncodeToArray(message, version, direction, WireEncoding.Text);

    /// <summary>Asserts the codec writes exactly the frame of <paramref name="notation"/> (a text-era version).</summary>
    public static void WritesExactly(IMessage message, string notation, int version, Direction direction) =>
        Assert.Equal(Wire.Frame(Wire.Payload(notation)), TextFrame(message, version, direction));

    /// <summary>Decodes a constructed vector and checks that re-encoding it gives back the same bytes.</summary>
    public static T DecodeAndReencode<T>(string notation, int version, Direction direction) where T : IMessage
    {
        var m = CodecAssert.DecodeText<T>(notation, version, direction);
        WritesExactly(m, notation, version, direction);
        return m;
    }

    public static ProtocolException Reject(string notation, int version, Direction direction = ServerToClient) =>
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(Wire.Payload(notation), version, direction));

    /// <summary>Every prefix of a valid frame (cut at any byte) is a ProtocolException, never another exception.</summary>
    public static void EveryTruncationIsRejected(string notation, int version, Direction direction)
    {
        var payload = Wire.Payload(notation);
        var id = Array.IndexOf(payload, (byte)0) + 1;
        for (var length = id; length < payload.Length; length++)
        {
            var cut = payload.AsSpan(0, length).ToArray();
            Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(cut, version, direction));
        }
    }

    /// <summary>Doubles including TWS's "not computed" values -1 and -2, which must survive both encodings.</summary>
    public static Gen<double> DoubleOrSentinel => Gen.Frequency((3, Gens.Double), (1, Gen.Elements(-1.0, -2.0)));

    /// <summary>A list of up to <paramref name="max"/> values.</summary>
    public static Gen<T[]> List<T>(Gen<T> item, int max = 6) =>
        from n in Gen.Choose(0, max) from items in Gen.ArrayOf(item, n) select items;
}
