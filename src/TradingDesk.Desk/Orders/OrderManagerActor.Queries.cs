using Google.Protobuf;
using Akka.Event;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// Open orders, completed orders and executions queries. reqAllOpenOrders and reqCompletedOrders carry no request id,
/// so two of them in flight could not be told apart: they are serialised — one request at a time, and everyone who
/// asked while it was in flight shares the next one (so each answer was requested after its asker asked).
/// reqExecutions carries a request id (from <see cref="OrderManagerOptions.FirstExecutionRequestId"/> up), so those run
/// concurrently. An asker of null is the desk's own reconciliation after a reconnect.
/// </summary>
public sealed partial class OrderManagerActor
{
    private sealed record QueryTimedOut(string Query, int Generation) : INoSerializationVerificationNeeded;

    /// <summary>The desk's own query after a reconnect (no asker; the answer reconciles the book).</summary>
    private sealed record Reconcile : INoSerializationVerificationNeeded;

    private sealed class SerialQuery(string name, Func<object, IMessage> request)
    {
        public string Name { get; } = name;
        public Func<object, IMessage> Request { get; } = request;
        public List<(object Command, IActorRef? Asker)> Waiting { get; } = [];
        public List<(object Command, IActorRef? Asker)> Current { get; set; } = [];
        public List<OrderSnapshot> Collected { get; } = [];
        public bool InFlight { get; set; }
        public int Generation { get; set; }
    }

    private sealed class ExecutionsInFlight(object command, IActorRef? asker)
    {
        public object Command { get; } = command;
        public IActorRef? Asker { get; } = asker;
        public List<OrderEvents.Filled> Fills { get; } = [];
        public HashSet<string> ExecIds { get; } = [];
    }

    private readonly SerialQuery _openOrders = new("open-orders", _ => new Tws.AllOpenOrdersRequest());
    private readonly SerialQuery _completedOrders = new("completed-orders",
        c => new Tws.CompletedOrdersRequest { ApiOnly = c is OrderCommands.GetCompletedOrders { ApiOnly: true } });
    private readonly Dictionary<int, ExecutionsInFlight> _executions = [];
    private int _nextExecutionRequestId;

    private void Enqueue(SerialQuery query, object command, IActorRef? asker)
    {
        query.Waiting.Add((command, asker));
        StartNext(query);
    }

    private void StartNext(SerialQuery query)
    {
        if (query.InFlight || query.Waiting.Count == 0) return;
        // Completed-orders askers share a request only when they ask the same (apiOnly) question.
        var head = query.Waiting[0].Command;
        query.Current = query.Waiting.Where(w => query.Request(w.Command).Equals(query.Request(head))).ToList();
        query.Waiting.RemoveAll(w => query.Current.Contains(w));
        query.Collected.Clear();
        query.InFlight = true;
        query.Generation++;
        // The deadline is armed before the request leaves: a test that sees the request may advance a virtual clock at once.
        Timers.StartSingleTimer(query.Name, new QueryTimedOut(query.Name, query.Generation), _options.QueryTimeout);
        _pacer.Tell(new GatewayMessages.Outbound(query.Request(head), OutboundPriority.Data));
    }

    private void StartExecutions(object command, IActorRef? asker, Messages.ExecutionQuery filter)
    {
        var reqId = _nextExecutionRequestId++;
        _executions[reqId] = new ExecutionsInFlight(command, asker);
        var f = new Tws.ExecutionFilter();
        if (filter.ClientId is { } cid) f.ClientId = cid;
        if (filter.Account is not null) f.AcctCode = filter.Account;
        if (filter.Since is not null) f.Time = filter.Since;
        if (filter.Symbol is not null) f.Symbol = filter.Symbol;
        if (filter.SecType is { } st) f.SecType = WireNames.Of(st);
        if (filter.Exchange is not null) f.Exchange = filter.Exchange;
        if (filter.Side is not null) f.Side = filter.Side;
        Timers.StartSingleTimer($"exec-{reqId}", new QueryTimedOut($"exec-{reqId}", reqId), _options.QueryTimeout);
        _pacer.Tell(new GatewayMessages.Outbound(new Tws.ExecutionRequest { ReqId = reqId, ExecutionFilter = f }, OutboundPriority.Data));
    }

    /// <summary>
    /// After a reconnect: what happened during the outage. On the first connect (a desk that starts without memory, e.g.
    /// a standby that took over): this client id's open orders and the session's executions, their owners read from
    /// orderRef and their ids moving the high-water mark, so that a strategy registering later gets its orders' state.
    /// </summary>
    private void StartReconciliation(bool reconnect)
    {
        _log.Info(reconnect ? "Reconnected: reconciling open orders and executions" : "First connect: recovering open orders and the session's executions");
        _workingAtReconcile = [.. _book.Orders.Values.Where(o => o.IsWorking).Select(o => o.Id)];
        _reconcilingRestart = !reconnect;
        Enqueue(_openOrders, new Reconcile(), null);
        StartExecutions(new Reconcile(), null, new Messages.ExecutionQuery { ClientId = _options.ClientId });
    }

