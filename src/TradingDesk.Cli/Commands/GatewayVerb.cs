using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using TradingDesk.Desk;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;

namespace TradingDesk.Cli.Commands;

/// <summary>What a gateway verb gets: the connected desk, the connection, and how to print.</summary>
public sealed record VerbContext(DeskClient Client, ConnectionEvents.Connected Connection, bool Json, TextWriter Stdout, TextWriter Stderr,
    CancellationToken Cancellation, ActorSystem System)
{
    private int _inboxes;

    /// <summary>A new actor inbox (for replies and events that do not fit an Ask).</summary>
    public Inbox NewInbox() => new(System, $"inbox-{Interlocked.Increment(ref _inboxes)}");
}

/// <summary>
/// The scaffolding every gateway verb (<c>desk time</c>, <c>desk positions</c>, …) shares: the common options, a small
/// ActorSystem with a desk connected to the gateway, one actionable line and exit code 2 when the gateway cannot be
/// reached or the link is lost, and an orderly shutdown.
/// <list type="bullet">
/// <item><c>--gateway HOST:PORT</c>, default <c>127.0.0.1:4002</c> (IB Gateway paper; TWS paper is 7497).</item>
/// <item><c>--client-id N</c>, default <see cref="DefaultClientId"/> (17): not 0 (the master client, which also sees
///   other clients' orders) and not the desk's default 1, so a verb does not knock a running desk off.</item>
/// <item><c>--json</c>: one JSON object per line, with IB's field names, instead of a table.</item>
/// <item><c>--connect-timeout SECONDS</c>, default 10: how long to wait for the connection to be ready.</item>
/// </list>
/// Exit codes: 0 done; 1 the gateway refused the request (e.g. an order rejected); 2 bad arguments, an unreachable
/// gateway, a lost connection, a request that timed out, or something the gateway does not know (error 200, 135).
/// A quote stream that stops changing before --count quotes (market closed) is exit 1.
/// </summary>
public static class GatewayVerb
{
    public const string DefaultGateway = "127.0.0.1:4002";
    public const int DefaultClientId = 17;

    /// <summary>Diagnostics hook (tests): called with each phase of a verb run.</summary>
    public static Action<string>? Trace { get; set; }
    /// <summary>Exit code after Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    public sealed class CommonOptions
    {
        public Option<string> Gateway { get; } = new("--gateway")
        {
            Description = "The TWS / IB Gateway API socket as HOST:PORT (4002 Gateway paper, 7497 TWS paper).",
            DefaultValueFactory = _ => DefaultGateway,
        };
        public Option<int> ClientId { get; } = new("--client-id")
        {
            Description = $"API client id, unique per connection (default {DefaultClientId}; 0 is the master client).",
            DefaultValueFactory = _ => DefaultClientId,
        };
        public Option<bool> Json { get; } = new("--json") { Description = "One JSON object per line (IB field names) instead of a table." };
        public Option<double> ConnectTimeout { get; } = new("--connect-timeout")
        {
            Description = "Seconds to wait for the gateway connection (default 10).",
            DefaultValueFactory = _ => 10,
        };

        public CommonOptions()
        {
            Gateway.Validators.Add(r =>
            {
                var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
                if (text is not null && ParseGateway(text) is null)
                    r.AddError($"--gateway must be HOST:PORT with a port 1..65535 (e.g. 127.0.0.1:4002), not '{text}'");
            });
            ClientId.Integer("a client id", 0, int.MaxValue, "17");
            ConnectTimeout.Seconds(max: 3600);
        }

        public void AddTo(Command command)
        {
            command.Options.Add(Gateway);
            command.Options.Add(ClientId);
            command.Options.Add(Json);
            command.Options.Add(ConnectTimeout);
        }
    }

    /// <summary>"host:port" → (host, port), or null. IPv6 literals in brackets: "[::1]:4002".</summary>
    public static (string Host, int Port)? ParseGateway(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return null;
        var host = text[..colon].Trim();
        if (host.StartsWith('[') && host.EndsWith(']')) host = host[1..^1];
        if (host.Length == 0 || host.Any(char.IsWhiteSpace)) return null;
        return int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535
            ? (host, port) : null;
    }

