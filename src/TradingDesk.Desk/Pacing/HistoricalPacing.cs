using Google.Protobuf;
using IBApi.protobuf;

namespace TradingDesk.Desk.Pacing;

/// <summary>
/// IB's historical-data pacing rules, so the gateway never answers 162 for pacing:
/// <list type="number">
/// <item>no identical request within 15 s;</item>
/// <item>fewer than six requests for the same contract + exchange + whatToShow within 2 s (at most five);</item>
/// <item>at most 60 requests in any 10 minutes.</item>
/// </list>
/// BID_ASK requests count twice towards rule 3 (one secondary source says so; UNCONFIRMED — counting it twice only
/// makes us slower, never a violator). Deterministic: time is passed in. Requests classified as historical:
/// reqHistoricalData, reqHeadTimestamp, reqHistoricalTicks, reqHistogramData.
/// </summary>
public sealed class HistoricalPacing
{
    public static readonly TimeSpan IdenticalWindow = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan SameContractWindow = TimeSpan.FromSeconds(2);
    public const int SameContractMax = 5;
    public static readonly TimeSpan TotalWindow = TimeSpan.FromMinutes(10);
    public const int TotalMax = 60;

    private readonly List<(DateTimeOffset At, ByteString Identity, string Group, int Weight)> _sent = [];

    /// <summary>True for the requests these rules govern.</summary>
    public static bool IsHistorical(IMessage message) =>
        message is HistoricalDataRequest or HeadTimestampRequest or HistoricalTicksRequest or HistogramDataRequest;

    /// <summary>Zero when <paramref name="request"/> may go at <paramref name="now"/>; otherwise how long until it may.</summary>
    public TimeSpan DelayFor(IMessage request, DateTimeOffset now) => DelayFor(Describe(request), now);

    /// <summary>As <see cref="DelayFor(IMessage, DateTimeOffset)"/> for a request described once (the queue caches it).</summary>
    public TimeSpan DelayFor((ByteString Identity, string Group, int Weight) description, DateTimeOffset now)
    {
        Prune(now);
        var (identity, group, weight) = description;
        // Windows are read inclusively ("within 15 s" includes 15 s): a blocked request waits until just after.
        var wait = TimeSpan.Zero;
        void BlockUntil(DateTimeOffset until)
        {
            if (now <= until) wait = Max(wait, until - now + TimeSpan.FromMilliseconds(1));
        }
        foreach (var s in _sent)
            if (s.Identity == identity) BlockUntil(s.At + IdenticalWindow);

        var sameGroup = _sent.Where(s => s.Group == group && s.At >= now - SameContractWindow).Select(s => s.At).ToList();
        if (sameGroup.Count >= SameContractMax) BlockUntil(sameGroup[sameGroup.Count - SameContractMax] + SameContractWindow);

        var total = 0;
        for (var i = _sent.Count - 1; i >= 0; i--)
        {
            total += _sent[i].Weight;
            if (total + weight > TotalMax) { BlockUntil(_sent[i].At + TotalWindow); break; }
        }
        return wait;
    }

    /// <summary>Records that <paramref name="request"/> was sent at <paramref name="now"/>.</summary>
    public void Record(IMessage request, DateTimeOffset now) => Record(Describe(request), now);

    public void Record((ByteString Identity, string Group, int Weight) description, DateTimeOffset now) =>
        _sent.Add((now, description.Identity, description.Group, description.Weight));

    /// <summary>Requests remembered (inside the 10-minute window).</summary>
    public int Remembered => _sent.Count;

    private void Prune(DateTimeOffset now)
    {
        var cut = now - TotalWindow;
        var drop = 0;
        while (drop < _sent.Count && _sent[drop].At < cut) drop++;
        if (drop > 0) _sent.RemoveRange(0, drop);
    }

    /// <summary>The request without its id (identical-request test), its contract/exchange/whatToShow group, its weight.</summary>
    public static (ByteString Identity, string Group, int Weight) Describe(IMessage request)
    {
        // Parse a copy so the queued request keeps its id.
        var copy = request.Descriptor.Parser.ParseFrom(request.ToByteString());
        Contract? contract = null;
        string whatToShow = "";
        switch (copy)
        {
            case HistoricalDataRequest h: h.ReqId = 0; contract = h.Contract; whatToShow = h.WhatToShow; break;
            case HeadTimestampRequest h: h.ReqId = 0; contract = h.Contract; whatToShow = h.WhatToShow; break;
            case HistoricalTicksRequest h: h.ReqId = 0; contract = h.Contract; whatToShow = h.WhatToShow; break;
            case HistogramDataRequest h: h.ReqId = 0; contract = h.Contract; whatToShow = "HISTOGRAM"; break;
        }
        var group = contract is null ? "" :
            $"{contract.ConId}|{contract.Symbol}|{contract.SecType}|{contract.LastTradeDateOrContractMonth}|{contract.Strike}|{contract.Right}|{contract.Exchange}|{contract.Currency}|{whatToShow}";
        var weight = string.Equals(whatToShow, "BID_ASK", StringComparison.OrdinalIgnoreCase) ? 2 : 1;
        return (copy.ToByteString(), group, weight);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
