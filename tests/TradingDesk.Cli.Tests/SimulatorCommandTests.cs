using System.Buffers;
using System.Buffers.Binary;
using System.Net.Sockets;
using IBApi.protobuf;
using TradingDesk.Cli.Commands;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Handshake;
using TradingDesk.Simulator;
using Xunit;

namespace TradingDesk.Cli.Tests;

public sealed class SimulatorCommandTests
{
    private static (int Code, string Stdout, string Stderr) Desk(params string[] args) => DeskCli.Run(args);

    [Theory]
    [InlineData("--port", "abc")]
    [InlineData("--port", "70000")]
    [InlineData("--max-version", "99")]
    [InlineData("--max-version", "226")]
    [InlineData("--accounts", "DU1,,DU2")]
    [InlineData("--accounts", "DU 1")]
    [InlineData("--seed", "x")]
    public void Bad_arguments_are_one_line_on_stderr_and_exit_2(string option, string value)
    {
        var (code, stdout, stderr) = Desk("simulator", option, value);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Starts_logs_a_client_connection_and_stops_on_cancellation()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = SimulatorCommand.RunAsync(new SimulatorOptions { Port = 0, Seed = 42, MaxVersion = 200, Accounts = ["DU111111", "DU222222"] },
            stdout, stderr, stop.Token, sim => port.SetResult(sim.Port));

        var (version, accounts, nextId) = await ConnectAsync(await port.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(200, version);
        Assert.Equal("DU111111,DU222222", accounts);
        Assert.True(nextId >= 1);

        stop.Cancel();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(10)));
        var log = stdout.ToString();
        Assert.Contains("listening on", log);
        Assert.Contains("client range v100..225", log);
        Assert.Contains("startApi", log);
        Assert.Contains("stopping", log);
        Assert.Empty(stderr.ToString());
    }

    // A bare TWS client on the project's codec: handshake, startApi, then managedAccounts and nextValidId.
    private static async Task<(int Version, string Accounts, int NextId)> ConnectAsync(int port)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(HandshakeCodec.EncodeClientHello(new ClientHello(100, 225, null)));
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        ServerHello? hello = null;
        string? accounts = null;
        int? next = null;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (next is null)
        {
            var n = await stream.ReadAsync(chunk, timeout.Token);
            if (n == 0) throw new IOException("closed");
            buffer.AddRange(chunk.AsSpan(0, n).ToArray());
            var seq = new ReadOnlySequence<byte>(buffer.ToArray());
            if (hello is null)
            {
                if (!HandshakeCodec.TryReadServerHello(ref seq, out var h)) continue;
                hello = h;
                await stream.WriteAsync(TwsCodec.Default.EncodeToArray(new StartApiRequest { ClientId = 9 }, h.ServerVersion, Direction.ClientToServer));
            }
            while (FrameReader.TryReadFrame(ref seq, out var payload))
            {
                var m = TwsCodec.Default.Decode(payload, hello.ServerVersion, Direction.ServerToClient).Message;
                if (m is ManagedAccounts a) accounts = a.AccountsList;
                if (m is NextValidId id) next = id.OrderId;
            }
            buffer = [.. seq.ToArray()];
        }
        return (hello!.ServerVersion, accounts!, next.Value);
    }
}
