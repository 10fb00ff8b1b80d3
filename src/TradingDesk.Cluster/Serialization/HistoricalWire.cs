using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using H = TradingDesk.Desk.Messages.HistoricalDataMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>Historical data.</summary>
internal static class HistoricalWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.GetHistoricalBars, W.GetHistoricalBars.Parser,
            (H.GetHistoricalBars m) => new W.GetHistoricalBars
            {
                Contract = m.Contract.ToWire(), Duration = m.Duration, BarSize = m.BarSize, WhatToShow = m.WhatToShow.ToWire(), UseRth = m.UseRth, EndDateTime = m.EndDateTime,
            },
            w => new H.GetHistoricalBars(w.Contract.FromWire("contract"), w.Duration, w.BarSize, w.WhatToShow.FromWire("what_to_show"), w.UseRth, w.EndDateTime));
        t.Add(Manifests.SubscribeHistoricalBars, W.SubscribeHistoricalBars.Parser,
            (H.SubscribeHistoricalBars m) => new W.SubscribeHistoricalBars
            {
                Contract = m.Contract.ToWire(), Duration = m.Duration, BarSize = m.BarSize, WhatToShow = m.WhatToShow.ToWire(), UseRth = m.UseRth,
            },
            w => new H.SubscribeHistoricalBars(w.Contract.FromWire("contract"), w.Duration, w.BarSize, w.WhatToShow.FromWire("what_to_show"), w.UseRth));
        t.Add(Manifests.Bar, W.Bar.Parser, (H.Bar m) => ToWire(m), w => FromWire(w, "bar"));
        t.Add(Manifests.HistoricalBars, W.HistoricalBars.Parser, (H.HistoricalBars m) =>
        {
            var w = new W.HistoricalBars { Bars = { m.Bars.Select(ToWire) }, Start = m.Start, End = m.End, LocalTime = Time(m.LocalTime) };
            if (m.Subscription is { } s) w.Subscription = s.Value;
            return w;
        }, w => new H.HistoricalBars(w.HasSubscription ? new SubscriptionId(w.Subscription) : null, w.Bars.Select(b => FromWire(b, "bars")).ToList(),
            w.Start, w.End, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.BarUpdate, W.BarUpdate.Parser,
            (H.BarUpdate m) => new W.BarUpdate { Subscription = m.Subscription.Value, Bar = ToWire(m.Bar), LocalTime = Time(m.LocalTime) },
            w => new H.BarUpdate(new SubscriptionId(w.Subscription), FromWire(w.Bar, "bar"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.GetHeadTimestamp, W.GetHeadTimestamp.Parser,
            (H.GetHeadTimestamp m) => new W.GetHeadTimestamp { Contract = m.Contract.ToWire(), WhatToShow = m.WhatToShow.ToWire(), UseRth = m.UseRth },
            w => new H.GetHeadTimestamp(w.Contract.FromWire("contract"), w.WhatToShow.FromWire("what_to_show"), w.UseRth));
        t.Add(Manifests.HeadTimestampReply, W.HeadTimestampReply.Parser,
            (H.HeadTimestampReply m) => new W.HeadTimestampReply { GatewayText = m.GatewayText, GatewayTime = TimeOrNull(m.GatewayTime), LocalTime = Time(m.LocalTime) },
            w => new H.HeadTimestampReply(w.GatewayText, TimeOrNull(w.GatewayTime, "gateway_time"), Time(w.LocalTime, "local_time")));
    }

    private static W.Bar ToWire(H.Bar m)
    {
        var w = new W.Bar { Time = m.Time, Volume = Dec(m.Volume), Count = m.Count };
        if (m.Open is { } o) w.Open = Dec(o);
        if (m.High is { } h) w.High = Dec(h);
        if (m.Low is { } l) w.Low = Dec(l);
        if (m.Close is { } c) w.Close = Dec(c);
        if (m.Wap is { } wap) w.Wap = Dec(wap);
        return w;
    }

    private static H.Bar FromWire(W.Bar? w, string field)
    {
        w = Required(w, field);
        return new H.Bar(w.Time, DecOrNull(w.HasOpen, w.Open, "open"), DecOrNull(w.HasHigh, w.High, "high"), DecOrNull(w.HasLow, w.Low, "low"),
            DecOrNull(w.HasClose, w.Close, "close"), Dec(w.Volume, "volume"), DecOrNull(w.HasWap, w.Wap, "wap"), w.Count);
    }
}
