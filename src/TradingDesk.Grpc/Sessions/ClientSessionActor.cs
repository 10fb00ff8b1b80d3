using Akka.Actor;
using Akka.Event;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Grpc.Sessions.SessionMessages;

namespace TradingDesk.Grpc.Sessions;

/// <summary>
/// One gRPC client as a strategy of the desk. It registers the client's <see cref="StrategyId"/> with the order manager
/// (as StrategyActor does), so the events of the client's orders come here whichever call placed them; it hands them to
/// the client's open StreamOrderUpdates calls (or keeps them until one opens) and acknowledges a fill or an ending only
/// once a handler wrote it to a response stream. What it handed to streams that closed before writing it is not
/// acknowledged, so the desk still has it: the next stream that opens registers again and the desk replays it.
/// Order commands pass through here so that cancels and modifies are checked against the orders this client owns.
/// States: Registering (commands stashed) → Registered; Registering → Refused (another actor holds the strategy id:
/// commands are refused, registration retried on a timer) → Registered.
/// </summary>
internal sealed class ClientSessionActor : ReceiveActor, IWithUnboundedStash, IWithTimers
{
    private const int PendingLimit = 10_000;
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);
    private readonly IActorRef _desk;
    private readonly GrpcClientOptions _client;
    private readonly StrategyId _strategy;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly Dictionary<long, Action<OrderItem>> _streams = [];
    private readonly List<OrderEvents.IOrderEvent> _pending = [];
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unacknowledged = new(StringComparer.Ordinal);
    private readonly HashSet<OrderId> _owned = [];
    private bool _replayNeeded;
    private bool _limitsApplied;

    public ClientSessionActor(IActorRef desk, GrpcClientOptions client)
    {
        _desk = desk;
        _client = client;
        _strategy = new StrategyId(client.Strategy);
        Registering();
    }

    public IStash Stash { get; set; } = null!;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef desk, GrpcClientOptions client) => Akka.Actor.Props.Create(() => new ClientSessionActor(desk, client));

    protected override void PreStart() => Register();

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
        Receive<OpenOrderStream>(OnOpen);
        Receive<CloseOrderStream>(OnClose);
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
        _owned.Add(e.OrderId); // the desk sends the holder of a strategy id only that strategy's events
        var key = AckKey(e);
        if (key is not null && _acknowledged.Contains(key)) return; // a replay of what a stream already took
        if (_streams.Count == 0)
        {
            if (_pending.Count >= PendingLimit)
            {
                // Nobody has read for a long time: forget, and let the desk replay its open orders and unacknowledged fills.
                _pending.Clear();
                _replayNeeded = true;
            }
            _pending.Add(e);
            return;
        }
        Hand(e);
    }

    private void Hand(OrderEvents.IOrderEvent e)
    {
        if (AckKey(e) is { } key) _unacknowledged.Add(key);
        foreach (var write in _streams.Values) write(new OrderItem(e));
    }

    private void OnOpen(OpenOrderStream open)
    {
        var writer = open.Writer;
        _streams[open.Stream] = item => writer.TryWrite(item); // unbounded: order events are never dropped
        foreach (var e in _pending) Hand(e);
        _pending.Clear();
        if (!_replayNeeded) return;
        _replayNeeded = false;
        Register(); // the same actor again is accepted; the desk replays what was never acknowledged
    }

    private void OnClose(CloseOrderStream close)
    {
        _streams.Remove(close.Stream);
        if (_streams.Count > 0 || _unacknowledged.Count == 0) return;
        _unacknowledged.Clear();
        _replayNeeded = true;
    }

    private void OnDelivered(Delivered delivered)
    {
        if (AckKey(delivered.Event) is not { } key || !_acknowledged.Add(key)) return;
        _unacknowledged.Remove(key);
        if (delivered.Event is OrderEvents.Filled f) _desk.Tell(new OrderCommands.AcknowledgeFills(_strategy, [f.ExecId]), Self);
        else _desk.Tell(new OrderCommands.AcknowledgeEndings(_strategy, [delivered.Event.OrderId]), Self);
    }

    private string? AckKey(OrderEvents.IOrderEvent e) => e switch
    {
        OrderEvents.Filled f when f.Strategy == _strategy => "fill:" + f.ExecId.Value,
        _ when OrderEvents.EndsOrder(e) => "end:" + e.OrderId.Value,
        _ => null,
    };

    private sealed record RetryRegistration
    {
        public static readonly RetryRegistration Instance = new();
    }
}
