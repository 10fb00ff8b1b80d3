namespace TradingDesk.Actors;

/// <summary>Receive timeout: one timer per actor, re-armed after every message that counts.</summary>
internal sealed partial class ActorCell
{
    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        EnsureOnTurn();
        if (timeout is { } t && (t <= TimeSpan.Zero || t == Timeout.InfiniteTimeSpan)) timeout = null;
        if (timeout is null)
        {
            if (_extras is not { } x) return;
            x.ReceiveTimeout = null;
            x.ReceiveTimeoutTimer?.Dispose();
            x.ReceiveTimeoutTimer = null;
            return;
        }
        Extras.ReceiveTimeout = timeout;
        RestartReceiveTimeout();
    }

    private void RestartReceiveTimeout()
    {
        var x = _extras!;
        var due = x.ReceiveTimeout!.Value;
        if (x.ReceiveTimeoutTimer is { } timer) timer.Change(due, Timeout.InfiniteTimeSpan);
        else x.ReceiveTimeoutTimer = _system.TimeProvider.CreateTimer(
            static s => ((LocalActorRef)s!).Tell(Actors.ReceiveTimeout.Instance, null), _self, due, Timeout.InfiniteTimeSpan);
    }
}
