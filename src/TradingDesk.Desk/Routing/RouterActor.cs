using IBApi.protobuf;
using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;

namespace TradingDesk.Desk.Routing;

/// <summary>
/// Owns request ids and routing. Every strategy request gets a child actor that owns its lifecycle: a
/// <see cref="RequestActor"/> (one-shot / multi-part) or a <see cref="SubscriptionActor"/> (a stream, shared between
/// subscribers of the same line through the <see cref="LineTable{T}"/>). Inbound messages go to their child by
/// request id; those without one go by type to one owner (current time, managed accounts, positions: one request of
/// each kind at a time, the next waits — so concurrent askers each get a complete answer; account updates: the one
/// account line). Order-family messages and errors with an order id go to the order manager.
///
/// Connection events (told by this desk's connection, which is created after the router and given it): Disconnected → one-shot requests fail with ConnectionLost or, when safe
/// to retry (contract details, current time, managed accounts, positions, account summary, head timestamp, snapshot),
/// wait; Connected → what the lost link took is re-sent under a new id: every stream (subscribers see Resubscribed)
/// and the waiting requests, once. What was asked before the first link or during an outage is still queued at the
/// pacer: it goes out as it is. 1101 (connectivity restored, data lost) → every stream is cancelled and re-sent.
///
/// Subscription ids start after <see cref="DeskOptions.SubscriptionIdBase"/>. After a desk failover strategies bring
/// their subscriptions back with <see cref="SubscriptionMessages.Resubscribe"/>, under the ids they hold
/// (RouterActor.Resubscribe.cs).
/// </summary>
public sealed partial class RouterActor : ReceiveActor
{
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly DeskOptions _options;
    private readonly IActorRef _pacer;
    private readonly ITimeProvider _time;
    private readonly IActorRef _orders;
    private int _nextRequestId = InboundRoutes.FirstRequestId;
    private long _nextSubscriptionId;
    private bool _connected;
    private MarketDataTypeRequest? _marketDataType;

    private readonly Dictionary<int, IActorRef> _byRequestId = new();
    private readonly RouteTable _routes;
    private readonly Dictionary<IActorRef, ChildInfo> _children = new();
    private LineTable<IActorRef> _lines = LineTable<IActorRef>.Empty;
    private readonly Telemetry.DeskMetrics _metrics = Telemetry.DeskMetrics.For(Context.System);
    private readonly Dictionary<SubscriptionId, IActorRef> _lineActors = new();
    private readonly HashSet<IActorRef> _watchedSubscribers = new();
    private readonly Dictionary<string, TypeOwner> _typeOwners = new();

    /// <summary>LinkLost: the child was live when a link that was up went down, so its request went with it.</summary>
    /// <summary>HoldsScannerSlot: a scanner line's child, which holds one of IB's scanner slots until its cancel has gone out.</summary>
    private sealed record ChildInfo(int RequestId, SubscriptionId? Line, bool Retryable, string? OwnerKind, bool LinkLost = false)
    {
        public bool HoldsScannerSlot { get; init; }
    }

    private sealed class TypeOwner
    {
        public IActorRef? Current;
        public readonly Queue<(RequestPlan Plan, IActorRef Requester)> Waiting = new();
    }

    /// <param name="pacer">Where outgoing requests go (the desk's pacer).</param>
    /// <param name="orders">Where order-family messages and order errors go (the desk's order manager).</param>
    /// <param name="routes">Shared with the connection so stream items go straight to their line actor.</param>
    public RouterActor(DeskOptions options, IActorRef pacer, IActorRef orders, RouteTable? routes = null)
    {
        _options = options;
        _pacer = pacer;
        _orders = orders;
        _routes = routes ?? new RouteTable();
        // Props.Create evaluates its arguments once, so a restarted router gets the same shared table, naming the
        // children its failed incarnation had (Akka stopped them): start from an empty one.
        _routes.Clear();
        _time = Context.System.Scheduler;
        _nextSubscriptionId = options.SubscriptionIdBase + 1;

        Receive<GatewayMessages.Inbound>(OnInbound);
        Receive<ConnectionEvents.Connected>(OnConnected);
        Receive<ConnectionEvents.Disconnected>(OnDisconnected);
        Receive<ConnectionEvents.StateChanged>(_ => { });
        Receive<Terminated>(OnTerminated);
        Receive<RouterInternal.LineEnded>(OnLineEnded);
        Receive<SubscriptionMessages.Unsubscribe>(OnUnsubscribe);
        ReceiveRequests();
    }

    // A request or line actor that throws is restarted (Akka's default), but not for ever: an answer that makes a plan
    // throw would otherwise be asked for again and again. After the third failure in a minute the child is stopped
    // (a request then fails to its requester, a line's PostStop cancels it).
    protected override SupervisorStrategy SupervisorStrategy() =>
        new OneForOneStrategy(maxNrOfRetries: 3, withinTimeRange: TimeSpan.FromMinutes(1), localOnlyDecider: _ => Directive.Restart);

