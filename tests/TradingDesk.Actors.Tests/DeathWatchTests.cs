using TradingDesk.Testing;
using TradingDesk.Actors;
using TradingDesk.Actors.Event;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class DeathWatchTests(ITestOutputHelper output) : TestKit(output)
{
    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef report)
        {
            Receive<WatchIt>(w => { Context.Watch(w.Target); report.Tell("watching"); });
            Receive<UnwatchIt>(w => { Context.Unwatch(w.Target); report.Tell("unwatched"); });
            Receive<Terminated>(t => report.Tell(t));
            ReceiveAny(m => report.Tell(m));
        }
    }

    private sealed record WatchIt(IActorRef Target);

    private sealed record UnwatchIt(IActorRef Target);

    [Fact]
    public void A_watcher_gets_Terminated_when_the_watched_actor_stops()
    {
        var target = Sys.ActorOf(EchoActor.Props());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        Sys.Stop(target);
        var t = ExpectMsg<Terminated>();
        Assert.Equal(target, t.ActorRef);
        Assert.Equal(watcher, LastSender);
    }

    [Fact]
    public void Watching_an_already_dead_actor_still_delivers_Terminated()
    {
        var target = Sys.ActorOf(EchoActor.Props());
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);
        Assert.True(target.IsTerminated());

        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        Assert.Equal(target, ExpectMsg<Terminated>().ActorRef);
    }

    [Fact]
    public void Unwatch_before_death_means_no_Terminated()
    {
        var target = Sys.ActorOf(EchoActor.Props());
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        watcher.Tell(new UnwatchIt(target));
        ExpectMsg("unwatched");
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target); // our own watch proves the target is dead...
        ExpectNoMsg(); // ...and the watcher, having unwatched, got nothing
    }

    [Fact]
    public void Messages_sent_by_an_actor_before_it_died_arrive_before_its_Terminated()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new LastWords(watcher)));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        target.Tell("go");
        ExpectMsg("last words");
        Assert.Equal(target, ExpectMsg<Terminated>().ActorRef);
    }

    private sealed class LastWords : ReceiveActor
    {
        public LastWords(IActorRef to) => ReceiveAny(_ =>
        {
            to.Tell("last words");
            Context.Stop(Self);
        });
    }

    private sealed class DoesNotHandleTerminated : ReceiveActor
    {
        public DoesNotHandleTerminated(IActorRef target)
        {
            Context.Watch(target);
            Receive<string>(_ => { });
        }
    }

    [Fact]
    public void An_unhandled_Terminated_fails_the_watcher_with_DeathPactException()
    {
        Sys.EventStream.Subscribe<Error>(TestActor);
        var target = Sys.ActorOf(EchoActor.Props());
        var watcher = Sys.ActorOf(Props.Create(() => new DoesNotHandleTerminated(target)));
        Watch(watcher);
        Sys.Stop(target);
        Assert.IsType<DeathPactException>(ExpectMsg<Error>().Cause);
        ExpectTerminated(watcher); // default strategy stops on DeathPactException
    }

    [Fact]
    public void Stopping_a_parent_delivers_Terminated_for_child_and_parent()
    {
        var parent = Sys.ActorOf(Parent.Props(SupervisorStrategy.DefaultStrategy));
        parent.Tell(new Parent.CreateChild(EchoActor.Props(), "child"), TestActor);
        var child = ExpectMsg<IActorRef>();
        Watch(child);
        Watch(parent);
        Sys.Stop(parent);
        Assert.Equal(child, ExpectMsg<Terminated>().ActorRef);
        Assert.Equal(parent, ExpectMsg<Terminated>().ActorRef);
    }
}
