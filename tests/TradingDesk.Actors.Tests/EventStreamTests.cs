using TradingDesk.Testing;
using TradingDesk.Actors;
using TradingDesk.Actors.Event;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class EventStreamTests(ITestOutputHelper output) : TestKit(output)
{
    private interface IMarketEvent;

    private record PriceEvent(decimal Price) : IMarketEvent;

    private sealed record LastPrice(decimal Price) : PriceEvent(Price);

    private sealed record Halt : IMarketEvent;

    [Fact]
    public void Subscribers_receive_events_by_type_base_type_and_interface()
    {
        var byInterface = CreateTestProbe();
        var byBase = CreateTestProbe();
        var byExact = CreateTestProbe();
        Sys.EventStream.Subscribe<IMarketEvent>(byInterface.Ref);
        Sys.EventStream.Subscribe(byBase.Ref, typeof(PriceEvent));
        Sys.EventStream.Subscribe<Halt>(byExact.Ref);
        Sys.EventStream.Publish(new LastPrice(1.5m));
        Sys.EventStream.Publish(new Halt());
        byInterface.ExpectMsg(new LastPrice(1.5m));
        byInterface.ExpectMsg<Halt>();
        byBase.ExpectMsg(new LastPrice(1.5m));
        byBase.ExpectNoMsg();
        byExact.ExpectMsg<Halt>();
        byExact.ExpectNoMsg();
    }

    [Fact]
    public void Unsubscribe_stops_delivery()
    {
        Assert.True(Sys.EventStream.Subscribe<Halt>(TestActor));
        Assert.False(Sys.EventStream.Subscribe<Halt>(TestActor));
        Sys.EventStream.Publish(new Halt());
        ExpectMsg<Halt>();
        Assert.True(Sys.EventStream.Unsubscribe(TestActor, typeof(Halt)));
        Sys.EventStream.Publish(new Halt());
        ExpectNoMsg();
    }

    [Fact]
    public void Messages_to_a_dead_actor_become_dead_letters_with_sender_recipient_and_message()
    {
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        var a = Sys.ActorOf(EchoActor.Props(), "gone");
        Watch(a);
        Sys.Stop(a);
        ExpectTerminated(a);
        var sender = CreateTestProbe("sender");
        a.Tell(new Halt(), sender.Ref);
        var dl = ExpectMsg<DeadLetter>();
        Assert.Equal(new Halt(), dl.Message);
        Assert.Equal(sender.Ref, dl.Sender);
        Assert.Equal(a, dl.Recipient);
        Sys.DeadLetters.Tell("direct", sender.Ref);
        Assert.Equal("direct", ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void A_stopped_subscriber_is_dropped_without_dead_letter_loops()
    {
        var sub = CreateTestProbe();
        Sys.EventStream.Subscribe<DeadLetter>(sub.Ref);
        Sys.EventStream.Subscribe<DeadLetter>(TestActor);
        Watch(sub.Ref);
        Sys.Stop(sub.Ref);
        ExpectTerminated(sub.Ref);
        Sys.DeadLetters.Tell("one");
        Assert.Equal("one", ExpectMsg<DeadLetter>().Message);
        ExpectNoMsg();
        Assert.False(Sys.EventStream.Unsubscribe(sub.Ref));
    }
}
