using IBApi.protobuf;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using TradingDesk.Protocol;
using static TradingDesk.Desk.Messages.AccountMessages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Routing;

// Strategy commands: which child owns each, and how streams are keyed for sharing.
public sealed partial class RouterActor
{
    // cancelContractData exists from server version 215 (IB's protobuf-era cancel); the last handshake's version decides.
    private bool CanCancelContractDetails => _serverVersion >= ServerVersions.CancelContractData;

    private void ReceiveRequests()
    {
        // One-shot / multi-part with a request id.
        Receive<GetContractDetails>(c => StartChecked(c, c.Contract, () => new ContractDetailsPlan(c, DateOnly.FromDateTime(_time.Now.UtcDateTime), CanCancelContractDetails)));
        Receive<GetHistoricalBars>(c => StartChecked(c, c.Contract, () => new HistoricalBarsPlan(c)));
        Receive<GetHeadTimestamp>(c => StartChecked(c, c.Contract, () => new HeadTimestampPlan(c)));
        Receive<GetAccountSummary>(c => StartRequest(new AccountSummaryPlan(c)));
        Receive<GetMarketDataSnapshot>(c => StartChecked(c, c.Contract, () => new SnapshotPlan(c)));
        // No request id on the wire: one at a time per kind.
        Receive<GetCurrentTime>(c => QueueByKind("time", new CurrentTimePlan(c, _serverVersion >= ServerVersions.CurrentTimeInMillis)));
        Receive<GetManagedAccounts>(c => QueueByKind("accounts", new ManagedAccountsPlan(c)));
        Receive<GetPositions>(c => QueueByKind("positions", new PositionsPlan(c)));
        Receive<SetMarketDataType>(c =>
        {
            _marketDataType = new MarketDataTypeRequest { MarketDataType = (int)c.Type };
            _pacer.Tell(new GatewayMessages.Outbound(_marketDataType, OutboundPriority.Data));
            Sender.Tell(new MarketDataTypeSet(c.Type));
        });
        // Streams (the line each asks for: StreamFor).
        Receive<SubscribeMarketData>(Subscribe);
        Receive<SubscribeTickByTick>(Subscribe);
        Receive<SubscribeDepth>(Subscribe);
        Receive<SubscribeRealTimeBars>(Subscribe);
        Receive<SubscribeHistoricalBars>(Subscribe);
        Receive<SubscribePnL>(Subscribe);
        Receive<SubscribePnLSingle>(Subscribe);
        Receive<SubscribeAccountUpdates>(Subscribe);
        Receive<SubscriptionMessages.Resubscribe>(OnResubscribe);
        ReceiveSessionRequests();
        ReceiveResearch();
        ReceiveOptionsAndScanners();
    }

    private void StartRequest(RequestPlan plan)
    {
        var id = NextRequestId();
        var child = Context.ActorOf(RequestActor.Props(plan, Sender, _pacer, id, _options.Timeouts, _connected));
        Context.Watch(child);
        Map(id, child);
        _children[child] = new ChildInfo(id, null, plan.SafeToRetry, null);
    }

    private void QueueByKind(string kind, RequestPlan plan)
    {
        if (!_typeOwners.TryGetValue(kind, out var owner)) _typeOwners[kind] = owner = new TypeOwner();
        owner.Waiting.Enqueue((plan, Sender));
        if (owner.Current is null) StartNextOfKind(kind);
    }

    private void StartNextOfKind(string kind)
    {
        var owner = _typeOwners[kind];
        owner.Current = null;
        if (!owner.Waiting.TryDequeue(out var next)) return;
        // These carry no request id on the wire; the id only names the child in the router's tables.
        var id = NextRequestId();
        var child = Context.ActorOf(RequestActor.Props(next.Plan, next.Requester, _pacer, id, _options.Timeouts, _connected));
        Context.Watch(child);
        owner.Current = child;
        _children[child] = new ChildInfo(id, null, next.Plan.SafeToRetry, kind);
    }

