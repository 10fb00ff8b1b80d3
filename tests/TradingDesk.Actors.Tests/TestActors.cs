using TradingDesk.Actors;

namespace TradingDesk.Actors.Tests;

/// <summary>Replies with whatever it receives.</summary>
internal sealed class EchoActor : ReceiveActor
{
    public EchoActor() => ReceiveAny(m => Sender.Tell(m, Self));

    public static Props Props() => Actors.Props.Create(() => new EchoActor());
}

/// <summary>Forwards every message to a target, keeping the sender; reports PreStart and PostStop.</summary>
internal sealed class ForwardingActor : ReceiveActor
{
    private readonly IActorRef _target;
    private readonly string _tag;

    public ForwardingActor(IActorRef target, string tag)
    {
        _target = target;
        _tag = tag;
        ReceiveAny(m => _target.Forward(m));
    }

    protected override void PreStart() => _target.Tell($"{_tag}prestart", Self);

    protected override void PostStop() => _target.Tell($"{_tag}poststop", Self);

    public static Props Props(IActorRef target, string tag = "") => Actors.Props.Create(() => new ForwardingActor(target, tag));
}

/// <summary>
/// Throws any exception it is sent; reports every other message to the monitor with a running count,
/// so tests can tell a fresh instance (count restarts at 1) from a resumed one (count continues).
/// </summary>
internal sealed class FlakyActor : ReceiveActor
{
    private readonly IActorRef _monitor;
    private int _handled;

    public FlakyActor(IActorRef monitor)
    {
        _monitor = monitor;
        Receive<Exception>(ex => throw ex);
        ReceiveAny(m => _monitor.Tell(new Handled(m, ++_handled), Self));
    }

    protected override void PreStart() => _monitor.Tell(Started.Instance, Self);

    protected override void PostStop() => _monitor.Tell(Stopped.Instance, Self);

    protected override void PreRestart(Exception reason, object? message)
    {
        _monitor.Tell(new Restarting(reason, message), Self);
        base.PreRestart(reason, message);
    }

    public static Props Props(IActorRef monitor) => Actors.Props.Create(() => new FlakyActor(monitor));

    public sealed record Handled(object Message, int Count);

    public sealed record Restarting(Exception Reason, object? Message);

    public sealed class Started
    {
        public static readonly Started Instance = new();
    }

    public sealed class Stopped
    {
        public static readonly Stopped Instance = new();
    }
}

/// <summary>A supervisor with a given strategy that creates children on request and forwards to them.</summary>
internal sealed class Parent : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Parent(SupervisorStrategy strategy)
    {
        _strategy = strategy;
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name)));
        Receive<Exception>(ex => throw ex);
    }

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;

    public static Props Props(SupervisorStrategy strategy) => Actors.Props.Create(() => new Parent(strategy));

    public sealed record CreateChild(Props Props, string? Name = null);
}

internal sealed class TestException(string message) : Exception(message);
