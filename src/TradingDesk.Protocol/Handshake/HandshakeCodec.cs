using System.Buffers;
using System.Globalization;
using System.Text;
using TradingDesk.Protocol.Framing;

namespace TradingDesk.Protocol.Handshake;

/// <summary>
/// The V100+ handshake in both roles.
/// Client: <c>API\0</c>, then one framed ASCII string <c>v&lt;min&gt;..&lt;max&gt;[ &lt;options&gt;]</c>.
/// Server: one framed text message of two fields, <c>&lt;version&gt;\0&lt;connectionTime&gt;\0</c>, always text,
/// because the client does not know the version yet. Then the client sends startApi (see the codec).
/// </summary>
public static class HandshakeCodec
{
    /// <summary>The 4 raw bytes a client sends first, with no length prefix.</summary>
    public static ReadOnlySpan<byte> Prologue => "API\0"u8;

    /// <summary>Encodes the client's prologue and version range in one buffer, as IB's clients send it in one write.</summary>
    public static byte[] EncodeClientHello(ClientHello hello)
    {
        if (hello.MinVersion < ServerVersions.Min || hello.MaxVersion < hello.MinVersion)
            throw new ArgumentException($"version range {hello.MinVersion}..{hello.MaxVersion} is not valid (the floor is {ServerVersions.Min})", nameof(hello));
        var text = $"v{hello.MinVersion}..{hello.MaxVersion}";
        if (!string.IsNullOrWhiteSpace(hello.ConnectOptions)) text += " " + hello.ConnectOptions.Trim();
        var body = Encoding.ASCII.GetBytes(text);
        using var buffer = new FrameBuffer(Prologue.Length + 4 + body.Length);
        buffer.Write(Prologue);
        buffer.WriteInt32BigEndian(body.Length);
        buffer.Write(body);
        return buffer.ToArray();
    }

    /// <summary>
    /// Server role: reads the prologue and the version range from the front of <paramref name="buffer"/>.
    /// Returns false while more bytes are needed.
    /// </summary>
    /// <exception cref="ProtocolException">The bytes are not a V100+ client hello.</exception>
    public static bool TryReadClientHello(ref ReadOnlySequence<byte> buffer, out ClientHello hello, long streamOffset = 0)
    {
        hello = null!;
        var prologueLength = Prologue.Length;
        if (buffer.Length < prologueLength) return false;
        Span<byte> head = stackalloc byte[4];
        buffer.Slice(0, prologueLength).CopyTo(head);
        if (!head.SequenceEqual(Prologue))
            throw new ProtocolException("the stream does not start with the API\\0 prologue (is this a V100+ TWS client?)", field: "prologue", offset: streamOffset);

        var rest = buffer.Slice(prologueLength);
        if (!FrameReader.TryReadFrame(ref rest, out var payload, streamOffset + prologueLength)) return false;
        hello = ParseVersionRange(Encoding.ASCII.GetString(payload), streamOffset + prologueLength + FrameReader.HeaderLength);
        buffer = rest;
        return true;
    }

    /// <summary>Parses "v100..225", "v100..225 +PACEAPI" or a single "v176".</summary>
    public static ClientHello ParseVersionRange(string text, long offset = -1)
    {
        var space = text.IndexOf(' ');
        var range = space < 0 ? text : text[..space];
        var options = space < 0 ? null : text[(space + 1)..].Trim();
        if (range.Length < 2 || range[0] != 'v')
            throw new ProtocolException($"version range '{text}' does not start with 'v'", field: "versionRange", offset: offset);
        var dots = range.IndexOf("..", StringComparison.Ordinal);
        var minText = dots < 0 ? range[1..] : range[1..dots];
        var maxText = dots < 0 ? minText : range[(dots + 2)..];
        if (!int.TryParse(minText, NumberStyles.None, CultureInfo.InvariantCulture, out var min) ||
            !int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < min)
            throw new ProtocolException($"version range '{text}' is not v<min>..<max>", field: "versionRange", offset: offset);
        return new ClientHello(min, max, string.IsNullOrEmpty(options) ? null : options);
    }

    /// <summary>Encodes the server's reply frame.</summary>
    public static byte[] EncodeServerHello(ServerHello hello)
    {
        var body = Encoding.UTF8.GetBytes($"{hello.ServerVersion.ToString(CultureInfo.InvariantCulture)}\0{hello.ConnectionTime}\0");
        using var buffer = new FrameBuffer(4 + body.Length);
        buffer.WriteInt32BigEndian(body.Length);
        buffer.Write(body);
        return buffer.ToArray();
    }

    /// <summary>
    /// Client role: reads the server's reply. Returns false while the frame is incomplete.
    /// </summary>
    /// <exception cref="ProtocolException">The first frame is not a version/time reply.</exception>
    public static bool TryReadServerHello(ref ReadOnlySequence<byte> buffer, out ServerHello hello, long streamOffset = 0)
    {
        hello = null!;
        var rest = buffer;
        if (!FrameReader.TryReadFrame(ref rest, out var payload, streamOffset)) return false;
        hello = TryParseServerHello(payload)
            ?? throw new ProtocolException("the server's first message is not a <version>\\0<time>\\0 reply", field: "serverHello", offset: streamOffset);
        buffer = rest;
        return true;
    }

    /// <summary>
    /// Parses a frame payload as the server's reply: a version (IB's clients read the time only from version 20),
    /// then the connection time, and nothing more. Returns null for anything else.
    /// </summary>
    public static ServerHello? TryParseServerHello(in ReadOnlySequence<byte> payload)
    {
        if (payload.Length > 512) return null;
        var text = Encoding.UTF8.GetString(payload);
        var fields = text.Split('\0');
        // "176\0time\0" splits into ["176", "time", ""]: two fields and the final terminator.
        if (fields.Length != 3 || fields[2].Length != 0) return null;
        if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return null;
        if (version < ServerVersions.Min || version > 999) return null;
        return new ServerHello(version, fields[1]);
    }
}
