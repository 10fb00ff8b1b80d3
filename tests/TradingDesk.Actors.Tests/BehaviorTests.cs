using TradingDesk.Testing;
using TradingDesk.Actors;
using TradingDesk.Actors.Event;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class BehaviorTests(ITestOutputHelper output) : TestKit(output)
{
    /// <summary>States: Closed --Open--> Opened --Close--> Closed; Peek is stacked on either and popped by Pop.</summary>
    private sealed class Door : ReceiveActor
    {
        public Door()
        {
            Closed();
        }

        private void Closed()
        {
            Receive<string>(s => s == "open", _ => Become(Opened));
            Receive<string>(s => s == "state", _ => Sender.Tell("closed"));
            Receive<string>(s => s == "peek", _ => BecomeStacked(Peeking));
        }

        private void Opened()
        {
            Receive<string>(s => s == "close", _ => Become(Closed));
            Receive<string>(s => s == "state", _ => Sender.Tell("opened"));
            Receive<string>(s => s == "peek", _ => BecomeStacked(Peeking));
        }

        private void Peeking()
        {
            Receive<string>(s => s == "state", _ => Sender.Tell("peeking"));
            Receive<string>(s => s == "pop", _ => UnbecomeStacked());
        }
    }

    [Fact]
    public void Become_replaces_and_BecomeStacked_pushes_behaviors()
    {
        var door = Sys.ActorOf(Props.Create(() => new Door()));
        string State()
        {
            door.Tell("state", TestActor);
            return ExpectMsg<string>();
        }

        Assert.Equal("closed", State());
        door.Tell("open");
        Assert.Equal("opened", State());
        door.Tell("peek");
        Assert.Equal("peeking", State());
        door.Tell("pop");
        Assert.Equal("opened", State());
        door.Tell("close");
        Assert.Equal("closed", State());
    }

    private sealed class Typed : ReceiveActor
    {
        public Typed()
        {
            Receive<int>(i => Sender.Tell($"small {i}"), i => i < 10);
            Receive<int>(i => Sender.Tell($"int {i}"));
            Receive<IComparable>(c => Sender.Tell($"comparable {c}"));
        }
    }

    [Fact]
    public void The_first_matching_handler_wins_and_unmatched_messages_are_published_as_unhandled()
    {
        Sys.EventStream.Subscribe<UnhandledMessage>(TestActor);
        var a = Sys.ActorOf(Props.Create(() => new Typed()));
        a.Tell(3, TestActor);
        ExpectMsg("small 3");
        a.Tell(30, TestActor);
        ExpectMsg("int 30");
        a.Tell("s", TestActor);
        ExpectMsg("comparable s");
        var obj = new object();
        a.Tell(obj, TestActor);
        var unhandled = ExpectMsg<UnhandledMessage>();
        Assert.Same(obj, unhandled.Message);
        Assert.Equal(a, unhandled.Recipient);
        Assert.Equal(TestActor, unhandled.Sender);
    }

    private sealed class Untyped : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            if (message is "switch") Become(m => Sender.Tell($"switched {m}"));
            else if (message is string s) Sender.Tell($"plain {s}");
            else Unhandled(message);
        }
    }

    [Fact]
    public void UntypedActor_handles_OnReceive_and_Become()
    {
        var a = Sys.ActorOf(Props.Create(() => new Untyped()));
        a.Tell("x", TestActor);
        ExpectMsg("plain x");
        a.Tell("switch", TestActor);
        a.Tell("y", TestActor);
        ExpectMsg("switched y");
    }

    private sealed class RegistersLate : ReceiveActor
    {
        public RegistersLate() => ReceiveAny(_ =>
        {
            try
            {
                Receive<int>(_ => { });
            }
            catch (InvalidOperationException ex)
            {
                Sender.Tell(ex.Message);
            }
        });
    }

    [Fact]
    public void Registering_handlers_outside_the_constructor_or_Become_is_refused()
    {
        var a = Sys.ActorOf(Props.Create(() => new RegistersLate()));
        a.Tell("x", TestActor);
        Assert.Contains("constructor", ExpectMsg<string>());
    }

    [Fact]
    public void Props_created_by_type_and_by_reflection_work()
    {
        var a = Sys.ActorOf<Plain>("plain");
        a.Tell("hi", TestActor);
        ExpectMsg("hi");
        var b = Sys.ActorOf(Props.Create(typeof(EchoActor)));
        b.Tell("there", TestActor);
        ExpectMsg("there");
        Assert.Throws<ArgumentException>(() => Props.Create(typeof(string)));
    }

    private sealed class Plain : ReceiveActor
    {
        public Plain() => ReceiveAny(m => Sender.Tell(m));
    }
}
