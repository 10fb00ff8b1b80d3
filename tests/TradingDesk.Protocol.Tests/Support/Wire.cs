using System.Buffers.Binary;
using System.Text;

namespace TradingDesk.Protocol.Tests.Support;

/// <summary>Builds wire bytes from the notation of the captured frames, where "\0" stands for a NUL byte.</summary>
public static class Wire
{
    /// <summary>A text payload from "49\01\0"-style notation (a literal backslash-zero is a NUL).</summary>
    public static byte[] Payload(string notation) => Encoding.UTF8.GetBytes(notation.Replace("\\0", "\0"));

    /// <summary>A whole frame: 4-byte big-endian length, then the payload.</summary>
    public static byte[] Frame(byte[] payload)
    {
        var frame = new byte[4 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }

    /// <summary>A text frame at server version ≥ 201: the ASCII id field is replaced by a 4-byte binary id.</summary>
    public static byte[] BinaryIdTextPayload(string notation)
    {
        var payload = Payload(notation);
        var nul = Array.IndexOf(payload, (byte)0);
        var id = int.Parse(Encoding.ASCII.GetString(payload, 0, nul), System.Globalization.CultureInfo.InvariantCulture);
        var result = new byte[4 + payload.Length - nul - 1];
        BinaryPrimitives.WriteInt32BigEndian(result, id);
        Array.Copy(payload, nul + 1, result, 4, payload.Length - nul - 1);
        return result;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "").Replace("|", ""));

    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