    /// <summary>Feeds queries in flight; runs before the message is observed for routing.</summary>
    private void Collect(IMessage message, DateTimeOffset local)
    {
        switch (message)
        {
            case Tws.OpenOrder o when _openOrders.InFlight:
                var snapshot = OrderWire.ToSnapshot(o.OrderId, o.Contract, o.Order, o.OrderState);
                // openOrder also arrives unsolicited on every state change: keep the latest per order, only open ones.
                _openOrders.Collected.RemoveAll(s => s.OrderId == snapshot.OrderId && s.ClientId == snapshot.ClientId && s.PermId == snapshot.PermId);
                if (!snapshot.Status.IsDone()) _openOrders.Collected.Add(snapshot);
                break;
            case Tws.OpenOrdersEnd when _openOrders.InFlight:
                Complete(_openOrders, () => new OrderEvents.OpenOrders([.. _openOrders.Collected]));
                break;
            case Tws.CompletedOrder c when _completedOrders.InFlight:
                _completedOrders.Collected.Add(OrderWire.ToSnapshot(0, c.Contract, c.Order, c.OrderState));
                break;
            case Tws.CompletedOrdersEnd when _completedOrders.InFlight:
                Complete(_completedOrders, () => new OrderEvents.CompletedOrders([.. _completedOrders.Collected]));
                break;
            case Tws.ExecutionDetails d when _executions.TryGetValue(d.ReqId, out var q) && d.Execution is { } x:
                if (q.ExecIds.Add(x.ExecId))
                {
                    _book.Orders.TryGetValue(new OrderId(x.OrderId), out var order);
                    q.Fills.Add(OrderWire.ToFilled(d, order?.Strategy ?? OrderRefs.OwnerOf(x.OrderRef), local));
                }
                break;
            // The router forwards errors by id range; one for our reqExecutions id (if it reaches us) ends that query.
            case Tws.ErrorMessage e when _executions.Remove(e.Id, out var q):
                Timers.Cancel($"exec-{e.Id}");
                q.Asker?.Tell(new RequestFailed(q.Command, new GatewayError(e.ErrorCode, e.ErrorMsg)));
                break;
            case Tws.ExecutionDetailsEnd end when _executions.Remove(end.ReqId, out var q):
                Timers.Cancel($"exec-{end.ReqId}");
                q.Asker?.Tell(new OrderEvents.Executions([.. q.Fills]));
                break;
        }
    }

    private void Complete(SerialQuery query, Func<object> answer)
    {
        Timers.Cancel(query.Name);
        query.InFlight = false;
        var reply = answer();
        foreach (var (_, asker) in query.Current) asker?.Tell(reply);
        if (reply is OrderEvents.OpenOrders open && query.Current.Any(c => c.Asker is null)) ReconcileOpenOrders(open);
        if (reply is OrderEvents.CompletedOrders done && query.Current.Any(c => c.Asker is null)) ReconcileCompleted(done);
        query.Current = [];
        StartNext(query);
    }

    private void OnQueryTimedOut(QueryTimedOut t)
    {
        var failure = new RequestTimedOut(_options.QueryTimeout);
        if (t.Query.StartsWith("exec-", StringComparison.Ordinal))
        {
            if (_executions.Remove(t.Generation, out var q)) q.Asker?.Tell(new RequestFailed(q.Command, failure));
            return;
        }
        var query = t.Query == _openOrders.Name ? _openOrders : _completedOrders;
        if (!query.InFlight || query.Generation != t.Generation) return;
        _log.Warning("{0} query got no end within {1}", query.Name, _options.QueryTimeout);
        foreach (var (command, asker) in query.Current) asker?.Tell(new RequestFailed(command, failure));
        query.InFlight = false;
        query.Current = [];
        StartNext(query);
    }

    private void FailQueries(DeskFailure failure)
    {
        foreach (var query in new[] { _openOrders, _completedOrders })
        {
            Timers.Cancel(query.Name);
            foreach (var (command, asker) in query.Current.Concat(query.Waiting)) asker?.Tell(new RequestFailed(command, failure));
            query.Current = [];
            query.Waiting.Clear();
            query.InFlight = false;
        }
        foreach (var (reqId, q) in _executions)
        {
            Timers.Cancel($"exec-{reqId}");
            q.Asker?.Tell(new RequestFailed(q.Command, failure));
        }
        _executions.Clear();
    }
}
