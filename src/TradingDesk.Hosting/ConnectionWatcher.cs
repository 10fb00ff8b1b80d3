using Akka.Actor;
using TradingDesk.Desk.Gateway;

namespace TradingDesk.Hosting;

/// <summary>
/// Watches the desk's connection for the host: reports every state change (<see cref="TradingDeskService.ConnectionChanged"/>)
/// and answers <see cref="AwaitFirstConnection"/> with the first <see cref="ConnectionEvents.Connected"/>, or with
/// <see cref="NotConnected"/> when its deadline passes on the system's scheduler (so a virtual clock drives it in tests)
/// or the start is cancelled. Subscribed to the EventStream by its creator before the desk exists, so no state change
/// is missed.
/// </summary>
public sealed class ConnectionWatcher : ReceiveActor, IWithTimers
{
    /// <summary>Answered with the first Connected, or NotConnected after <paramref name="Within"/>.</summary>
    public sealed record AwaitFirstConnection(TimeSpan Within);

    /// <summary>The start was cancelled (Ctrl-C, the end of desk run's --duration): waiters get NotConnected(Stopped).</summary>
    public sealed record StartCancelled;

    /// <summary>No first connection; <paramref name="LastError"/> is the last attempt's failure.</summary>
    public sealed record NotConnected(bool Stopped, string? LastError);

    private readonly List<IActorRef> _waiters = [];
    private ConnectionEvents.Connected? _connected;
    private string? _lastError;

    public ConnectionWatcher(Action<ConnectionEvents.StateChanged> report)
    {
        Receive<ConnectionEvents.StateChanged>(e =>
        {
            if (e is ConnectionEvents.Disconnected d) _lastError = d.Reason;
            if (e is ConnectionEvents.Connected c && _connected is null)
            {
                _connected = c;
                Timers.Cancel(Deadline.Instance);
                Answer(c);
            }
            report(e);
        });
        Receive<AwaitFirstConnection>(a =>
        {
            if (_connected is not null)
            {
                Sender.Tell(_connected);
                return;
            }
            _waiters.Add(Sender);
            Timers.StartSingleTimer(Deadline.Instance, Deadline.Instance, a.Within);
        });
        Receive<Deadline>(_ => Answer(new NotConnected(false, _lastError)));
        Receive<StartCancelled>(_ =>
        {
            if (_connected is null) Answer(new NotConnected(true, _lastError));
        });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(Action<ConnectionEvents.StateChanged> report) => Akka.Actor.Props.Create(() => new ConnectionWatcher(report));

    private void Answer(object answer)
    {
        foreach (var w in _waiters) w.Tell(answer);
        _waiters.Clear();
    }

    private sealed record Deadline
    {
        public static readonly Deadline Instance = new();
    }
}