    public static Props Props(DeskOptions options, IActorRef pacer, IActorRef orders, RouteTable? routes = null) =>
        Akka.Actor.Props.Create(() => new RouterActor(options, pacer, orders, routes));

    private int NextRequestId()
    {
        // Stay inside the router's range: 1,000,000,000 .. 1,899,999,999 (the order manager has the range above).
        var id = _nextRequestId++;
        if (_nextRequestId >= InboundRoutes.FirstOrderManagerRequestId) _nextRequestId = InboundRoutes.FirstRequestId;
        return id;
    }

    private void Map(int requestId, IActorRef child)
    {
        _byRequestId[requestId] = child;
        _routes.Set(requestId, child);
    }

    private void Unmap(int requestId)
    {
        _byRequestId.Remove(requestId);
        _routes.Remove(requestId);
    }

    // ---------- inbound ----------
    private void OnInbound(GatewayMessages.Inbound inbound)
    {
        var m = inbound.Message;
        switch (m)
        {
            case ErrorMessage error: OnError(error, inbound); return;
            case CurrentTime or CurrentTimeInMillis: ToOwner("time", inbound); return;
            case ManagedAccounts: ToOwner("accounts", inbound); return;
            case Position or PositionEnd: ToOwner("positions", inbound); return;
            case AccountValue or PortfolioValue or AccountUpdateTime or AccountDataEnd: ToAccountLine(inbound); return;
            // Session and FA: no request id on the wire
            case MarketRule rule: ToMarketRuleAsk(rule, inbound); return;
            case MarketDepthExchanges: ToOwner("depth-exchanges", inbound); return;
            case FamilyCodes: ToOwner("family-codes", inbound); return;
            case ReceiveFA: ToOwner("fa", inbound); return;
            case NewsProviders: ToOwner(NewsProvidersKind, inbound); return;
            case NewsBulletin: ToBulletinsLine(inbound); return;
            case ScannerParameters: ToOwner(ScannerParametersKind, inbound); return;
        }
        if (InboundRoutes.IsOrderFamily(m)) { _orders.Tell(inbound); return; }
        if (InboundRoutes.RequestIdOf(m) is { } id && _byRequestId.TryGetValue(id, out var child)) { child.Tell(inbound); return; }
        _log.Debug("router: no owner for {0} (a late answer to a finished or cancelled request)", m.Descriptor.Name);
    }

    private void OnError(ErrorMessage error, GatewayMessages.Inbound inbound)
    {
        var id = error.Id;
        if (id < 0)
        {
            if (ToMarketRuleAskByError(error, inbound)) return;
            var gatewayTime = error.ErrorTime > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(error.ErrorTime) : (DateTimeOffset?)null;
            Context.System.EventStream.Publish(new GatewayNotice(error.ErrorCode, error.ErrorMsg, GatewayNotice.Classify(error.ErrorCode), gatewayTime, inbound.ReceivedAt));
            if (error.ErrorCode == 1101) ResubscribeAll("connectivity restored, data lost (1101)", cancelOld: true);
            return;
        }
        // The contract: ids below 1e9 are order ids; the order manager's own request ids start at 1.9e9.
        if (id < InboundRoutes.FirstRequestId || id >= InboundRoutes.FirstOrderManagerRequestId) { _orders.Tell(inbound); return; }
        if (_byRequestId.TryGetValue(id, out var child)) child.Tell(inbound);
        else _log.Info("router: error {0} for finished request {1}: {2}", error.ErrorCode, id, error.ErrorMsg);
    }

    private void ToOwner(string kind, GatewayMessages.Inbound inbound)
    {
        if (_typeOwners.TryGetValue(kind, out var owner) && owner.Current is { } current) current.Tell(inbound);
    }

    private void ToAccountLine(GatewayMessages.Inbound inbound)
    {
        foreach (var line in _lines.ByKey.Values)
            if (line.Key.Kind == "acct" && _lineActors.TryGetValue(line.Id, out var actor)) { actor.Tell(inbound); return; }
    }

    // ---------- connection events ----------
    private void OnDisconnected(ConnectionEvents.Disconnected down)
    {
        if (!_connected && _children.Count == 0) return;
        // Only a link that was up takes requests with it: those sent die with it and the pacer drops the queued data.
        // A failed attempt loses nothing; the pacer keeps what it holds until it has had a link.
        var lost = _connected;
        if (lost) MarkLinkLost();
        _connected = false;
        foreach (var child in _children.Keys) child.Tell(new RouterInternal.ConnectionDown(down.Reason, lost));
    }

