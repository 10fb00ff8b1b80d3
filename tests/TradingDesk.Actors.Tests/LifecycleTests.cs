using TradingDesk.Testing;
using System.Collections.Concurrent;
using TradingDesk.Actors;
using TradingDesk.Actors.Event;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class LifecycleTests(ITestOutputHelper output) : TestKit(output)
{
    /// <summary>Builds a tree of the given depth and fan-out, recording PostStop into a shared log.</summary>
    private sealed class TreeNode : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _log;

        public TreeNode(int depth, int fanOut, ConcurrentQueue<string> log, IActorRef ready)
        {
            _log = log;
            for (var i = 0; depth > 0 && i < fanOut; i++)
                Context.ActorOf(Props.Create(() => new TreeNode(depth - 1, fanOut, log, ready)), $"n{i}");
            ready.Tell("ready");
        }

        protected override void PostStop() => _log.Enqueue(Self.Path.ToString());
    }

    [Fact]
    public async Task Terminate_stops_children_before_their_parents_PostStop_and_completes_WhenTerminated()
    {
        var log = new ConcurrentQueue<string>();
        Sys.ActorOf(Props.Create(() => new TreeNode(2, 3, log, TestActor)), "root");
        ReceiveN(1 + 3 + 9);
        await Sys.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        var order = log.ToList();
        Assert.Equal(13, order.Count);
        foreach (var path in order)
        {
            var parent = path[..path.LastIndexOf('/')];
            var parentIndex = order.IndexOf(parent);
            if (parentIndex >= 0) Assert.True(order.IndexOf(path) < parentIndex, $"{path} stopped after its parent");
        }
        Assert.EndsWith("/user/root", order[^1]);
        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(EchoActor.Props()));
    }

    [Fact]
    public void PreStart_runs_before_the_first_message_and_PostStop_after_stop()
    {
        var a = Sys.ActorOf(ForwardingActor.Props(TestActor));
        a.Tell("m", TestActor);
        ExpectMsg("prestart");
        ExpectMsg("m");
        a.Tell(PoisonPill.Instance);
        ExpectMsg("poststop");
    }

    [Fact]
    public void PoisonPill_is_handled_after_the_messages_told_before_it()
    {
        var a = Sys.ActorOf(ForwardingActor.Props(TestActor));
        ExpectMsg("prestart");
        Watch(a);
        a.Tell(1, TestActor);
        a.Tell(2, TestActor);
        a.Tell(PoisonPill.Instance);
        a.Tell(3, TestActor);
        ExpectMsg(1);
        ExpectMsg(2);
        ExpectMsg("poststop");
        ExpectTerminated(a);
        ExpectNoMsg();
    }

    private sealed class ThrowsInConstructor : ReceiveActor
    {
        public ThrowsInConstructor() => throw new TestException("ctor boom");
    }

    private sealed class ThrowsInPostStop : ReceiveActor
    {
        public ThrowsInPostStop() => ReceiveAny(_ => { });

        protected override void PostStop() => throw new TestException("poststop boom");
    }

    private sealed class ThrowsInPreStart : ReceiveActor
    {
        protected override void PreStart() => throw new TestException("prestart boom");
    }

    [Fact]
    public void An_exception_in_a_constructor_is_reported_and_the_actor_is_stopped()
    {
        Sys.EventStream.Subscribe<Error>(TestActor);
        var a = Sys.ActorOf(Props.Create(() => new ThrowsInConstructor()), "bad");
        Watch(a);
        var error = ExpectMsg<Error>();
        var init = Assert.IsType<ActorInitializationException>(error.Cause);
        Assert.Equal("ctor boom", init.InnerException!.Message);
        Assert.Equal(a, error.Actor);
        ExpectTerminated(a);
    }

    [Fact]
    public void An_exception_in_PreStart_is_reported_and_the_actor_is_stopped()
    {
        Sys.EventStream.Subscribe<Error>(TestActor);
        var a = Sys.ActorOf(Props.Create(() => new ThrowsInPreStart()));
        Watch(a);
        var error = ExpectMsg<Error>();
        Assert.Equal("prestart boom", error.Cause.InnerException!.Message);
        ExpectTerminated(a);
    }

    [Fact]
    public void An_exception_in_PostStop_is_reported_and_the_actor_still_terminates()
    {
        Sys.EventStream.Subscribe<Error>(TestActor);
        var a = Sys.ActorOf(Props.Create(() => new ThrowsInPostStop()));
        Watch(a);
        Sys.Stop(a);
        var error = ExpectMsg<Error>();
        Assert.Equal("poststop boom", error.Cause.Message);
        Assert.Contains("PostStop", error.Message);
        ExpectTerminated(a);
    }

    [Fact]
    public void Context_exposes_Parent_Children_and_Child()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy), "parent");
        parent.Tell(new Parent.CreateChild(Props.Create(() => new FamilyReporter(TestActor)), "c1"), TestActor);
        var child = ExpectMsg<IActorRef>();
        var family = ExpectMsg<FamilyReporter.Family>();
        Assert.Equal(parent, family.Parent);
        Assert.Equal(child, family.Self);
    }

    private sealed class FamilyReporter : ReceiveActor
    {
        public FamilyReporter(IActorRef report) => report.Tell(new Family(Context.Parent, Self));

        public sealed record Family(IActorRef Parent, IActorRef Self);
    }
}
