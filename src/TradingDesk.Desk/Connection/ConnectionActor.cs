using IBApi.protobuf;
using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Framing;
using TradingDesk.Protocol.Handshake;

namespace TradingDesk.Desk.Connection;

/// <summary>
/// Owns the link to TWS / IB Gateway and the reconnect policy. Socket I/O runs in <see cref="GatewayLink"/>'s loops
/// outside the mailbox; they only Tell. Every state change (ConnectionEvents.*) is told, in order, to the listeners it
/// was given at creation (the desk's router, pacer and order manager: this desk's actors only, never another desk's),
/// then published on the EventStream for whoever observes the desk (consoles, hosting, tests). The pacer writes to
/// the actor that told it Connected, so it needs no reference to the connection at creation.
///
/// States and transitions:
/// <code>
///   Disconnected --Connect (also sent to itself at start)----------------&gt; Connecting
///   Connecting   --handshake + startApi + managedAccounts + nextValidId--&gt; Connected
///   Connecting   --connect/handshake failed, link down, deadline---------&gt; Reconnecting  (Disconnected published first)
///   Connecting   --an error that refuses the session (326, 502, 503)-----&gt; Reconnecting  (Disconnected carries the code)
///   Connected    --EOF, framing error, write failure, missed heartbeat---&gt; Reconnecting  (Disconnected published first)
///   Reconnecting --Fibonacci backoff timer-------------------------------&gt; Connecting
///   Reconnecting --MaxReconnectAttempts exhausted------------------------&gt; Disconnected (stays; Connect starts again)
/// </code>
/// The heartbeat (reqCurrentTime) is written directly, not through the pacer: one message per interval fits in the
/// headroom the pacer leaves under IB's 50/s. Writes that cannot be encoded at the negotiated version are logged and
/// dropped (the request that sent them times out).
///
/// The write gate (<see cref="DeskOptions.WriteGate"/>): the link asks it before every write to the socket. Closed, the
/// link holds every write in order and tells <see cref="GatewayLink.WritesHeld"/>; the connection logs it once for the
/// closed period, publishes <see cref="WriteGateEvents.Held"/> and asks the gate again on the "write-gate" timer
/// (<see cref="WriteGateRetry"/>) until it is open, then lets the link write what it held
/// (<see cref="WriteGateEvents.Released"/>). Held writes are never dropped unnoticed: if the link dies meanwhile, the
/// count lost with it is logged, like any write on a dead link. While writes are held no heartbeat is sent or missed
/// (its answer could not come: that is not the gateway's fault). A closed gate also fails a connect attempt before the
/// client hello (retried on the reconnect backoff).
/// </summary>
public sealed class ConnectionActor : ActorBase, IWithTimers
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private sealed record Opened(int Generation, GatewayLink Link) : INoSerializationVerificationNeeded;
    private sealed record OpenFailed(int Generation, string Reason) : INoSerializationVerificationNeeded;
    private sealed record ConnectDeadline(int Generation) : INoSerializationVerificationNeeded;
    private sealed record RetryNow : INoSerializationVerificationNeeded;
    private sealed record HeartbeatDue : INoSerializationVerificationNeeded;
    private sealed record HeartbeatMissed(int Generation) : INoSerializationVerificationNeeded;
    private sealed record WriteGateRetry(int Generation) : INoSerializationVerificationNeeded;

    /// <summary>How often a connection whose writes are held asks the write gate again.</summary>
    public static readonly TimeSpan WriteGateRetryInterval = TimeSpan.FromMilliseconds(100);

    private readonly DeskOptions _options;
    private readonly IActorRef _router;
    private readonly Routing.RouteTable _routes;
    private readonly IReadOnlyList<IActorRef> _listeners;
    private readonly ITimeProvider _time;
    private readonly FrameBuffer _encodeBuffer = new(1024);
    private GatewayLink? _link;
    private CancellationTokenSource? _opening;
    private int _generation;
    private int _failures;          // consecutive failed attempts since the last Connected
    private bool _everConnected;
    private ConnectionState _state = ConnectionState.Disconnected;
    private string? _accounts;
    private int? _nextValidId;
    private bool _heartbeatPending;
    private ConnectionEvents.Connected? _lastConnected;
    private DateTimeOffset? _heldSince;   // the link's writes are held behind the closed write gate since then
    private DateTimeOffset? _lostAt;      // the ready session was lost then (for the time-disconnected metric)
    private readonly Telemetry.DeskMetrics _metrics = Telemetry.DeskMetrics.For(Context.System);

    public ITimerScheduler Timers { get; set; } = null!;

    public ConnectionActor(DeskOptions options, IActorRef router, Routing.RouteTable? routes = null, IReadOnlyList<IActorRef>? listeners = null)
    {
        _options = options;
        _router = router;
        _routes = routes ?? new Routing.RouteTable();
        _listeners = listeners ?? [];
        _time = Context.System.Scheduler;
    }

    protected override bool Receive(object message) => Disconnected(message);

    /// <param name="routes">Shared with the router so stream items go straight to their line actor (optional).</param>
    /// <param name="listeners">Told every state change before it is published; they exist before the connection, so
    /// none of them can miss one.</param>
    public static Props Props(DeskOptions options, IActorRef router, Routing.RouteTable? routes = null, IReadOnlyList<IActorRef>? listeners = null) =>
        Akka.Actor.Props.Create(() => new ConnectionActor(options, router, routes, listeners));

    protected override void PreStart() => Self.Tell(ConnectionMessages.Connect.Instance);

    protected override void PostStop()
    {
        _metrics.SetConnected(false);
        CloseLink();
    }

    private bool Common(object message)
    {
        switch (message)
        {
            case ConnectionMessages.GetState:
                Sender.Tell(new ConnectionMessages.StateReply(_state, _link?.ServerVersion ?? 0, _failures + 1,
                    _state == ConnectionState.Connected ? _lastConnected : null));
                return true;
            case GatewayMessages.Write write:
                _log.Warning("connection: dropped {0} written while {1}", write.Message.Descriptor.Name, _state);
                return true;
            case Opened opened when opened.Generation != _generation:
                _ = opened.Link.DisposeAsync(); // a stale attempt finished after its deadline
                return true;
            case GatewayLink.WritesHeld held when held.Generation == _generation:
                OnWritesHeld(held.Reason);
                return true;
            case WriteGateRetry retry when retry.Generation == _generation:
                RetryWriteGate();
                return true;
            case GatewayLink.Down or OpenFailed or ConnectDeadline or HeartbeatMissed or GatewayMessages.Inbound or HeartbeatDue
                or GatewayLink.WritesHeld or WriteGateRetry:
                return true; // late news from an old link or attempt
            default:
                return false;
        }
    }

    // ---- Disconnected ----
    private bool Disconnected(object message)
    {
        if (message is ConnectionMessages.Connect) { StartConnecting(); return true; }
        return Common(message);
    }

    // ---- Connecting ----
    private void StartConnecting()
    {
        _generation++;
        _accounts = null;
        _nextValidId = null;
        _state = ConnectionState.Connecting;
        Context.Become(Connecting);
        var generation = _generation;
        // Timers are armed before the state change is told: whoever hears of it may advance a virtual clock at once.
        Timers.StartSingleTimer("connect-deadline", new ConnectDeadline(generation), _options.ConnectTimeout);
        Publish(new ConnectionEvents.Connecting(_options.Host, _options.Port, _failures + 1, _time.Now));
        _opening = new CancellationTokenSource();
        var hello = new ClientHello(_options.MinVersion, _options.MaxVersion, _options.ConnectOptions);
        GatewayLink.OpenAsync(_options.Host, _options.Port, hello, _options.WriteGate, _opening.Token)
            .PipeTo(Self, success: link => new Opened(generation, link), failure: ex => new OpenFailed(generation, ex.GetBaseException().Message));
    }

    private bool Connecting(object message)
    {
        switch (message)
        {
            case Opened opened when opened.Generation == _generation:
                _link = opened.Link;
                _link.Start(_generation, Self, _router, _routes, _time, _log);
                // startApi goes through the codec: text below 213, protobuf from 213.
                WriteNow(new StartApiRequest { ClientId = _options.ClientId, OptionalCapabilities = _options.OptionalCapabilities });
                return true;
            case OpenFailed failed when failed.Generation == _generation:
                LinkLost($"connect failed: {failed.Reason}");
                return true;
            case ConnectDeadline deadline when deadline.Generation == _generation:
                LinkLost($"no ready API within {_options.ConnectTimeout.TotalSeconds:0.#} s");
                return true;
            case GatewayLink.Down down when down.Generation == _generation:
                LinkLost(down.Reason);
                return true;
            case GatewayMessages.Inbound { Message: ManagedAccounts accounts }:
                _accounts = accounts.AccountsList;
                TryReady();
                return true;
            case GatewayMessages.Inbound { Message: NextValidId next }:
                _nextValidId = next.OrderId;
                TryReady();
                return true;
            case GatewayMessages.Inbound { Message: ErrorMessage error } when SessionRefusal.Refuses(error):
                // The gateway closes the socket next; ending here makes the error, not that EOF, the reason.
                LinkLost(SessionRefusal.Reason(error), error.ErrorCode);
                return true;
            default:
                return Common(message);
        }
    }

    private void TryReady()
    {
        // IB sends both after startApi; the order is not guaranteed, so wait for both (as ib_async does).
        if (_accounts is null || _nextValidId is null || _link is null) return;
        Timers.Cancel("connect-deadline");
        var isReconnect = _everConnected;
        _everConnected = true;
        _failures = 0;
        _state = ConnectionState.Connected;
        _heartbeatPending = false;
        Context.Become(Connected);
        Timers.StartPeriodicTimer("heartbeat", new HeartbeatDue(), _options.HeartbeatInterval);
        var accounts = _accounts.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        _log.Info("connection: connected to {0}:{1} at server version {2} (client id {3}{4})",
            _options.Host, _options.Port, _link.ServerVersion, _options.ClientId, isReconnect ? ", reconnect" : "");
        _lastConnected = new ConnectionEvents.Connected(_link.ServerVersion, _link.ConnectionTime, accounts, _nextValidId.Value, isReconnect, _time.Now);
        RecordConnected(isReconnect, _lastConnected.At);
        Publish(_lastConnected);
    }

    private void RecordConnected(bool isReconnect, DateTimeOffset at)
    {
        _metrics.SetConnected(true);
        if (!isReconnect) return;
        _metrics.Reconnects.Add(1);
        if (_lostAt is { } lost) _metrics.DisconnectedTime.Add((at - lost).TotalSeconds);
        _lostAt = null;
    }

    // ---- Connected ----
    private bool Connected(object message)
    {
        switch (message)
        {
            case GatewayMessages.Write write:
                WriteTraced(write);
                return true;
            case HeartbeatDue:
                if (_heartbeatPending) return true; // the deadline timer is already running
                if (_heldSince is not null) return true; // it could not leave: the next one goes once writes flow again
                _heartbeatPending = true;
                WriteNow(new CurrentTimeRequest());
                Timers.StartSingleTimer("heartbeat-deadline", new HeartbeatMissed(_generation), _options.HeartbeatTimeout);
                return true;
            case GatewayMessages.Inbound { Message: CurrentTime }:
                _heartbeatPending = false;
                Timers.Cancel("heartbeat-deadline");
                return true;
            case GatewayMessages.Inbound:
                return true; // managedAccounts / nextValidId later in the session: the router handles them
            case HeartbeatMissed missed when missed.Generation == _generation && _heldSince is not null:
                _heartbeatPending = false; // sent, or held, while the gate closed: no answer is no sign of a dead gateway
                return true;
            case HeartbeatMissed missed when missed.Generation == _generation:
                LinkLost($"no currentTime within {_options.HeartbeatTimeout.TotalSeconds:0.#} s of the heartbeat");
                return true;
            case GatewayLink.Down down when down.Generation == _generation:
                LinkLost(down.Reason);
                return true;
            default:
                return Common(message);
        }
    }

    // ---- Reconnecting ----
    private bool Reconnecting(object message)
    {
        if (message is RetryNow) { StartConnecting(); return true; }
        return Common(message);
    }

    private void LinkLost(string reason, int? gatewayErrorCode = null)
    {
        _log.Warning("connection: link to {0}:{1} lost: {2}", _options.Host, _options.Port, reason);
        CloseLink();
        Timers.Cancel("heartbeat");
        Timers.Cancel("heartbeat-deadline");
        Timers.Cancel("connect-deadline");
        Timers.Cancel("write-gate");
        _generation++; // anything the old link or attempt still says is stale from now on
        _failures++;
        var now = _time.Now;
        if (_state == ConnectionState.Connected) _lostAt = now;
        _metrics.SetConnected(false);
        _state = ConnectionState.Disconnected;
        Publish(new ConnectionEvents.Disconnected(reason, now, gatewayErrorCode));
        if (_options.MaxReconnectAttempts is { } max && _failures > max)
        {
            _log.Error("connection: giving up after {0} reconnect attempts", max);
            Context.Become(Disconnected);
            return;
        }
        var delay = Backoff.Delay(_failures, _options.BackoffUnit, _options.BackoffCap);
        _state = ConnectionState.Reconnecting;
        Context.Become(Reconnecting);
        Timers.StartSingleTimer("retry", new RetryNow(), delay); // armed before Reconnecting is told (see StartConnecting)
        Publish(new ConnectionEvents.Reconnecting(_failures, delay, reason, now));
    }

    /// <summary>A write of a traced message (an order's placeOrder) is the order's <c>order.socket</c> span.</summary>
    private void WriteTraced(GatewayMessages.Write write)
    {
        if (write.Trace == default)
        {
            WriteNow(write.Message);
            return;
        }
        var span = Telemetry.DeskTracing.StartDetached("order.socket", System.Diagnostics.ActivityKind.Client, write.Trace);
        span?.SetTag("tradingdesk.message", write.Message.Descriptor.Name);
        WriteNow(write.Message);
        Telemetry.DeskTracing.Stop(span);
    }

    private void WriteNow(Google.Protobuf.IMessage message)
    {
        if (_link is null) return;
        try
        {
            _encodeBuffer.Clear();
            TwsCodec.Default.Encode(message, _link.ServerVersion, Direction.ClientToServer, _encodeBuffer);
        }
        catch (ProtocolException ex)
        {
            _log.Error("connection: cannot send {0} at server version {1}: {2}", message.Descriptor.Name, _link.ServerVersion, ex.Message);
            return;
        }
        if (!_link.TryWrite(_encodeBuffer.ToArray()))
            _log.Warning("connection: dropped {0}: the link is closing", message.Descriptor.Name);
    }

    private void CloseLink()
    {
        _opening?.Cancel();
        _opening = null;
        if (_link is { } link)
        {
            if (_heldSince is not null && link.Queued > 0)
                _log.Warning("connection: {0} writes held behind the closed write gate are lost with the link", link.Queued);
            _ = link.DisposeAsync();
        }
        _link = null;
        _heldSince = null;
    }

    // ---- write gate ----
    private void OnWritesHeld(string reason)
    {
        var first = _heldSince is null;
        _heldSince ??= _time.Now;
        // Armed before Held is published (see StartConnecting): whoever hears it may advance a virtual clock at once.
        Timers.StartSingleTimer("write-gate", new WriteGateRetry(_generation), WriteGateRetryInterval);
        if (!first) return;
        _log.Warning("connection: the write gate is closed ({0}): holding every write to {1}:{2} until it opens",
            reason, _options.Host, _options.Port);
        Context.System.EventStream.Publish(new WriteGateEvents.Held(reason, WriteGateRetryInterval, _time.Now));
    }

    private void RetryWriteGate()
    {
        if (_link is not { } link || _heldSince is not { } since) return;
        if (!_options.WriteGate.MayWrite(out _))
        {
            Timers.StartSingleTimer("write-gate", new WriteGateRetry(_generation), WriteGateRetryInterval);
            return;
        }
        _heldSince = null;
        var now = _time.Now;
        _log.Info("connection: the write gate is open again after {0:0.###} s: writing the {1} writes held", (now - since).TotalSeconds, link.Queued);
        Context.System.EventStream.Publish(new WriteGateEvents.Released(link.Queued, now - since, now));
        link.ResumeWrites(); // the link asks the gate itself once more before it writes
    }

    private void Publish(ConnectionEvents.StateChanged change)
    {
        foreach (var listener in _listeners) listener.Tell(change, Self);
        Context.System.EventStream.Publish(change);
    }
}
