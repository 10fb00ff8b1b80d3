using Akka.Actor;
using Akka.Event;
using TradingDesk.Cli.Commands;
using TradingDesk.Desk.Gateway;
using TradingDesk.Testing;
using Xunit;

namespace TradingDesk.Cli.Tests;

/// <summary>The verb's connection watcher handles every connection event, whatever the task it completes returns.</summary>
public sealed class VerbConnectionWatcherTests : DeskTestKit
{
    private static readonly DateTimeOffset T = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    private static ConnectionEvents.Connected Connected(int nextId) => new(176, "20260105 10:00:00 EST", ["DU1"], nextId, false, T);

    [Fact]
    public async Task A_second_Connected_is_handled_though_the_ready_task_is_already_complete()
    {
        // With an expression body (c => watch.Up.TrySetResult(c)) the handler binds to Receive<T>(Func<T, bool>):
        // TrySetResult's false on the second Connected would make it an unhandled message.
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var watch = new GatewayVerb.ConnectionWatch();
        var watcher = Sys.ActorOf(VerbConnectionWatcher.Props(watch));

        watcher.Tell(Connected(5));
        watcher.Tell(Connected(6));
        watcher.Tell(new ConnectionEvents.Reconnecting(1, TimeSpan.FromSeconds(1), "gone", T));

        Assert.Equal(5, (await watch.Up.Task.WaitAsync(TimeSpan.FromSeconds(5))).NextValidId);
        unhandled.ExpectNoMsg(Quiet);
    }

    [Fact]
    public async Task A_Disconnected_before_ready_fails_the_wait_and_after_ready_reports_the_loss()
    {
        var before = new GatewayVerb.ConnectionWatch();
        Sys.ActorOf(VerbConnectionWatcher.Props(before)).Tell(new ConnectionEvents.Disconnected("refused", T, 326));
        var refused = await Assert.ThrowsAsync<GatewayVerb.GatewayUnreachableException>(() => before.Up.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(326, refused.GatewayErrorCode);

        var after = new GatewayVerb.ConnectionWatch();
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        after.Lost.Token.Register(() => lost.TrySetResult());
        var watcher = Sys.ActorOf(VerbConnectionWatcher.Props(after));
        watcher.Tell(Connected(5));
        watcher.Tell(new ConnectionEvents.Disconnected("eof", T));
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("eof", after.LostReason);
    }
}
