namespace TradingDesk.Benchmarks.Desk;

internal static class Sender
{
    /// <summary>
    /// Runs a benchmark's sending loop (it yields or sleeps between sends) on a thread of its own. On a pool thread it
    /// would hold one of the thread pool's two workers on this 2-core machine for the whole run, and the desk's read
    /// loop, its actors (Akka.NET's default dispatcher runs on the .NET thread pool) and the gateway's loops would
    /// queue behind the one left.
    /// </summary>
    public static Task OnOwnThread(Action send) =>
        Task.Factory.StartNew(send, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
