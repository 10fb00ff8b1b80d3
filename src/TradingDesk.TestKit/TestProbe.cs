using TradingDesk.Actors;

namespace TradingDesk.Testing;

/// <summary>
/// A stand-in actor for a test: pass <see cref="Ref"/> where an actor expects a collaborator, then assert on
/// what it received with the Expect methods. Create with <see cref="TestKit.CreateTestProbe"/>.
/// <code>
/// var router = CreateTestProbe("router");
/// var strategy = Sys.ActorOf(MyStrategy.Props(router.Ref));
/// var order = router.ExpectMsg&lt;PlaceOrder&gt;();
/// router.Reply(new OrderAccepted(order.Id));
/// </code>
/// </summary>
public sealed class TestProbe : TestKitBase
{
    internal TestProbe(ActorSystem system, TestKitOptions options, string name) : base(system, options, name)
    {
    }

    /// <summary>The probe's actor (same as <see cref="TestKitBase.TestActor"/>).</summary>
    public IActorRef Ref => TestActor;

    /// <summary>Tells <paramref name="message"/> to <see cref="Ref"/> with <paramref name="sender"/>.</summary>
    public void Tell(object message, IActorRef? sender = null) => Ref.Tell(message, sender);

    public override string ToString() => $"TestProbe({Ref.Path})";
}