    /// <summary>What one subscribe command streams: its contract (null for account-level streams), the line it shares, its plan.</summary>
    private readonly record struct StreamRequest(ContractSpec? Contract, LineKey Key, Func<StreamPlan> Plan);

    /// <summary>
    /// The line a subscribe command asks for; null for anything that is not a subscribe command of the router.
    /// <paramref name="unsharedId"/> keys a line that is never shared (keep-up-to-date bars): the id it runs under.
    /// </summary>
    private static StreamRequest? StreamFor(object command, long unsharedId) => command switch
    {
        SubscribeMarketData c => new(c.Contract, new LineKey("mkt", ContractKey(c.Contract) + "|" + NormaliseTicks(c.GenericTicks)), () => new MarketDataStream(c)),
        SubscribeTickByTick c => new(c.Contract, new LineKey("tbt", $"{ContractKey(c.Contract)}|{c.Type}|{c.NumberOfTicks}|{c.IgnoreSize}"), () => new TickByTickStream(c)),
        SubscribeDepth c => new(c.Contract, new LineKey("depth", $"{ContractKey(c.Contract)}|{c.Rows}|{c.SmartDepth}"), () => new DepthStream(c)),
        SubscribeRealTimeBars c => new(c.Contract, new LineKey("rtb", $"{ContractKey(c.Contract)}|{c.WhatToShow}|{c.UseRth}"), () => new RealTimeBarsStream(c)),
        // Each keep-up-to-date subscriber needs its own history: never shared.
        SubscribeHistoricalBars c => new(c.Contract, new LineKey("hist", $"{unsharedId}"), () => new HistoricalKeepUpStream(c)),
        SubscribePnL c => new(null, new LineKey("pnl", $"{c.Account}|{c.ModelCode}"), () => new PnLStream(c)),
        SubscribePnLSingle c => new(null, new LineKey("pnl1", $"{c.Account}|{c.ModelCode}|{c.ConId}"), () => new PnLSingleStream(c)),
        SubscribeAccountUpdates c => new(null, new LineKey("acct", c.Account.Value), () => new AccountUpdatesStream(c)),
        // Multi-account and display groups
        MultiAccountMessages.SubscribePositionsMulti c => new(null, new LineKey("posm", $"{c.Account.Value}|{c.ModelCode}"), () => new PositionsMultiStream(c)),
        MultiAccountMessages.SubscribeAccountUpdatesMulti c => new(null, new LineKey("acctm", $"{c.Account.Value}|{c.ModelCode}|{c.LedgerAndNlv}"), () => new AccountUpdatesMultiStream(c)),
        DisplayGroupMessages.SubscribeDisplayGroup c => new(null, new LineKey("dgroup", $"{c.GroupId}"), () => new DisplayGroupStream(c)),
        NewsMessages.SubscribeNewsBulletins c => new(null, new LineKey(BulletinsKind, c.AllMessages ? "all" : "new"), () => new NewsBulletinsStream(c)),
        ScannerMessages.SubscribeScanner c => new(null, new LineKey(ScannerLimit.LineKind, OptionMapping.ScannerKey(c)), () => new ScannerStream(c)),
        _ => null,
    };

    // A one-shot that sends a contract: refused in the user's words, nothing sent, when the contract could not go out.
    private void StartChecked(object command, ContractSpec contract, Func<RequestPlan> plan)
    {
        if (ContractChecks.Problem(contract) is { } problem) Sender.Tell(new RequestFailed(command, new InvalidRequest(problem)));
        else StartRequest(plan());
    }

