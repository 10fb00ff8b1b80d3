using TradingDesk.Testing;
using TradingDesk.Actors;
using TradingDesk.Actors.Event;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class ReceiveAsyncTests(ITestOutputHelper output) : TestKit(output)
{
    /// <summary>On "wait" awaits the gate the test controls; reports before and after, with Self and Sender.</summary>
    private sealed class Awaiter : ReceiveActor
    {
        public Awaiter(Task gate, IActorRef report)
        {
            ReceiveAsync<string>(async _ =>
            {
                report.Tell("before");
                await gate;
                // After the await we are back on the actor's turn: Sender is still the original sender.
                report.Tell(("after", Sender, Self));
                await Task.Yield();
                report.Tell("after yield");
            }, s => s == "wait");
            Receive<string>(s => report.Tell(s));
            ReceiveAsync<int>(async i =>
            {
                await Task.Yield();
                if (i < 0) throw new TestException("async boom");
                report.Tell(i);
            });
        }
    }

    [Fact]
    public void The_next_message_is_held_until_the_handlers_task_completes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sender = CreateTestProbe();
        var a = Sys.ActorOf(Props.Create(() => new Awaiter(gate.Task, TestActor)));
        a.Tell("wait", sender.Ref);
        ExpectMsg("before");
        a.Tell("next");
        ExpectNoMsg(); // held while the handler awaits
        gate.SetResult();
        var after = ExpectMsg<(string, IActorRef, IActorRef)>();
        Assert.Equal(("after", sender.Ref, a), after);
        ExpectMsg("after yield");
        ExpectMsg("next");
    }

    [Fact]
    public void A_faulted_task_fails_the_actor_like_a_thrown_exception()
    {
        Sys.EventStream.Subscribe<Error>(TestActor);
        var a = Sys.ActorOf(Props.Create(() => new Awaiter(Task.CompletedTask, TestActor)));
        a.Tell(-1);
        var error = FishForMessage<Error>();
        Assert.Equal("async boom", error.Cause.Message);
        a.Tell(5); // restarted by the default strategy, still works
        ExpectMsg(5);
    }

    [Fact]
    public void An_actor_awaiting_can_still_be_stopped()
    {
        var gate = new TaskCompletionSource();
        var a = Sys.ActorOf(Props.Create(() => new Awaiter(gate.Task, TestActor)));
        Watch(a);
        a.Tell("wait");
        ExpectMsg("before");
        Sys.Stop(a);
        ExpectTerminated(a);
        gate.SetResult(); // the continuation of the stopped actor is dropped
        ExpectNoMsg();
    }

    private sealed class AsyncCounter : ReceiveActor
    {
        private int _count;

        public AsyncCounter(IActorRef report)
        {
            ReceiveAsync<int>(async _ =>
            {
                var seen = _count;
                await Task.Yield();
                _count = seen + 1; // no other message can interleave between read and write
            });
            Receive<string>(_ => report.Tell(_count));
        }
    }

    [Fact]
    public void Async_handlers_never_interleave()
    {
        var a = Sys.ActorOf(Props.Create(() => new AsyncCounter(TestActor)));
        for (var i = 0; i < 200; i++) a.Tell(i);
        a.Tell("count");
        ExpectMsg(200);
    }
}
