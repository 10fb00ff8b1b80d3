using TradingDesk.Testing;
using TradingDesk.Actors;
using Xunit;
using Xunit.Abstractions;

namespace TradingDesk.Actors.Tests;

public sealed class AskAndPipeToTests(ITestOutputHelper output) : TestKit(output)
{
    private sealed record Query(int N);

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class Failing : ReceiveActor
    {
        public Failing() => ReceiveAny(_ => Sender.Tell(new Status.Failure(new TestException("refused"))));
    }

    [Fact]
    public async Task Ask_completes_with_the_reply()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        Assert.Equal(new Query(7), await echo.Ask<Query>(new Query(7), TimeSpan.FromSeconds(5)));
        Assert.Equal("x", await echo.Ask("x", TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Ask_times_out_on_the_clock_naming_the_target_and_the_message_type()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()), "silent");
        var ask = silent.Ask<int>(new Query(1), TimeSpan.FromSeconds(3));
        Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(ask.IsCompleted);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => ask);
        Assert.Contains("/user/silent", ex.Message);
        Assert.Contains(typeof(Query).FullName!, ex.Message);
        Assert.Contains("3000 ms", ex.Message);
    }

    [Fact]
    public async Task Ask_fails_with_the_cause_of_a_Status_Failure_reply()
    {
        var failing = Sys.ActorOf(Props.Create(() => new Failing()));
        var ex = await Assert.ThrowsAsync<TestException>(() => failing.Ask<int>("q", TimeSpan.FromSeconds(5)));
        Assert.Equal("refused", ex.Message);
    }

    [Fact]
    public async Task Ask_with_a_reply_of_the_wrong_type_says_what_it_got()
    {
        var echo = Sys.ActorOf(EchoActor.Props());
        var ex = await Assert.ThrowsAsync<InvalidCastException>(() => echo.Ask<int>("text", TimeSpan.FromSeconds(5)));
        Assert.Contains("String", ex.Message);
        Assert.Contains("Int32", ex.Message);
    }

    [Fact]
    public async Task Ask_is_cancelled_by_its_token()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Silent()));
        using var cts = new CancellationTokenSource();
        var ask = silent.Ask<int>("q", TimeSpan.FromSeconds(30), cts.Token);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask);
    }

    private sealed class Worker : ReceiveActor
    {
        public Worker(IActorRef report)
        {
            Receive<Task<int>>(t => t.PipeTo(Self, success: n => new Result(n), failure: ex => new Failed(ex.Message)));
            Receive<Task>(t => t.PipeTo(report));
            Receive<Result>(r => report.Tell(r));
            Receive<Failed>(f => report.Tell(f));
        }

        public sealed record Result(int Value);

        public sealed record Failed(string Reason);
    }

    [Fact]
    public void PipeTo_sends_the_result_or_the_failure_back_as_messages()
    {
        var w = Sys.ActorOf(Props.Create(() => new Worker(TestActor)));
        var ok = new TaskCompletionSource<int>();
        var bad = new TaskCompletionSource<int>();
        w.Tell(ok.Task);
        w.Tell(bad.Task);
        ok.SetResult(42);
        ExpectMsg(new Worker.Result(42));
        bad.SetException(new TestException("nope"));
        ExpectMsg(new Worker.Failed("nope"));
        var plainFailed = Task.FromException(new TestException("plain"));
        w.Tell(plainFailed);
        Assert.Equal("plain", ExpectMsg<Status.Failure>().Cause.Message);
        w.Tell(Task.CompletedTask);
        ExpectMsg<Status.Success>();
    }
}
