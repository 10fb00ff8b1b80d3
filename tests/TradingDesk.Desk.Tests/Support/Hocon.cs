namespace TradingDesk.Desk.Tests.Support;

/// <summary>Configuration fragments for <see cref="DeskTestKit"/> systems of this project.</summary>
internal static class Hocon
{
    /// <summary>
    /// Real time: Akka's default scheduler instead of the TestScheduler, for end-to-end tests against a simulator over
    /// a socket, where the desk's connect, reconnect and deadline timers must run by themselves. Expectations wait
    /// up to <paramref name="expectSeconds"/> (a busy CI machine connects slowly).
    /// </summary>
    public static string RealTime(int expectSeconds = 10) => $"""
        akka.scheduler.implementation = "Akka.Actor.HashedWheelTimerScheduler, Akka"
        akka.test.single-expect-default = {expectSeconds}s
        """;
}
