using System.Buffers;
using System.CommandLine;
using System.IO.Pipelines;
using System.Net.Sockets;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Cli.Commands;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Handshake;
using TradingDesk.Simulator;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary><c>desk simulator --fault …</c>: parsing the option, its errors, and faults a connected client observes.</summary>
public sealed class SimulatorFaultTests
{
    private static (int Code, string Stdout, string Stderr) Desk(params string[] args) => DeskCli.Run(args);

    private static IReadOnlyList<ScheduledFault> Faults(params string[] args)
    {
        var command = SimulatorCommand.Create(TextWriter.Null, TextWriter.Null);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        var option = command.Options.Single(o => o.Name == "--fault");
        var faults = SimulatorFaultOption.Parse(SimulatorFaultOption.Groups(parse, option), TextWriter.Null);
        Assert.NotNull(faults);
        return faults;
    }

    [Fact]
    public void Each_fault_option_takes_its_own_words_whether_written_apart_or_quoted()
    {
        var faults = Faults("--fault", "drop-every", "30s", "--port", "0", "--fault", "stall 5s at 30s", "--fault", "refuse", "10s", "at", "20s",
            "--fault", "1100", "at", "40s", "--fault", "reject-orders", "--fault=restart-forget", "at", "60s");
        Assert.Equal(["drop-every 30s", "stall 5s at 30s", "refuse 10s at 20s", "1100 at 40s", "reject-orders", "restart-forget at 60s"],
            faults.Select(f => f.Text));
        Assert.Equal(new ScheduledFault(FaultKind.Refuse, TimeSpan.FromSeconds(20)) { Length = TimeSpan.FromSeconds(10), Text = "refuse 10s at 20s" }, faults[2]);
        Assert.Equal(TimeSpan.FromSeconds(30), faults[0].Every);
    }

    [Fact]
    public void No_fault_option_means_no_faults() => Assert.Empty(Faults("--port", "0"));

    [Theory]
    [InlineData("--fault 'explode': 'explode' is not a fault kind; expected one of: drop [at T]", "explode")]
    [InlineData("--fault 'stall at 30s': stall needs a duration; expected 'stall DURATION [at TIME]', e.g. 'stall 5s at 30s'", "stall", "at", "30s")]
    [InlineData("--fault 'drop at 5x': '5x' is not a duration; expected a number and a unit: 500ms, 30s, 2m, 1h", "drop", "at", "5x")]
    [InlineData("--fault 'garbage': garbage needs the client id to send it to; expected 'garbage CLIENT_ID [at TIME]'", "garbage")]
    [InlineData("--fault '': no fault given; expected one of: drop [at T]")]
    public void Bad_fault_text_is_one_line_naming_what_was_given_and_what_is_expected_and_exit_2(string expected, params string[] words)
    {
        var (code, stdout, stderr) = Desk(["simulator", "--port", "0", "--fault", .. words]);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("desk simulator: " + expected, line);
    }

    [Fact]
    public void Help_lists_every_fault_form()
    {
        var (code, stdout, _) = Desk("simulator", "--help");
        Assert.Equal(0, code);
        var help = System.Text.RegularExpressions.Regex.Replace(stdout, @"\s+", " "); // help wraps long descriptions
        foreach (var form in new[] { "drop [at T]", "drop-every P", "restart-keep", "restart-forget", "refuse D", "stall D", "1100|1101|1102",
                     "garbage CLIENT_ID", "truncate CLIENT_ID", "reject-orders [N]", "500ms" })
            Assert.Contains(form, help);
    }

    [Fact]
    public async Task A_connected_client_sees_the_drop_every_fault_and_the_console_logs_it()
    {
        await using var run = await Run("--fault", "drop-every", "1s");
        await using var client = await WireClient.StartAsync(await run.Port, clientId: 5);
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(20));

