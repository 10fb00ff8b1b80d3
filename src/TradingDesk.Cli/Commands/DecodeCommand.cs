using System.Buffers;
using System.CommandLine;
using System.Text.Json;
using Google.Protobuf;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk decode FILE [--direction in|out] [--server-version N]</c>: reads raw TWS bytes and prints one JSON object
/// per message per line. Bad input: what came before it is printed, then one line with the byte offset on stderr, exit 2.
/// </summary>
public static class DecodeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, Func<Stream> openStdin)
    {
        var file = new Argument<string>("FILE") { Description = "Raw TWS bytes, with or without the handshake at the start; '-' reads stdin." };
        var direction = new Option<string>("--direction")
        {
            Description = "in: what a client receives (server to client); out: what a client sends.",
            DefaultValueFactory = _ => "in",
        };
        direction.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "in";
            if (text is not ("in" or "out")) r.AddError($"--direction must be in (what a client receives) or out (what a client sends), not '{text}'");
        });
        var version = new Option<int?>("--server-version")
        {
            Description = "The negotiated server version; needed when the bytes do not start with the handshake.",
        }.Integer("a server version", ServerVersions.Min, 999, "176");

        var command = new Command("decode", "Decode raw TWS protocol bytes to JSON lines.") { file, direction, version };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var dir = parse.GetValue(direction) == "out" ? Direction.ClientToServer : Direction.ServerToClient;
            return Run(path, dir, parse.GetValue(version), stdout, stderr, openStdin);
        });
        return command;
    }

    public static int Run(string path, Direction direction, int? serverVersion, TextWriter stdout, TextWriter stderr, Func<Stream> openStdin)
    {
        byte[] bytes;
        try
        {
            using var input = path == "-" ? openStdin() : File.OpenRead(path);
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            bytes = copy.ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"desk decode: cannot read {path}: {ex.Message}");
            return Program.BadInput;
        }
        return Decode(bytes, direction, serverVersion, stdout, stderr);
    }

    public static int Decode(byte[] bytes, Direction direction, int? serverVersion, TextWriter stdout, TextWriter stderr)
    {
        var decoder = new TwsStreamDecoder(direction, serverVersion);
        var buffer = new ReadOnlySequence<byte>(bytes);
        try
        {
            while (decoder.TryDecodeNext(ref buffer, out var item)) stdout.WriteLine(JsonLines.Format(item));
        }
        catch (ProtocolException ex)
        {
            stderr.WriteLine($"desk decode: {ex.Message}");
            return Program.BadInput;
        }
        if (!buffer.IsEmpty)
        {
            stderr.WriteLine($"desk decode: truncated frame at offset {decoder.Offset}: {buffer.Length} bytes left over");
            return Program.BadInput;
        }
        return 0;
    }
}
