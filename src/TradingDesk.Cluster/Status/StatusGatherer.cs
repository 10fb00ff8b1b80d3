using Akka.Actor;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Messages;
using static TradingDesk.Cluster.Messages.ClusterStatusMessages;

namespace TradingDesk.Cluster.Status;

/// <summary>
/// Asks the desk (through the singleton proxy) for its connection state and its strategy bindings, fills them into one
/// status and answers the asker: when both replies are in, or at the deadline (a scheduler timer) with what it has and
/// words saying what did not answer. Then it stops.
/// </summary>
public sealed class StatusGatherer : ReceiveActor, IWithTimers
{
    private sealed record Deadline;

    private ClusterStatus _status;
    private bool _haveState;
    private bool _haveBindings;

    public StatusGatherer(IActorRef desk, ClusterStatus status, IActorRef asker, TimeSpan deadline)
    {
        _status = status with { Gateway = status.DeskNode is null ? "no desk node is up" : "the desk did not answer" };
        Receive<ConnectionMessages.StateReply>(reply =>
        {
            _status = _status with { Gateway = reply.State + (reply.ServerVersion > 0 ? $" (server version {reply.ServerVersion})" : "") };
            _haveState = true;
            AnswerWhenDone(asker);
        });
        Receive<OrderEvents.StrategyBindings>(bindings =>
        {
            _status = _status with
            {
                Strategies = [.. bindings.Bindings.Select(b => new StrategyPlacement(b.Strategy.Value, NodeOf(b.ActorPath), b.ActorPath)).OrderBy(p => p.Strategy, StringComparer.Ordinal)],
            };
            _haveBindings = true;
            AnswerWhenDone(asker);
        });
        Receive<RequestFailed>(failed =>
        {
            if (failed.Request is ConnectionMessages.GetState) { _status = _status with { Gateway = "the desk refused: " + failed.Failure.Reason }; _haveState = true; }
            else _haveBindings = true;
            AnswerWhenDone(asker);
        });
        Receive<Deadline>(_ => Answer(asker));
        _desk = desk;
        _deadline = deadline;
    }

    private readonly IActorRef _desk;
    private readonly TimeSpan _deadline;

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(IActorRef desk, ClusterStatus status, IActorRef asker, TimeSpan deadline) =>
        Akka.Actor.Props.Create(() => new StatusGatherer(desk, status, asker, deadline));

    protected override void PreStart()
    {
        _desk.Tell(new ConnectionMessages.GetState());
        _desk.Tell(new OrderCommands.GetStrategyBindings());
        Timers.StartSingleTimer(nameof(Deadline), new Deadline(), _deadline);
    }

    /// <summary>The node of an actor path; a path without a host is local to the desk, so on the desk's node.</summary>
    private string NodeOf(string actorPath) =>
        !ActorPath.TryParse(actorPath, out var path) ? actorPath
        : path.Address.HasLocalScope ? _status.DeskNode ?? path.Address.ToString()
        : path.Address.ToString();

    private void AnswerWhenDone(IActorRef asker)
    {
        if (_haveState && _haveBindings) Answer(asker);
    }

    private void Answer(IActorRef asker)
    {
        asker.Tell(_status);
        Context.Stop(Self);
    }
}
