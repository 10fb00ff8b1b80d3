using System.Collections.Concurrent;
using System.Diagnostics;
using TradingDesk.Actors;

namespace TradingDesk.Testing;

/// <summary>
/// The expectation API shared by <see cref="TestKit"/> and <see cref="TestProbe"/>: a test actor whose
/// received messages queue up for ExpectMsg and friends. All Expect methods block the test thread (never
/// call them inside an actor) and fail with <see cref="TestKitAssertionException"/> saying what was
/// expected, what arrived, from whom and when (time since the probe was created).
/// </summary>
public abstract partial class TestKitBase
{
    private readonly ConcurrentQueue<Received> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Received> _history = [];
    private DateTime? _deadline;

    private protected TestKitBase(ActorSystem system, TestKitOptions options, string actorName)
    {
        Sys = system;
        Options = options;
        TestActor = system.ActorOf(Props.Create(() => new TestActorImpl(this)), actorName);
    }

    /// <summary>The actor system under test.</summary>
    public ActorSystem Sys { get; }

    /// <summary>The actor whose received messages the Expect methods inspect. Use it as sender or subscriber.</summary>
    public IActorRef TestActor { get; }

    /// <summary>Sender of the last message taken by an Expect/Receive method.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    /// <summary>The options (timeouts) in force.</summary>
    public TestKitOptions Options { get; }

    /// <summary>Time left in the innermost <see cref="Within(TimeSpan, Action)"/> block, or the default timeout.</summary>
    public TimeSpan RemainingOrDefault => _deadline is { } d ? Clamp(d - DateTime.UtcNow) : Options.DefaultTimeout;

    /// <summary>Number of messages received and not yet taken.</summary>
    public int QueuedMessageCount => _queue.Count;

    /// <summary>Tells <paramref name="message"/> to <paramref name="actor"/> with <see cref="TestActor"/> as sender.</summary>
    public void Send(IActorRef actor, object message) => actor.Tell(message, TestActor);

    /// <summary>Replies to <see cref="LastSender"/> with <see cref="TestActor"/> as sender.</summary>
    public void Reply(object message) => LastSender.Tell(message, TestActor);

    /// <summary>Forwards <paramref name="message"/> to <paramref name="actor"/> keeping <see cref="LastSender"/> as sender.</summary>
    public void Forward(IActorRef actor, object message) => actor.Tell(message, LastSender);

    /// <summary>
    /// Makes <see cref="TestActor"/> watch <paramref name="actor"/>; returns once the watch is registered, so a
    /// following <see cref="ExpectTerminated"/> cannot miss the death.
    /// </summary>
    public IActorRef Watch(IActorRef actor)
    {
        RunOnTestActor(ctx => ctx.Watch(actor));
        return actor;
    }

    /// <summary>Stops watching <paramref name="actor"/>.</summary>
    public IActorRef Unwatch(IActorRef actor)
    {
        RunOnTestActor(ctx => ctx.Unwatch(actor));
        return actor;
    }

    /// <summary>Expects <see cref="Terminated"/> for <paramref name="actor"/> (watch it first with <see cref="Watch"/>).</summary>
    public Terminated ExpectTerminated(IActorRef actor, TimeSpan? timeout = null) =>
        ExpectMsg<Terminated>(t => t.ActorRef.Equals(actor), timeout, $"Terminated for {actor.Path}");

    private void RunOnTestActor(Action<IActorContext> action)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TestActor.Tell(new RunCommand(action, done), ActorRefs.NoSender);
        if (!done.Task.Wait(Options.DefaultTimeout))
            throw new TestKitAssertionException($"The test actor did not run a command within {Format(Options.DefaultTimeout)}.");
    }

    private void Enqueue(object message, IActorRef sender)
    {
        _queue.Enqueue(new Received(message, sender, _clock.Elapsed));
        _available.Release();
    }

    private sealed record RunCommand(Action<IActorContext> Action, TaskCompletionSource Done);

    private readonly record struct Received(object Message, IActorRef Sender, TimeSpan At);

    /// <summary>Puts every message it receives (including Terminated of watched actors) into the probe's queue.</summary>
    private sealed class TestActorImpl(TestKitBase owner) : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is RunCommand run)
            {
                run.Action(Context);
                run.Done.SetResult();
                return;
            }
            owner.Enqueue(message, Sender);
        }
    }
}
