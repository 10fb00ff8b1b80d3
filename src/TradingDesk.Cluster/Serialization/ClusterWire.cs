using TradingDesk.Contracts.Mapping;
using TradingDesk.Cluster.Messages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>The cluster's own messages: node registration, the flow-controlled stream, the cluster status.</summary>
internal static class ClusterWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.RegisterNode, W.RegisterNode.Parser, (NodeLinkMessages.RegisterNode m) => new W.RegisterNode { Node = m.Node }, w => new NodeLinkMessages.RegisterNode(w.Node));
        t.Add(Manifests.NodeRegistered, W.NodeRegistered.Parser,
            (NodeLinkMessages.NodeRegistered m) => new W.NodeRegistered { Incarnation = m.Incarnation, DeskNode = m.DeskNode },
            w => new NodeLinkMessages.NodeRegistered(w.Incarnation, w.DeskNode));
        t.Add(Manifests.StreamEntry, W.StreamEntry.Parser, (StreamMessages.StreamEntry m, WireContext c) => ToWire(m, c), FromWire);
        t.Add(Manifests.StreamBatch, W.StreamBatch.Parser,
            (StreamMessages.StreamBatch m, WireContext c) => new W.StreamBatch
            {
                Outlet = m.Outlet, Sequence = m.Sequence, Entries = { m.Entries.Select(e => ToWire(e, c)) }, SentAt = m.SentAt is { } at ? WireValues.Time(at) : null,
            },
            (w, c) => new StreamMessages.StreamBatch(w.Outlet, w.Sequence, w.Entries.Select(e => FromWire(e, c)).ToList(), WireValues.TimeOrNull(w.SentAt, "sent_at")));
        t.Add(Manifests.StreamAck, W.StreamAck.Parser, (StreamMessages.StreamAck m) => new W.StreamAck { Outlet = m.Outlet, UpTo = m.UpTo },
            w => new StreamMessages.StreamAck(w.Outlet, w.UpTo));
        t.Add(Manifests.GetClusterStatus, W.GetClusterStatus.Parser, (ClusterStatusMessages.GetClusterStatus _) => new W.GetClusterStatus(),
            _ => new ClusterStatusMessages.GetClusterStatus());
        t.Add(Manifests.MemberInfo, W.MemberInfo.Parser, (ClusterStatusMessages.MemberInfo m) => ToWire(m), FromWire);
        t.Add(Manifests.StrategyPlacement, W.StrategyPlacement.Parser, (ClusterStatusMessages.StrategyPlacement m) => ToWire(m), FromWire);
        t.Add(Manifests.ClusterStatus, W.ClusterStatus.Parser, (ClusterStatusMessages.ClusterStatus m) =>
        {
            var w = new W.ClusterStatus
            {
                AnsweredBy = m.AnsweredBy, Members = { m.Members.Select(ToWire) }, Gateway = m.Gateway, Strategies = { m.Strategies.Select(ToWire) },
            };
            if (m.DeskNode is { } desk) w.DeskNode = desk;
            return w;
        }, w => new ClusterStatusMessages.ClusterStatus(w.AnsweredBy, w.Members.Select(FromWire).ToList(), w.HasDeskNode ? w.DeskNode : null,
            w.Gateway, w.Strategies.Select(FromWire).ToList()));
    }

    private static W.StreamEntry ToWire(StreamMessages.StreamEntry m, WireContext c) =>
        new() { Targets = { m.Targets.Select(WireContext.Path) }, Item = c.Payload(m.Item), Skipped = m.Skipped };

    private static StreamMessages.StreamEntry FromWire(W.StreamEntry w, WireContext c) =>
        new(w.Targets.Select(c.Actor).ToList(), c.Object(w.Item, "item"), w.Skipped);

    private static W.MemberInfo ToWire(ClusterStatusMessages.MemberInfo m) =>
        new() { Address = m.Address, Roles = { m.Roles }, Status = m.Status, Reachable = m.Reachable };

    private static ClusterStatusMessages.MemberInfo FromWire(W.MemberInfo w) => new(w.Address, w.Roles.ToList(), w.Status, w.Reachable);

    private static W.StrategyPlacement ToWire(ClusterStatusMessages.StrategyPlacement m) =>
        new() { Strategy = m.Strategy, Node = m.Node, ActorPath = m.ActorPath };

    private static ClusterStatusMessages.StrategyPlacement FromWire(W.StrategyPlacement w) => new(w.Strategy, w.Node, w.ActorPath);
}
