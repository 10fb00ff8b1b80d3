using IBApi.protobuf;
using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using static TradingDesk.Desk.Messages.AccountMessages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Routing;

// Strategy commands: which child owns each, and how streams are keyed for sharing.
public sealed partial class RouterActor
{
    private void ReceiveRequests()
    {
        // One-shot / multi-part with a request id.
        Receive<GetContractDetails>(c => StartRequest(new ContractDetailsPlan(c, DateOnly.FromDateTime(_time.Now.UtcDateTime))));
        Receive<GetHistoricalBars>(c => StartRequest(new HistoricalBarsPlan(c)));
        Receive<GetHeadTimestamp>(c => StartRequest(new HeadTimestampPlan(c)));
        Receive<GetAccountSummary>(c => StartRequest(new AccountSummaryPlan(c)));
        Receive<GetMarketDataSnapshot>(c => StartRequest(new SnapshotPlan(c)));
        // No request id on the wire: one at a time per kind.
        Receive<GetCurrentTime>(c => QueueByKind("time", new CurrentTimePlan(c)));
        Receive<GetManagedAccounts>(c => QueueByKind("accounts", new ManagedAccountsPlan(c)));
        Receive<GetPositions>(c => QueueByKind("positions", new PositionsPlan(c)));
        Receive<SetMarketDataType>(c =>
        {
            _marketDataType = new MarketDataTypeRequest { MarketDataType = (int)c.Type };
            _pacer.Tell(new GatewayMessages.Outbound(_marketDataType, OutboundPriority.Data));
            Sender.Tell(new MarketDataTypeSet(c.Type));
        });
        // Streams.
        Receive<SubscribeMarketData>(c => Subscribe(c.Contract, new LineKey("mkt", ContractKey(c.Contract) + "|" + NormaliseTicks(c.GenericTicks)), () => new MarketDataStream(c)));
        Receive<SubscribeTickByTick>(c => Subscribe(c.Contract, new LineKey("tbt", $"{ContractKey(c.Contract)}|{c.Type}|{c.NumberOfTicks}|{c.IgnoreSize}"), () => new TickByTickStream(c)));
        Receive<SubscribeDepth>(c => Subscribe(c.Contract, new LineKey("depth", $"{ContractKey(c.Contract)}|{c.Rows}|{c.SmartDepth}"), () => new DepthStream(c)));
        Receive<SubscribeRealTimeBars>(c => Subscribe(c.Contract, new LineKey("rtb", $"{ContractKey(c.Contract)}|{c.WhatToShow}|{c.UseRth}"), () => new RealTimeBarsStream(c)));
        // Each keep-up-to-date subscriber needs its own history: never shared.
        Receive<SubscribeHistoricalBars>(c => Subscribe(c.Contract, new LineKey("hist", $"{_nextSubscriptionId}"), () => new HistoricalKeepUpStream(c)));
        Receive<SubscribePnL>(c => Subscribe(null, new LineKey("pnl", $"{c.Account}|{c.ModelCode}"), () => new PnLStream(c)));
        Receive<SubscribePnLSingle>(c => Subscribe(null, new LineKey("pnl1", $"{c.Account}|{c.ModelCode}|{c.ConId}"), () => new PnLSingleStream(c)));
        Receive<SubscribeAccountUpdates>(c =>
        {
            var key = new LineKey("acct", c.Account.Value);
            var other = _lines.ByKey.Keys.FirstOrDefault(k => k.Kind == "acct" && k != key);
            if (other.Kind is not null)
            {
                Sender.Tell(new RequestFailed(c, new InvalidRequest($"IB streams one account at a time per connection; {other.Spec} is subscribed")));
                return;
            }
            Subscribe(null, key, () => new AccountUpdatesStream(c));
        });
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

    private void Subscribe(ContractSpec? contract, LineKey key, Func<StreamPlan> plan)
    {
        if (contract is { FrontMonth: true })
        {
            Sender.Tell(new RequestFailed(plan().Command, new InvalidRequest("resolve a front-month future with GetContractDetails first, then subscribe to the contract it returns")));
            return;
        }
        var subscriber = Sender;
        var (table, line, result) = _lines.Join(key, subscriber, new SubscriptionId(_nextSubscriptionId));
        _lines = table;
        if (_watchedSubscribers.Add(subscriber)) Context.Watch(subscriber);
        var command = plan();
        // Subscribed first, then the line learns of the subscriber: items can never overtake the Subscribed reply.
        subscriber.Tell(new SubscriptionMessages.Subscribed(line.Id, command.Command));
        if (result == LineTable<IActorRef>.JoinResult.Joined)
        {
            if (_lineActors.TryGetValue(line.Id, out var existing)) existing.Tell(new RouterInternal.AddSubscriber(subscriber));
            return;
        }
        _nextSubscriptionId++;
        var id = NextRequestId();
        var child = Context.ActorOf(SubscriptionActor.Props(command, line.Id, subscriber, _pacer, id, _options.Fanout));
        Context.Watch(child);
        Map(id, child);
        _lineActors[line.Id] = child;
        _children[child] = new ChildInfo(id, line.Id, true, null);
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