    /// <summary>Creates a verb with the common options; <paramref name="body"/> runs once the desk is connected and returns the exit code.</summary>
    public static Command Create(string name, string description, TextWriter stdout, TextWriter stderr, IEnumerable<Symbol> arguments,
        Func<ParseResult, VerbContext, Task<int>> body)
    {
        var common = new CommonOptions();
        var command = new Command(name, description);
        foreach (var symbol in arguments)
        {
            if (symbol is Argument argument) command.Arguments.Add(argument);
            else if (symbol is Option option) command.Options.Add(option);
        }
        common.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var (host, port) = ParseGateway(parse.GetValue(common.Gateway)!)!.Value;
            var options = new DeskOptions
            {
                Host = host,
                Port = port,
                ClientId = parse.GetValue(common.ClientId),
                ConnectTimeout = TimeSpan.FromSeconds(parse.GetValue(common.ConnectTimeout)),
                MaxReconnectAttempts = 0, // a verb reports a refused or lost connection instead of retrying forever
                PacerStatusInterval = TimeSpan.Zero,
                // Order queries answer in well under a second: a gateway that does not answer ends the verb in 10 s, not 30.
                Orders = new Desk.Orders.OrderManagerOptions { QueryTimeout = TimeSpan.FromSeconds(10) },
            };
            return RunAsync(name, options, parse.GetValue(common.Json), stdout, stderr, ctx => body(parse, ctx), cancellation);
        });
        return command;
    }

    /// <summary>
    /// Starts an ActorSystem and a desk with <paramref name="options"/>, waits for the connection, runs
    /// <paramref name="body"/>, and shuts down. Every failure is one line on stderr.
    /// </summary>
    public static async Task<int> RunAsync(string verb, DeskOptions options, bool json, TextWriter stdout, TextWriter stderr,
        Func<VerbContext, Task<int>> body, CancellationToken cancellation)
    {
        Trace?.Invoke($"{verb} {options.Port}: start");
        var system = ActorSystem.Create("desk-cli", ConfigurationFactory.ParseString(SystemHocon));
        try
        {
            var watch = new ConnectionWatch();
            var watcher = system.ActorOf(VerbConnectionWatcher.Props(watch), "connection-watch");
            // Before the desk starts connecting, so no state change is missed.
            system.EventStream.Subscribe(watcher, typeof(ConnectionEvents.StateChanged));
            IActorRef desk;
            try
            {
                desk = DeskSystem.Start(system, options);
            }
            catch (ArgumentException ex)
            {
                stderr.WriteLine($"desk {verb}: {ex.Message.Replace("\n  ", " ")}");
                return Program.BadInput;
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            // The desk's own ConnectTimeout covers the handshake; this is the backstop for a connect that never returns.
            deadline.CancelAfter(options.ConnectTimeout + TimeSpan.FromSeconds(5));
            ConnectionEvents.Connected connected;
            try
            {
                connected = await watch.Up.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (GatewayUnreachableException ex) when (ex.GatewayErrorCode is { } code)
            {
                stderr.WriteLine(Refused(verb, options, code, ex.Message));
                return Program.BadInput;
            }
            catch (GatewayUnreachableException ex)
            {
                stderr.WriteLine(Unreachable(verb, options, ex.Message));
                return Program.BadInput;
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                stderr.WriteLine(Unreachable(verb, options, $"no answer within {options.ConnectTimeout.TotalSeconds:0.#} s"));
                return Program.BadInput;
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine($"desk {verb}: cancelled");
                return Cancelled;
            }

            // The connection tells the desk's own actors (router, pacer, order manager) of Connected before it publishes
            // it, so they have it queued ahead of anything the verb sends from here.
            Trace?.Invoke($"{verb} {options.Port}: connected");
            using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellation, watch.Lost.Token);
            // Backstop above every desk deadline (historical 60 s): a request the desk never answers still ends the verb.
            var client = new DeskClient(desk, TimeSpan.FromSeconds(90));
            try
            {
                return await body(new VerbContext(client, connected, json, stdout, stderr, lost.Token, system)).ConfigureAwait(false);
            }
            catch (Exception) when (watch.Lost.IsCancellationRequested)
            {
                stderr.WriteLine($"desk {verb}: lost the connection to the gateway at {options.Host}:{options.Port} ({watch.LostReason}); " +
                    "check that TWS / IB Gateway is still running and logged in, then retry");
                return Program.BadInput;
            }
            catch (DeskRequestException ex)
            {
                stderr.WriteLine($"desk {verb}: {Describe(ex.Failure)}");
                return ExitCodeFor(ex.Failure);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                stderr.WriteLine($"desk {verb}: cancelled");
                return Cancelled;
            }
            catch (AskTimeoutException)
            {
                stderr.WriteLine($"desk {verb}: the gateway at {options.Host}:{options.Port} did not answer in time; check that it is logged in and not busy, then retry");
                return Program.BadInput;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Never a stack trace: anything unforeseen is still one line.
                stderr.WriteLine($"desk {verb}: failed: {ex.Message.ReplaceLineEndings(" ")}");
                return 1;
            }
        }
        finally
        {
            Trace?.Invoke($"{verb} {options.Port}: terminating");
            // Bounded: a verb has printed its answer; a shutdown that stalls must not hang the command line.
            try { await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false); }
            catch (TimeoutException) { Trace?.Invoke($"{verb} {options.Port}: shutdown timed out"); }
            Trace?.Invoke($"{verb} {options.Port}: terminated");
        }
    }

    /// <summary>
    /// A verb's actor system prints nothing: stdout carries the answer and stderr the one-line failures, so Akka's own
    /// log (startup, dead letters of the shutdown) stays off.
    /// </summary>
    internal const string SystemHocon = """
        akka.loglevel = OFF
        akka.stdout-loglevel = OFF
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        akka.log-config-on-start = off
        """;

    public static int ExitCodeFor(DeskFailure failure) => failure switch
    {
        GatewayError { Code: 200 or 135 } or InvalidRequest or ConnectionLost or RequestTimedOut => Program.BadInput,
        _ => 1,
    };

    public static string Describe(DeskFailure failure) => failure switch
    {
        GatewayError { Code: 200 } e => $"the gateway knows no such contract (error 200: {e.Message}); check the symbol, --sec-type, --exchange and --currency",
        GatewayError { Code: 135 } e => $"the gateway knows no such order (error 135: {e.Message}); list working orders with 'desk orders'",
        GatewayError e => $"the gateway refused the request (error {e.Code}: {e.Message})",
        RequestTimedOut t => $"no answer from the gateway within {t.After.TotalSeconds:0.#} s; check that it is logged in and has market data permissions",
        _ => failure.Reason,
    };

    private static string Unreachable(string verb, DeskOptions options, string reason)
    {
        var hint = options.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? "use 127.0.0.1 rather than localhost" : "prefer 127.0.0.1 to localhost";
        return $"desk {verb}: cannot connect to the gateway at {options.Host}:{options.Port} ({reason.ReplaceLineEndings(" ")}); " +
            $"check that TWS / IB Gateway is running with the API enabled (Configure > Settings > API: Enable ActiveX and Socket Clients), " +
            $"that {options.Port} is its socket port, that this machine's IP is trusted, that client id {options.ClientId} is not already in use, and {hint}";
    }

    /// <summary>
    /// The line for a gateway that answered the session with an error and closed it (326, 502, …);
    /// <paramref name="said"/> is the desk's reason, "error 326: " and the gateway's text.
    /// </summary>
    private static string Refused(string verb, DeskOptions options, int code, string said)
    {
        var gateway = $"{options.Host}:{options.Port}";
        return code switch
        {
            326 => $"desk {verb}: client id {options.ClientId} is already in use at the gateway at {gateway} ({said}); " +
                $"pass another --client-id (e.g. --client-id {(options.ClientId == int.MaxValue ? 18 : options.ClientId + 1)}), or close the other session that uses client id {options.ClientId}",
            502 => $"desk {verb}: the gateway at {gateway} accepts no more API clients ({said}); close another API session, then retry",
            _ => $"desk {verb}: the gateway at {gateway} refused the session ({said})",
        };
    }

    internal sealed class GatewayUnreachableException(string reason, int? gatewayErrorCode) : Exception(reason)
    {
        /// <summary>The error the gateway refused the session with before closing it (326, 502, …), when it sent one.</summary>
        public int? GatewayErrorCode { get; } = gatewayErrorCode;
    }

    internal sealed class ConnectionWatch
    {
        public TaskCompletionSource<ConnectionEvents.Connected> Up { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public CancellationTokenSource Lost { get; } = new();
        public volatile string LostReason = "";
    }
}
