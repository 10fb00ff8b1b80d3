using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using M = TradingDesk.Desk.Messages.MarketDataMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>Streaming market data: subscribe commands, snapshots, ticks, depth, bars.</summary>
internal static class MarketDataWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.SubscribeMarketData, W.SubscribeMarketData.Parser,
            (M.SubscribeMarketData m) => new W.SubscribeMarketData { Contract = m.Contract.ToWire(), GenericTicks = m.GenericTicks },
            w => new M.SubscribeMarketData(w.Contract.FromWire("contract"), w.GenericTicks));
        t.Add(Manifests.GetMarketDataSnapshot, W.GetMarketDataSnapshot.Parser,
            (M.GetMarketDataSnapshot m) => new W.GetMarketDataSnapshot { Contract = m.Contract.ToWire() },
            w => new M.GetMarketDataSnapshot(w.Contract.FromWire("contract")));
        t.Add(Manifests.MarketDataSnapshot, W.MarketDataSnapshot.Parser,
            (M.MarketDataSnapshot m) => new W.MarketDataSnapshot { Contract = m.Contract.ToWire(), Ticks = { m.Ticks.Select(ToWire) }, LocalTime = Time(m.LocalTime) },
            w => new M.MarketDataSnapshot(w.Contract.FromWire("contract"), w.Ticks.Select(FromWire).ToList(), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.SetMarketDataType, W.SetMarketDataType.Parser,
            (M.SetMarketDataType m) => new W.SetMarketDataType { Type = m.Type.ToWire() }, w => new M.SetMarketDataType(w.Type.FromWire("type")));
        t.Add(Manifests.MarketDataTypeSet, W.MarketDataTypeSet.Parser,
            (M.MarketDataTypeSet m) => new W.MarketDataTypeSet { Type = m.Type.ToWire() }, w => new M.MarketDataTypeSet(w.Type.FromWire("type")));
        t.Add(Manifests.Tick, W.Tick.Parser, (M.Tick m) => ToWire(m), FromWire);
        t.Add(Manifests.MarketDataTypeChanged, W.MarketDataTypeChanged.Parser,
            (M.MarketDataTypeChanged m) => new W.MarketDataTypeChanged { Subscription = m.Subscription.Value, Type = m.Type.ToWire(), LocalTime = Time(m.LocalTime) },
            w => new M.MarketDataTypeChanged(new SubscriptionId(w.Subscription), w.Type.FromWire("type"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.LineParameters, W.LineParameters.Parser,
            (M.LineParameters m) => ToWire(m),
            w => new M.LineParameters(new SubscriptionId(w.Subscription), DecOrNull(w.HasMinTick, w.MinTick, "min_tick"),
                w.HasBboExchange ? w.BboExchange : null, w.HasSnapshotPermissions ? w.SnapshotPermissions : null, Time(w.LocalTime, "local_time")));
        t.Add(Manifests.SubscribeTickByTick, W.SubscribeTickByTick.Parser,
            (M.SubscribeTickByTick m) => new W.SubscribeTickByTick { Contract = m.Contract.ToWire(), Type = m.Type.ToWire(), NumberOfTicks = m.NumberOfTicks, IgnoreSize = m.IgnoreSize },
            w => new M.SubscribeTickByTick(w.Contract.FromWire("contract"), w.Type.FromWire("type"), w.NumberOfTicks, w.IgnoreSize));
        t.Add(Manifests.TickByTick, W.TickByTick.Parser, (M.TickByTick m) => ToWire(m), FromWire);
        t.Add(Manifests.SubscribeDepth, W.SubscribeDepth.Parser,
            (M.SubscribeDepth m) => new W.SubscribeDepth { Contract = m.Contract.ToWire(), Rows = m.Rows, SmartDepth = m.SmartDepth },
            w => new M.SubscribeDepth(w.Contract.FromWire("contract"), w.Rows, w.SmartDepth));
        t.Add(Manifests.DepthUpdate, W.DepthUpdate.Parser, (M.DepthUpdate m) => ToWire(m), FromWire);
        t.Add(Manifests.SubscribeRealTimeBars, W.SubscribeRealTimeBars.Parser,
            (M.SubscribeRealTimeBars m) => new W.SubscribeRealTimeBars { Contract = m.Contract.ToWire(), WhatToShow = m.WhatToShow.ToWire(), UseRth = m.UseRth },
            w => new M.SubscribeRealTimeBars(w.Contract.FromWire("contract"), w.WhatToShow.FromWire("what_to_show"), w.UseRth));
        t.Add(Manifests.RealTimeBar, W.RealTimeBar.Parser, (M.RealTimeBar m) => ToWire(m), FromWire);
    }

    private static W.Tick ToWire(M.Tick m)
    {
        var w = new W.Tick { Subscription = m.Subscription.Value, Type = (int)m.Type, Attributes = m.Attributes, LocalTime = Time(m.LocalTime) };
        if (m.Price is { } p) w.Price = Dec(p);
        if (m.Size is { } s) w.Size = Dec(s);
        if (m.Text is { } x) w.Text = x;
        return w;
    }

    private static M.Tick FromWire(W.Tick w) => new(
        new SubscriptionId(w.Subscription), DomainWire.Tick(w.Type), DecOrNull(w.HasPrice, w.Price, "price"),
        DecOrNull(w.HasSize, w.Size, "size"), w.HasText ? w.Text : null, w.Attributes, Time(w.LocalTime, "local_time"));

    private static W.TickByTick ToWire(M.TickByTick m)
    {
        var w = new W.TickByTick { Subscription = m.Subscription.Value, Type = m.Type.ToWire(), GatewayTime = Time(m.GatewayTime), LocalTime = Time(m.LocalTime) };
        if (m.Price is { } p) w.Price = Dec(p);
        if (m.Size is { } s) w.Size = Dec(s);
        if (m.Exchange is { } e) w.Exchange = e;
        if (m.SpecialConditions is { } c) w.SpecialConditions = c;
        if (m.BidPrice is { } bp) w.BidPrice = Dec(bp);
        if (m.AskPrice is { } ap) w.AskPrice = Dec(ap);
        if (m.BidSize is { } bs) w.BidSize = Dec(bs);
        if (m.AskSize is { } az) w.AskSize = Dec(az);
        return w;
    }

    private static M.TickByTick FromWire(W.TickByTick w) => new(
        new SubscriptionId(w.Subscription), w.Type.FromWire("type"), Time(w.GatewayTime, "gateway_time"),
        DecOrNull(w.HasPrice, w.Price, "price"), DecOrNull(w.HasSize, w.Size, "size"),
        w.HasExchange ? w.Exchange : null, w.HasSpecialConditions ? w.SpecialConditions : null,
        DecOrNull(w.HasBidPrice, w.BidPrice, "bid_price"), DecOrNull(w.HasAskPrice, w.AskPrice, "ask_price"),
        DecOrNull(w.HasBidSize, w.BidSize, "bid_size"), DecOrNull(w.HasAskSize, w.AskSize, "ask_size"),
        Time(w.LocalTime, "local_time"));

    private static W.DepthUpdate ToWire(M.DepthUpdate m)
    {
        var w = new W.DepthUpdate
        {
            Subscription = m.Subscription.Value, Position = m.Position, Operation = m.Operation.ToWire(), Side = m.Side.ToWire(),
            Size = Dec(m.Size), IsSmartDepth = m.IsSmartDepth, LocalTime = Time(m.LocalTime),
        };
        if (m.Price is { } p) w.Price = Dec(p);
        if (m.MarketMaker is { } mm) w.MarketMaker = mm;
        return w;
    }

    private static M.DepthUpdate FromWire(W.DepthUpdate w) => new(
        new SubscriptionId(w.Subscription), w.Position, w.Operation.FromWire("operation"), w.Side.FromWire("side"),
        DecOrNull(w.HasPrice, w.Price, "price"), Dec(w.Size, "size"), w.HasMarketMaker ? w.MarketMaker : null, w.IsSmartDepth,
        Time(w.LocalTime, "local_time"));

    private static W.RealTimeBar ToWire(M.RealTimeBar m)
    {
        var w = new W.RealTimeBar
        {
            Subscription = m.Subscription.Value, GatewayTime = Time(m.GatewayTime), Volume = Dec(m.Volume), Count = m.Count, LocalTime = Time(m.LocalTime),
        };
        if (m.Open is { } o) w.Open = Dec(o);
        if (m.High is { } h) w.High = Dec(h);
        if (m.Low is { } l) w.Low = Dec(l);
        if (m.Close is { } c) w.Close = Dec(c);
        if (m.Wap is { } wap) w.Wap = Dec(wap);
        return w;
    }

    private static M.RealTimeBar FromWire(W.RealTimeBar w) => new(
        new SubscriptionId(w.Subscription), Time(w.GatewayTime, "gateway_time"),
        DecOrNull(w.HasOpen, w.Open, "open"), DecOrNull(w.HasHigh, w.High, "high"), DecOrNull(w.HasLow, w.Low, "low"),
        DecOrNull(w.HasClose, w.Close, "close"), Dec(w.Volume, "volume"), DecOrNull(w.HasWap, w.Wap, "wap"), w.Count,
        Time(w.LocalTime, "local_time"));

    private static W.LineParameters ToWire(M.LineParameters m)
    {
        var w = new W.LineParameters { Subscription = m.Subscription.Value, LocalTime = Time(m.LocalTime) };
        if (m.MinTick is { } minTick) w.MinTick = Dec(minTick);
        if (m.BboExchange is { } bbo) w.BboExchange = bbo;
        if (m.SnapshotPermissions is { } permissions) w.SnapshotPermissions = permissions;
        return w;
    }
}