    private void OnConnected(ConnectionEvents.Connected up)
    {
        // Connected while connected: the connection was restarted, and its old link went without a Disconnected.
        if (_connected) MarkLinkLost();
        _connected = true;
        _serverVersion = up.ServerVersion; // what FA profiles and the config requests are checked against
        _managedAccounts = up.Accounts;
        // The market data type is per connection at IB: set it again before any line is re-sent.
        if (up.IsReconnect && _marketDataType is { } type) _pacer.Tell(new GatewayMessages.Outbound(type, OutboundPriority.Data));
        // What was asked before the first link, or during the outage, is still queued at the pacer and goes out now,
        // once. Re-sending it as well would open a line twice at IB for a moment, or move a request to an id the
        // gateway never hears of. So only what the lost link took is re-sent: every line, and the one-shot requests
        // that wait for a retry (the others failed with ConnectionLost).
        var reason = up.IsReconnect ? "reconnected" : "connection restarted";
        foreach (var (child, info) in _children.ToList())
        {
            if (!info.LinkLost) continue;
            _children[child] = info with { LinkLost = false };
            if (info.Line is null && !info.Retryable) continue;
            var id = Remap(child, _children[child]);
            child.Tell(new RouterInternal.Resend(id, info.Line is null ? "reconnected" : reason, CancelOld: false));
        }
    }

    private void MarkLinkLost()
    {
        foreach (var (child, info) in _children.ToList()) _children[child] = info with { LinkLost = true };
    }

    private void ResubscribeAll(string reason, bool cancelOld, bool notify = true)
    {
        foreach (var (child, info) in _children.ToList())
        {
            if (info.Line is null) continue;
            var id = Remap(child, info);
            child.Tell(new RouterInternal.Resend(id, reason, cancelOld, notify));
        }
    }

    private int Remap(IActorRef child, ChildInfo info)
    {
        Unmap(info.RequestId);
        var id = NextRequestId();
        Map(id, child);
        _children[child] = info with { RequestId = id };
        return id;
    }

    // ---------- children and subscribers ----------
    private void OnTerminated(Terminated terminated)
    {
        var actor = terminated.ActorRef;
        if (_children.Remove(actor, out var info))
        {
            Unmap(info.RequestId);
            if (info.Line is { } line && _lineActors.TryGetValue(line, out var lineActor) && lineActor.Equals(actor))
            {
                _lineActors.Remove(line);
                SetLines(_lines.Remove(line)); // a line that stopped without ending (LineEnded): forget it
            }
            if (info.OwnerKind is { } kind) StartNextOfKind(kind);
            if (info.HoldsScannerSlot) ScannerSlotFreed(actor);
            return;
        }
        if (_watchedSubscribers.Remove(actor))
        {
            var (table, left) = _lines.LeaveAll(actor);
            SetLines(table);
            foreach (var (id, released) in left) ReleaseOrNotify(id, actor, released);
        }
    }

    private void OnLineEnded(RouterInternal.LineEnded ended)
    {
        if (!_lineActors.TryGetValue(ended.Id, out var actor) || !actor.Equals(Sender)) return;
        _lineActors.Remove(ended.Id);
        SetLines(_lines.Remove(ended.Id));
        if (_children.TryGetValue(actor, out var info)) _routes.Remove(info.RequestId);
        // A PoisonPill, not Context.Stop: it queues behind the joins already sent to the line, which it answers as ended.
        actor.Tell(PoisonPill.Instance);
    }

    private void OnUnsubscribe(SubscriptionMessages.Unsubscribe unsubscribe)
    {
        var (table, line, stays, changed) = _lines.Leave(unsubscribe.Id, Sender);
        SetLines(table);
        if (!changed) return; // idempotent
        if (!stays) ReleaseOrNotify(unsubscribe.Id, Sender, released: line is null);
        Sender.Tell(new SubscriptionMessages.SubscriptionEnded(unsubscribe.Id, null));
    }

    private void ReleaseOrNotify(SubscriptionId id, IActorRef subscriber, bool released)
    {
        if (!_lineActors.TryGetValue(id, out var actor)) return;
        if (released)
        {
            _lineActors.Remove(id);
            if (_children.TryGetValue(actor, out var info))
            {
                _routes.Remove(info.RequestId); // no more direct items
                if (info.HoldsScannerSlot) _releasedScans.Add(actor);
            }
            Context.Stop(actor); // PostStop withdraws or cancels the gateway line
        }
        else actor.Tell(new RouterInternal.RemoveSubscriber(subscriber));
    }

    /// <summary>Every change of the shared lines goes through here, so the lines gauge always shows the table in force.</summary>
    private void SetLines(LineTable<IActorRef> table)
    {
        _lines = table;
        _metrics.SetLines(table.ByKey.Keys);
    }
}