    /// <summary>Why the router cannot stream <paramref name="stream"/> now; null when it can.</summary>
    private DeskFailure? RefusalFor(StreamRequest stream)
    {
        if (stream.Contract is { FrontMonth: true })
            return new InvalidRequest("resolve a front-month future with GetContractDetails first, then subscribe to the contract it returns");
        if (stream.Key.Kind == "acct")
        {
            // IB refuses an account it does not manage without a request id, so the line would stay open and empty.
            if (stream.Key.Spec.Length > 0 && _managedAccounts.Count > 0 && !_managedAccounts.Contains(stream.Key.Spec, StringComparer.OrdinalIgnoreCase))
                return new InvalidRequest($"{stream.Key.Spec} is not an account of this gateway connection; its accounts are {string.Join(", ", _managedAccounts)}");
            var other = _lines.ByKey.Keys.FirstOrDefault(k => k.Kind == "acct" && k != stream.Key);
            if (other.Kind is not null) return new InvalidRequest($"IB streams one account at a time per connection; {other.Spec} is subscribed");
        }
        if (BulletinsRefusal(stream) is { } bulletins) return new InvalidRequest(bulletins);
        return ScannerLimit.Refusal(_lines.ByKey.Keys, stream.Key);
    }

    private void Subscribe(object command)
    {
        var stream = StreamFor(command, _nextSubscriptionId)!.Value;
        if ((SubscriptionValidation.Problem(command) is { } problem ? new InvalidRequest(problem) : RefusalFor(stream)) is { } refusal)
        {
            Sender.Tell(new RequestFailed(command, refusal));
            return;
        }
        if (WaitsForScannerSlot(stream, command)) return;
        JoinLine(stream, Sender, new SubscriptionId(_nextSubscriptionId), id => new SubscriptionMessages.Subscribed(id, command));
    }

    /// <summary>
    /// Adds <paramref name="subscriber"/> to the line of <paramref name="stream"/>, creating it under
    /// <paramref name="newId"/> when there is none. The reply (built from the line's id) reaches the subscriber before
    /// any item of the line, and once it has, every later item reaches it too.
    /// </summary>
    private void JoinLine(StreamRequest stream, IActorRef subscriber, SubscriptionId newId, Func<SubscriptionId, object> reply)
    {
        var (table, line, result) = _lines.Join(stream.Key, subscriber, newId);
        SetLines(table);
        if (_watchedSubscribers.Add(subscriber)) Context.Watch(subscriber);
        if (result == LineTable<IActorRef>.JoinResult.Joined)
        {
            // A running line answers its new subscriber itself, once it has added it: the line's items come from the
            // socket straight to it (RouteTable), so a reply from here could reach the subscriber before the line knew
            // of it, and an item sent after the reply could miss it.
            if (_lineActors.TryGetValue(line.Id, out var existing)) existing.Tell(new RouterInternal.AddSubscriber(subscriber, reply(line.Id)));
            else subscriber.Tell(reply(line.Id));
            return;
        }
        subscriber.Tell(reply(line.Id));
        // New ids stay above every id in use, also one a failover brought back (Resubscribe).
        _nextSubscriptionId = Math.Max(_nextSubscriptionId, line.Id.Value + 1);
        var id = NextRequestId();
        var child = Context.ActorOf(SubscriptionActor.Props(stream.Plan(), line.Id, subscriber, _pacer, id, _options.Fanout));
        Context.Watch(child);
        Map(id, child);
        _lineActors[line.Id] = child;
        _children[child] = new ChildInfo(id, line.Id, true, null) { HoldsScannerSlot = stream.Key.Kind == ScannerLimit.LineKind };
    }

    /// <summary>Two specs are the same line when IB would see the same contract: by conId (+ exchange) or by every field.</summary>
    internal static string ContractKey(ContractSpec c) =>
        c.ConId is { } conId
            ? $"con:{conId.Value}@{c.Exchange}"
            : string.Join('|', c.Symbol, c.SecType, c.Exchange, c.Currency, c.PrimaryExchange, c.LastTradeDateOrContractMonth,
                c.Strike, c.Right, c.Multiplier, c.LocalSymbol, c.TradingClass, c.SecIdType, c.SecId, c.IncludeExpired);

    /// <summary>"233, 100" and "100,233" ask for the same ticks.</summary>
    internal static string NormaliseTicks(string? ticks) =>
        string.Join(',', (ticks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Order(StringComparer.Ordinal));
}
