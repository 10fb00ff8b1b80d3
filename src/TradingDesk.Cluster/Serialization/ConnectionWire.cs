using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>The connection's commands, state reply and events, the pacer's status, and the system notices.</summary>
internal static class ConnectionWire
{
    public static void Register(WireTable t)
    {
        // Connect and GetState are singletons on the C# side: reading one yields the instance the desk compares with.
        t.Add(Manifests.Connect, W.Connect.Parser, (ConnectionMessages.Connect _) => new W.Connect(), _ => ConnectionMessages.Connect.Instance);
        t.Add(Manifests.GetConnectionState, W.GetConnectionState.Parser, (ConnectionMessages.GetState _) => new W.GetConnectionState(), _ => ConnectionMessages.GetState.Instance);
        t.Add(Manifests.ConnectionStateReply, W.ConnectionStateReply.Parser,
            (ConnectionMessages.StateReply m) => new W.ConnectionStateReply
            {
                State = ToWire(m.State), ServerVersion = m.ServerVersion, Attempt = m.Attempt,
                LastConnected = m.LastConnected is null ? null : ToWire(m.LastConnected),
            },
            w => new ConnectionMessages.StateReply(Enum<ConnectionState>((int)w.State, 1, "state"), w.ServerVersion, w.Attempt,
                w.LastConnected is null ? null : FromWire(w.LastConnected)));
        t.Add(Manifests.Connecting, W.Connecting.Parser,
            (ConnectionEvents.Connecting m) => new W.Connecting { Host = m.Host, Port = m.Port, Attempt = m.Attempt, At = Time(m.At) },
            w => new ConnectionEvents.Connecting(w.Host, w.Port, w.Attempt, Time(w.At, "at")));
        t.Add(Manifests.Connected, W.Connected.Parser, (ConnectionEvents.Connected m) => ToWire(m), FromWire);
        t.Add(Manifests.Disconnected, W.Disconnected.Parser, (ConnectionEvents.Disconnected m) =>
        {
            var w = new W.Disconnected { Reason = m.Reason, At = Time(m.At) };
            if (m.GatewayErrorCode is { } code) w.GatewayErrorCode = code;
            return w;
        }, w => new ConnectionEvents.Disconnected(w.Reason, Time(w.At, "at"), w.HasGatewayErrorCode ? w.GatewayErrorCode : null));
        t.Add(Manifests.Reconnecting, W.Reconnecting.Parser,
            (ConnectionEvents.Reconnecting m) => new W.Reconnecting { Attempt = m.Attempt, DelayTicks = Span(m.Delay), LastError = m.LastError, At = Time(m.At) },
            w => new ConnectionEvents.Reconnecting(w.Attempt, Span(w.DelayTicks), w.LastError, Time(w.At, "at")));
        t.Add(Manifests.GetPacerStatus, W.GetPacerStatus.Parser, (PacerMessages.GetStatus _) => new W.GetPacerStatus(), _ => PacerMessages.GetStatus.Instance);
        t.Add(Manifests.PacerStatus, W.PacerStatus.Parser,
            (PacerStatus m) =>
            {
                var w = new W.PacerStatus
                {
                    QueuedOrders = m.QueuedOrders, QueuedData = m.QueuedData, QueuedHistorical = m.QueuedHistorical, OldestWaitTicks = Span(m.OldestWait),
                    SentTotal = m.SentTotal, Connected = m.Connected, At = Time(m.At),
                };
                if (m.WaitP99 is { } p99) w.WaitP99Ticks = Span(p99);
                return w;
            },
            w => new PacerStatus(w.QueuedOrders, w.QueuedData, w.QueuedHistorical, Span(w.OldestWaitTicks), w.SentTotal, w.Connected, Time(w.At, "at"),
                w.HasWaitP99Ticks ? Span(w.WaitP99Ticks) : null));

        t.Add(Manifests.GatewayNotice, W.GatewayNotice.Parser,
            (GatewayNotice m) => new W.GatewayNotice { Code = m.Code, Message = m.Message, Kind = m.Kind.ToWire(), GatewayTime = TimeOrNull(m.GatewayTime), LocalTime = Time(m.LocalTime) },
            w => new GatewayNotice(w.Code, w.Message, w.Kind.FromWire("kind"), TimeOrNull(w.GatewayTime, "gateway_time"), Time(w.LocalTime, "local_time")));
        t.Add(Manifests.DeskFailover, W.DeskFailover.Parser,
            (DeskFailover m) => new W.DeskFailover { PreviousDesk = m.PreviousDesk, CurrentDesk = m.CurrentDesk, At = Time(m.At) },
            w => new DeskFailover(w.PreviousDesk, w.CurrentDesk, Time(w.At, "at")));
    }

    private static W.ConnectionState ToWire(ConnectionState state) => (W.ConnectionState)((int)state + 1);

    private static W.Connected ToWire(ConnectionEvents.Connected m) => new()
    {
        ServerVersion = m.ServerVersion, ConnectionTime = m.ConnectionTime, Accounts = { m.Accounts }, NextValidId = m.NextValidId,
        IsReconnect = m.IsReconnect, At = Time(m.At),
    };

    private static ConnectionEvents.Connected FromWire(W.Connected w) =>
        new(w.ServerVersion, w.ConnectionTime, w.Accounts.ToList(), w.NextValidId, w.IsReconnect, Time(w.At, "at"));
}