        var log = await run.StopAsync();
        Assert.Contains("faults: drop-every 1s", log);
        Assert.Contains("fault 'drop-every 1s' scheduled: at 1s, then every 1s", log);
        Assert.Matches(@"fault 'drop-every 1s' \(#\d+\): closing every connection \([1-9]\d* open\)", log);
    }

    [Fact]
    public async Task Reject_orders_at_start_rejects_a_clients_first_order_with_201()
    {
        await using var run = await Run("--fault", "reject-orders");
        await using var client = await WireClient.StartAsync(await run.Port, clientId: 6);
        var order = new Order { Action = "BUY", TotalQuantity = "1", OrderType = "LMT", LmtPrice = 100, Tif = "DAY", Transmit = true };
        await client.SendAsync(new PlaceOrderRequest
        {
            OrderId = client.NextValidId,
            Contract = new Contract { Symbol = "AAPL", SecType = "STK", Exchange = "SMART", Currency = "USD" },
            Order = order,
        });
        var error = await client.ExpectAsync<ErrorMessage>(e => e.Id == client.NextValidId);
        Assert.Equal(201, error.ErrorCode);
        Assert.Contains("reject-orders", error.ErrorMsg);

        var log = await run.StopAsync();
        Assert.Contains("fault 'reject-orders': the next new order gets error 201", log);
    }

    // `desk simulator ARGS` through the real command line, in process, on a free port, stopped like Ctrl-C.
    private static async Task<CommandRun> Run(params string[] args)
    {
        var run = new CommandRun();
        var command = SimulatorCommand.Create(run.Stdout, run.Stderr, sim => run.Started.TrySetResult(sim.Port), run.Stop.Token);
        run.Exit = command.Parse(["--port", "0", .. args]).InvokeAsync(new InvocationConfiguration { Output = run.Stdout, Error = run.Stderr });
        await Task.WhenAny(run.Started.Task, run.Exit).WaitAsync(TimeSpan.FromSeconds(20));
        if (run.Exit.IsCompleted) throw new InvalidOperationException($"desk simulator exited {run.Exit.Result}: {run.Stderr}");
        return run;
    }

    private sealed class CommandRun : IAsyncDisposable
    {
        public StringWriter Stdout { get; } = new();
        public StringWriter Stderr { get; } = new();
        public TaskCompletionSource<int> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationTokenSource Stop { get; } = new();
        public Task<int> Exit { get; set; } = Task.FromResult(0);
        public Task<int> Port => Started.Task;

        public async Task<string> StopAsync()
        {
            Stop.Cancel();
            Assert.Equal(0, await Exit.WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.Empty(Stderr.ToString());
            return Stdout.ToString();
        }

        public async ValueTask DisposeAsync()
        {
            Stop.Cancel();
            await Exit.WaitAsync(TimeSpan.FromSeconds(20));
            Stop.Dispose();
        }
    }

    /// <summary>A bare TWS client on the project's codec that stays connected and reports when the gateway closes it.</summary>
    private sealed class WireClient : IAsyncDisposable
    {
        private readonly TcpClient _tcp = new();
        private readonly System.Threading.Channels.Channel<IMessage> _inbox = System.Threading.Channels.Channel.CreateUnbounded<IMessage>();
        private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private NetworkStream _stream = null!;
        private Task _reader = Task.CompletedTask;
        private int _version;

        public Task Closed => _closed.Task;
        public int NextValidId { get; private set; }

        public static async Task<WireClient> StartAsync(int port, int clientId)
        {
            var client = new WireClient();
            await client._tcp.ConnectAsync(System.Net.IPAddress.Loopback, port);
            client._stream = client._tcp.GetStream();
            await client._stream.WriteAsync(HandshakeCodec.EncodeClientHello(new ClientHello(100, 225, null)));
            var pipe = PipeReader.Create(client._stream);
            while (true)
            {
                var read = await pipe.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                var buffer = read.Buffer;
                if (HandshakeCodec.TryReadServerHello(ref buffer, out var hello))
                {
                    pipe.AdvanceTo(buffer.Start);
                    client._version = hello.ServerVersion;
                    break;
                }
                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (read.IsCompleted) throw new IOException("closed during the handshake");
            }
            client._reader = client.ReadLoopAsync(pipe);
            await client.SendAsync(new StartApiRequest { ClientId = clientId });
            client.NextValidId = (await client.ExpectAsync<NextValidId>()).OrderId;
            return client;
        }

        public async Task SendAsync(IMessage message) =>
            await _stream.WriteAsync(TwsCodec.Default.EncodeToArray(message, _version, Direction.ClientToServer));

        public async Task<T> ExpectAsync<T>(Func<T, bool>? match = null) where T : class, IMessage
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                if (await _inbox.Reader.ReadAsync(timeout.Token) is T typed && (match?.Invoke(typed) ?? true)) return typed;
            }
        }

        private async Task ReadLoopAsync(PipeReader pipe)
        {
            try
            {
                while (true)
                {
                    var read = await pipe.ReadAsync();
                    var buffer = read.Buffer;
                    while (FrameReader.TryReadFrame(ref buffer, out var payload))
                        if (TwsCodec.Default.Decode(payload, _version, Direction.ServerToClient).Message is { } m) _inbox.Writer.TryWrite(m);
                    pipe.AdvanceTo(buffer.Start, buffer.End);
                    if (read.IsCompleted) return;
                }
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
            {
            }
            finally
            {
                _inbox.Writer.TryComplete();
                _closed.TrySetResult();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _tcp.Dispose();
            await _reader;
        }
    }
}
