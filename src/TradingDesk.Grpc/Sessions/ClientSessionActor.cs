using Akka.Actor;
using Akka.Event;
using Grpc.Core;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Grpc.Sessions.SessionMessages;
using Status = Grpc.Core.Status;

namespace TradingDesk.Grpc.Sessions;

/// <summary>
/// One gRPC client as a strategy of the desk. A trading client's session registers the client's <see cref="StrategyId"/>
/// with the order manager (as StrategyActor does), so the events of its orders come here whichever call placed them;
/// it hands them to the client's StreamOrderUpdates calls (<see cref="OrderFanout"/>) and acknowledges a fill or an
/// ending once a handler wrote it to a response. Order commands pass through here so that cancels and modifies are
/// checked against the orders this client owns. A read-only client's session does not register (it must not take a
/// running strategy's id): it subscribes to every order event and keeps those of its strategy, acknowledging nothing.
/// States: Registering (commands stashed) → Registered; Registering → Refused (another actor holds the strategy id:
/// commands are refused, registration retried on a timer) → Registered; Watching (read-only, for good).
/// </summary>
internal sealed class ClientSessionActor : ReceiveActor, IWithUnboundedStash, IWithTimers
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private readonly IActorRef _desk;
    private readonly GrpcClientOptions _client;
    private readonly StrategyId _strategy;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly OrderFanout _fanout;
    private readonly HashSet<OrderId> _owned = [];
    private readonly bool _trading;
    private bool _limitsApplied;

    public ClientSessionActor(IActorRef desk, GrpcClientOptions client)
    {
        _desk = desk;
        _client = client;
        _strategy = new StrategyId(client.Strategy);
        _fanout = new OrderFanout(_strategy);
        _trading = client.Access == GrpcAccess.Trading;
        if (_trading) Registering();
        else Watching();
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef desk, GrpcClientOptions client) => Akka.Actor.Props.Create(() => new ClientSessionActor(desk, client));

    protected override void PreStart()
    {
        if (_trading) Register();
        else _desk.Tell(new OrderCommands.SubscribeOrderUpdates(), Self);
    }

    protected override void PostStop() =>
        _fanout.CompleteAll(new RpcException(new Status(StatusCode.Unavailable, "the desk's gRPC front is stopping")));

    private void Registering()
    {
        Common();
        Receive<Trade>(_ => { Stash.Stash(); });
    }

    private void Registered()
    {
        Common();
        Receive<Trade>(OnTrade);
    }

    private void Refused(DeskFailure failure)
    {
        Common();
        Receive<Trade>(t => { Sender.Tell(new RequestFailed(t.Command, failure)); });
    }

    private void Watching()
    {
        Common();
        Receive<SubscriptionMessages.Subscribed>(_ => { });
        Receive<Trade>(_ => { Sender.Tell(new SessionMessages.Refused($"client '{_client.Name}' has read-only access and may not trade")); });
    }

    private void Common()
    {
        Receive<OrderEvents.StrategyRegistered>(_ => OnRegistered());
        Receive<RequestFailed>(f =>
        {
            if (f.Request is OrderCommands.RegisterStrategy) OnRegistrationRefused(f.Failure);
            else Unhandled(f);
        });
        Receive<RetryRegistration>(_ => Register());
        Receive<OrderEvents.RiskLimitsSet>(_ => { _log.Info("gRPC client {0}: its risk limits apply to strategy {1}", _client.Name, _strategy); });
        Receive<OrderEvents.IOrderEvent>(OnOrderEvent);
        Receive<Owns>(o => { _owned.UnionWith(o.Orders); });
        Receive<OpenOrderStream>(o =>
        {
            if (_fanout.Open(o.Stream, o.Writer) && _trading) Register(); // the same actor again is accepted; the desk replays
        });
        Receive<CloseOrderStream>(c => { _fanout.Close(c.Stream); });
        Receive<Delivered>(OnDelivered);
    }

    private void Register() => _desk.Tell(new OrderCommands.RegisterStrategy(_strategy), Self);

    private void OnRegistered()
    {
        if (!_limitsApplied && _client.RiskLimits is { } limits)
        {
            _limitsApplied = true;
            _desk.Tell(new OrderCommands.SetRiskLimits(_strategy, limits), Self);
        }
        Become(Registered);
        Stash.UnstashAll();
    }

    private void OnRegistrationRefused(DeskFailure failure)
    {
        _log.Warning("gRPC client {0}: strategy {1} could not register ({2}); its order commands are refused, retrying in {3} s",
            _client.Name, _strategy, failure.Reason, RetryAfter.TotalSeconds);
        Become(() => Refused(failure));
        Stash.UnstashAll();
        Timers.StartSingleTimer("register", RetryRegistration.Instance, RetryAfter);
    }

    private void OnTrade(Trade trade)
    {
        var target = trade.Command switch
        {
            OrderCommands.CancelOrder c => c.OrderId,
            OrderCommands.ModifyOrder m => m.OrderId,
            _ => (OrderId?)null,
        };
        if (target is { } id && !_owned.Contains(id))
        {
            Sender.Tell(new SessionMessages.Refused($"order {id.Value} is not an order of strategy {_strategy.Value}; only its owner may change it"));
            return;
        }
        _desk.Forward(trade.Command); // the desk answers the asker directly
    }

    private void OnOrderEvent(OrderEvents.IOrderEvent e)
    {
        // The holder of a strategy id gets only that strategy's events; a read-only watcher gets everyone's and keeps its own
        // (an event that names no strategy belongs to an order it has seen named).
        if (!_trading && StrategyOf(e) != _strategy && !(StrategyOf(e) is null && _owned.Contains(e.OrderId))) return;
        _owned.Add(e.OrderId);
        _fanout.Add(e);
    }

    private void OnDelivered(Delivered delivered)
    {
        if (!_trading || !_fanout.Written(delivered.Event)) return;
        if (delivered.Event is OrderEvents.Filled f) _desk.Tell(new OrderCommands.AcknowledgeFills(_strategy, [f.ExecId]), Self);
        else _desk.Tell(new OrderCommands.AcknowledgeEndings(_strategy, [delivered.Event.OrderId]), Self);
    }

    private static StrategyId? StrategyOf(OrderEvents.IOrderEvent e) => e switch
    {
        OrderEvents.OrderStatusChanged s => s.Strategy,
        OrderEvents.OpenOrderUpdated o => o.Strategy,
        OrderEvents.Filled f => f.Strategy,
        OrderEvents.OrderLost l => l.Strategy,
        _ => null,
    };

    private sealed record RetryRegistration
    {
        public static readonly RetryRegistration Instance = new();
    }
}
