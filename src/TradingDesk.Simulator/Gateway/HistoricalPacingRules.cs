namespace TradingDesk.Simulator.Gateway;

/// <summary>What identifies a historical request for IB's pacing rules.</summary>
/// <param name="ConId">the contract.</param>
/// <param name="Exchange">the exchange asked for (the same contract on two exchanges counts apart).</param>
/// <param name="WhatToShow">IB's "tick type" of a historical request (TRADES, MIDPOINT, …).</param>
/// <param name="Details">everything else (end, duration, bar size, useRTH): equal keys are identical requests.</param>
public sealed record HistoricalRequestKey(int ConId, string Exchange, string WhatToShow, string Details);

/// <summary>
/// IB's historical-data pacing, which answers a violation with error 162:
/// an identical request within 15 seconds; six or more requests for the same contract, exchange and tick type
/// within 2 seconds; more than 60 requests in any 10 minutes. Pure: time is passed in; refused requests are not
/// counted (UNCONFIRMED whether IB counts them). Single-threaded (the gateway's loop).
/// </summary>
public sealed class HistoricalPacingRules
{
    public static readonly TimeSpan IdenticalWindow = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan BurstWindow = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan LongWindow = TimeSpan.FromMinutes(10);
    public const int BurstLimit = 6;
    public const int LongLimit = 60;

    private readonly Queue<(DateTimeOffset At, HistoricalRequestKey Key)> _accepted = new();

    /// <summary>Records the request and returns null when it may go ahead; otherwise says which rule it breaks.</summary>
    public string? TryAccept(HistoricalRequestKey key, DateTimeOffset now)
    {
        while (_accepted.Count > 0 && now - _accepted.Peek().At >= LongWindow) _accepted.Dequeue();
        if (_accepted.Any(a => a.Key == key && now - a.At < IdenticalWindow))
            return "identical request within 15 seconds";
        var burst = _accepted.Count(a => now - a.At < BurstWindow
            && a.Key.ConId == key.ConId && a.Key.Exchange == key.Exchange && a.Key.WhatToShow == key.WhatToShow);
        if (burst + 1 >= BurstLimit)
            return "six or more requests for the same contract, exchange and tick type within 2 seconds";
        if (_accepted.Count + 1 > LongLimit)
            return "more than 60 requests within 10 minutes";
        _accepted.Enqueue((now, key));
        return null;
    }
}
