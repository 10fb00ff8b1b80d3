using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Xunit;

namespace TradingDesk.Cli.Tests;

public sealed class DecodeCommandTests
{
    private static string Samples => Path.Combine(RepoRoot(), "samples", "captures");

    [Fact]
    public void Decodes_a_server_capture_with_its_handshake_one_json_object_per_line()
    {
        var (code, stdout, stderr) = Desk("decode", Path.Combine(Samples, "server-173.bin"));
        Assert.Equal(0, code);
        Assert.Empty(stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(173, lines[0].GetProperty("serverVersion").GetInt32());
        var accounts = lines[1];
        Assert.Equal(15, accounts.GetProperty("id").GetInt32());
        Assert.Equal("managedAccounts", accounts.GetProperty("name").GetString());
        Assert.Equal("text", accounts.GetProperty("encoding").GetString());
        Assert.Equal("DU1234567", accounts.GetProperty("fields").GetProperty("accountsList").GetString());
        Assert.Equal(30, accounts.GetProperty("offset").GetInt64()); // the 4-byte length + 26-byte hello come first
        var error = lines[3].GetProperty("fields");
        Assert.Equal(2104, error.GetProperty("errorCode").GetInt32());
    }

    [Fact]
    public void Decodes_a_client_capture_from_stdin_with_the_version_from_the_handshake()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Samples, "client-176.bin"));
        var (code, stdout, _) = Desk(bytes, "decode", "-", "--direction", "out");
        Assert.Equal(0, code);
        var first = JsonDocument.Parse(stdout.Split('\n')[1]).RootElement;
        Assert.Equal("startApi", first.GetProperty("name").GetString());
        Assert.Equal(1, first.GetProperty("fields").GetProperty("clientId").GetInt32());
    }

    [Fact]
    public void Bad_bytes_print_what_came_before_then_one_line_with_the_offset_and_exit_2()
    {
        var good = Frame("49\01\01752606307\0");
        var bad = Frame("49\01\0soon\0");
        var (code, stdout, stderr) = Desk([.. good, .. bad], "decode", "-", "--server-version", "176");
        Assert.Equal(2, code);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"offset {good.Length + 4 + 5}", line); // the bad field starts 5 bytes into the second payload
        Assert.Contains("currentTime", line);
    }

    [Fact]
    public void A_truncated_last_frame_is_reported_with_its_offset()
    {
        var good = Frame("9\01\05\0");
        var (code, stdout, stderr) = Desk([.. good, 0, 0, 0, 9, 0x39], "decode", "-", "--server-version", "176");
        Assert.Equal(2, code);
        Assert.Single(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"offset {good.Length}", stderr);
    }

    [Fact]
    public void Without_a_handshake_or_a_version_it_says_what_to_pass()
    {
        var (code, _, stderr) = Desk(Frame("9\01\05\0"), "decode", "-");
        Assert.Equal(2, code);
        Assert.Contains("server version", stderr);
    }

    [Theory]
    [InlineData("decode", "-", "--direction", "sideways")]
    [InlineData("decode", "-", "--server-version", "12")]
    [InlineData("decode")]
    public void Bad_arguments_exit_2_with_a_message(params string[] args)
    {
        var (code, _, stderr) = Desk([], args);
        Assert.Equal(2, code);
        Assert.StartsWith("desk", stderr);
        Assert.DoesNotContain("   at ", stderr); // no stack trace
    }

    [Fact]
    public void A_missing_file_exits_2()
    {
        var (code, _, stderr) = Desk("decode", "/nonexistent/capture.bin");
        Assert.Equal(2, code);
        Assert.Contains("cannot read", stderr);
    }

    private static byte[] Frame(string payload)
    {
        var body = Encoding.ASCII.GetBytes(payload);
        var frame = new byte[4 + body.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, body.Length);
        body.CopyTo(frame, 4);
        return frame;
    }

    private static (int Code, string Stdout, string Stderr) Desk(params string[] args) => Desk([], args);

    private static (int Code, string Stdout, string Stderr) Desk(byte[] stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, new StringReader(""), stdout, stderr, () => new MemoryStream(stdin));
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TradingDesk.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("TradingDesk.sln not found above the test directory");
    }
}
