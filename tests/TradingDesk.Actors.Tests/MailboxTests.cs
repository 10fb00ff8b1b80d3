using TradingDesk.Testing;
using TradingDesk.Actors;
using TradingDesk.Actors.Event;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class MailboxTests(ITestOutputHelper output) : TestKit(output)
{
    /// <summary>Awaits the gate on its first message, so the test can pile up a backlog deterministically.</summary>
    private sealed class Blocked : ReceiveActor
    {
        private bool _first = true;

        public Blocked(Task gate, IActorRef report)
        {
            ReceiveAsync<int>(async i =>
            {
                if (_first)
                {
                    _first = false;
                    report.Tell("holding");
                    await gate;
                }
                report.Tell(i);
            });
        }
    }

    [Fact]
    public void A_bounded_mailbox_sends_overflow_to_dead_letters()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Sys.ActorOf(Props.Create(() => new Blocked(gate.Task, TestActor)).WithBoundedMailbox(3));
        a.Tell(0);
        ExpectMsg("holding");
        for (var i = 1; i <= 5; i++) a.Tell(i); // 1..3 fit, 4 and 5 overflow
        Assert.Equal(4, ExpectMsg<DeadLetter>().Message);
        Assert.Equal(5, ExpectMsg<DeadLetter>().Message);
        gate.SetResult();
        Assert.Equal(new object[] { 0, 1, 2, 3 }, ReceiveN(4));
        ExpectNoMsg();
    }

    [Fact]
    public void Stop_overtakes_a_backlog_of_user_messages()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var a = Sys.ActorOf(Props.Create(() => new Blocked(gate.Task, TestActor)));
        Watch(a);
        a.Tell(0);
        ExpectMsg("holding");
        for (var i = 1; i <= 100; i++) a.Tell(i);
        Sys.Stop(a); // while the handler still awaits the gate
        var received = ReceiveN(101);
        gate.SetResult();
        // The actor stopped without handling the 100 queued messages; they went to dead letters, in order.
        Assert.Single(received.OfType<Terminated>());
        var dead = received.OfType<DeadLetter>().Select(d => (int)d.Message).ToList();
        Assert.Equal(Enumerable.Range(1, 100), dead);
        ExpectNoMsg();
    }

    private sealed class Spinner : ReceiveActor
    {
        public Spinner() => Receive<string>(_ => Self.Tell("spin"));
    }

    [Fact]
    public void An_actor_that_never_runs_dry_does_not_starve_others()
    {
        // Each spinner always has a message queued. Without the throughput batch (a turn yields after N
        // messages) every pool thread would stay inside a spinner's turn forever, and the pool adds threads
        // only about twice a second: the echo actor, queued behind 64 spinners, would wait for ~30 s.
        for (var i = 0; i < 64; i++) Sys.ActorOf(Props.Create(() => new Spinner())).Tell("spin");
        var echo = Sys.ActorOf(EchoActor.Props());
        echo.Tell("ping", TestActor);
        ExpectMsg("ping");
    }
}
