using TradingDesk.Contracts.Mapping;
using System.Runtime.Serialization;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Cluster.Serialization;

/// <summary>Typed failures, RequestFailed, and the messages every subscription shares.</summary>
internal static class SubscriptionWire
{
    public static void Register(WireTable t)
    {
        t.Add(Manifests.GatewayError, W.GatewayError.Parser, (GatewayError m) => ToWire(m), FromWire);
        t.Add(Manifests.RequestTimedOut, W.RequestTimedOut.Parser, (RequestTimedOut m) => new W.RequestTimedOut { AfterTicks = Span(m.After) }, w => new RequestTimedOut(Span(w.AfterTicks)));
        t.Add(Manifests.ConnectionLost, W.ConnectionLost.Parser, (ConnectionLost m) => new W.ConnectionLost { Detail = m.Detail }, w => new ConnectionLost(w.Detail));
        t.Add(Manifests.RiskDenied, W.RiskDenied.Parser, (RiskDenied m) => new W.RiskDenied { Rule = m.Rule, Detail = m.Detail }, w => new RiskDenied(w.Rule, w.Detail));
        t.Add(Manifests.InvalidRequest, W.InvalidRequest.Parser, (InvalidRequest m) => new W.InvalidRequest { Problem = m.Problem }, w => new InvalidRequest(w.Problem));
        t.Add(Manifests.RequestCancelled, W.RequestCancelled.Parser, (RequestCancelled m) => new W.RequestCancelled { Detail = m.Detail }, w => new RequestCancelled(w.Detail));
        t.Add(Manifests.StrategyIdInUse, W.StrategyIdInUse.Parser, (StrategyIdInUse m) => new W.StrategyIdInUse { Strategy = m.Strategy.Value, Holder = m.Holder },
            w => new StrategyIdInUse(new StrategyId(w.Strategy), w.Holder));
        t.Add(Manifests.JournalUnavailable, W.JournalUnavailable.Parser, (JournalUnavailable m) => new W.JournalUnavailable { Detail = m.Detail },
            w => new JournalUnavailable(w.Detail));
        t.Add(Manifests.RequestFailed, W.RequestFailed.Parser,
            (RequestFailed m, WireContext c) => new W.RequestFailed { Request = c.Payload(m.Request), Failure = ToWire(m.Failure) },
            (w, c) => new RequestFailed(c.Object(w.Request, "request"), FromWire(w.Failure, "failure")));

        t.Add(Manifests.Subscribed, W.Subscribed.Parser,
            (SubscriptionMessages.Subscribed m, WireContext c) => new W.Subscribed { Id = m.Id.Value, Request = c.Payload(m.Request) },
            (w, c) => new SubscriptionMessages.Subscribed(new SubscriptionId(w.Id), c.Object(w.Request, "request")));
        t.Add(Manifests.Unsubscribe, W.Unsubscribe.Parser, (SubscriptionMessages.Unsubscribe m) => new W.Unsubscribe { Id = m.Id.Value },
            w => new SubscriptionMessages.Unsubscribe(new SubscriptionId(w.Id)));
        t.Add(Manifests.Resubscribed, W.Resubscribed.Parser,
            (SubscriptionMessages.Resubscribed m) => new W.Resubscribed { Id = m.Id.Value, Reason = m.Reason, At = Time(m.At) },
            w => new SubscriptionMessages.Resubscribed(new SubscriptionId(w.Id), w.Reason, Time(w.At, "at")));
        t.Add(Manifests.SubscriptionNotice, W.SubscriptionNotice.Parser,
            (SubscriptionMessages.SubscriptionNotice m) => new W.SubscriptionNotice { Id = m.Id.Value, Code = m.Code, Message = m.Message, At = Time(m.At) },
            w => new SubscriptionMessages.SubscriptionNotice(new SubscriptionId(w.Id), w.Code, w.Message, Time(w.At, "at")));
        t.Add(Manifests.Resubscribe, W.Resubscribe.Parser,
            (SubscriptionMessages.Resubscribe m, WireContext c) => new W.Resubscribe { Id = m.Id.Value, Request = c.Payload(m.Request) },
            (w, c) => new SubscriptionMessages.Resubscribe(new SubscriptionId(w.Id), c.Object(w.Request, "request")));
        t.Add(Manifests.Conflated, W.Conflated.Parser,
            (SubscriptionMessages.Conflated m) => new W.Conflated { Id = m.Id.Value, TickType = (int)m.Type, Skipped = m.Skipped, At = Time(m.At) },
            w => new SubscriptionMessages.Conflated(new SubscriptionId(w.Id), DomainWire.Tick(w.TickType), w.Skipped, Time(w.At, "at")));
        t.Add(Manifests.SubscriptionEnded, W.SubscriptionEnded.Parser,
            (SubscriptionMessages.SubscriptionEnded m) => new W.SubscriptionEnded { Id = m.Id.Value, Failure = m.Failure is null ? null : ToWire(m.Failure) },
            w => new SubscriptionMessages.SubscriptionEnded(new SubscriptionId(w.Id), w.Failure is null ? null : FromWire(w.Failure, "failure")));
    }

    private static W.GatewayError ToWire(GatewayError m)
    {
        var w = new W.GatewayError { Code = m.Code, Message = m.Message };
        if (m.AdvancedOrderRejectJson is { } json) w.AdvancedOrderRejectJson = json;
        return w;
    }

    private static GatewayError FromWire(W.GatewayError w) => new(w.Code, w.Message, w.HasAdvancedOrderRejectJson ? w.AdvancedOrderRejectJson : null);

    public static W.Failure ToWire(DeskFailure failure) => failure switch
    {
        GatewayError g => new W.Failure { GatewayError = ToWire(g) },
        RequestTimedOut r => new W.Failure { RequestTimedOut = new W.RequestTimedOut { AfterTicks = Span(r.After) } },
        ConnectionLost l => new W.Failure { ConnectionLost = new W.ConnectionLost { Detail = l.Detail } },
        RiskDenied d => new W.Failure { RiskDenied = new W.RiskDenied { Rule = d.Rule, Detail = d.Detail } },
        InvalidRequest i => new W.Failure { InvalidRequest = new W.InvalidRequest { Problem = i.Problem } },
        RequestCancelled c => new W.Failure { RequestCancelled = new W.RequestCancelled { Detail = c.Detail } },
        StrategyIdInUse u => new W.Failure { StrategyIdInUse = new W.StrategyIdInUse { Strategy = u.Strategy.Value, Holder = u.Holder } },
        JournalUnavailable j => new W.Failure { JournalUnavailable = new W.JournalUnavailable { Detail = j.Detail } },
        ReportNotAvailable r => new W.Failure { ReportNotAvailable = ResearchWire.ToWire(r) }, // Fundamentals
        OptionChainTimedOut o => new W.Failure { OptionChainTimedOut = OptionWire.ToWire(o) }, // Options
        ScannerLimitReached l => new W.Failure { ScannerLimitReached = ScannerWire.ToWire(l) }, // Scanners
        _ => throw new SerializationException($"{failure.GetType()} is a DeskFailure the wire contract has no case for"),
    };

    public static DeskFailure FromWire(W.Failure? w, string field) => Required(w, field).KindCase switch
    {
        W.Failure.KindOneofCase.GatewayError => FromWire(w!.GatewayError),
        W.Failure.KindOneofCase.RequestTimedOut => new RequestTimedOut(Span(w!.RequestTimedOut.AfterTicks)),
        W.Failure.KindOneofCase.ConnectionLost => new ConnectionLost(w!.ConnectionLost.Detail),
        W.Failure.KindOneofCase.RiskDenied => new RiskDenied(w!.RiskDenied.Rule, w.RiskDenied.Detail),
        W.Failure.KindOneofCase.InvalidRequest => new InvalidRequest(w!.InvalidRequest.Problem),
        W.Failure.KindOneofCase.RequestCancelled => new RequestCancelled(w!.RequestCancelled.Detail),
        W.Failure.KindOneofCase.StrategyIdInUse => new StrategyIdInUse(new StrategyId(w!.StrategyIdInUse.Strategy), w.StrategyIdInUse.Holder),
        W.Failure.KindOneofCase.JournalUnavailable => new JournalUnavailable(w!.JournalUnavailable.Detail),
        W.Failure.KindOneofCase.ReportNotAvailable => ResearchWire.FromWire(w!.ReportNotAvailable), // Fundamentals
        W.Failure.KindOneofCase.OptionChainTimedOut => OptionWire.FromWire(w!.OptionChainTimedOut), // Options
        W.Failure.KindOneofCase.ScannerLimitReached => ScannerWire.FromWire(w!.ScannerLimitReached), // Scanners
        // A kind added by a newer schema arrives as an unknown field: no case is set.
        _ => throw new SerializationException($"field {field}: a kind of failure this schema does not know (written by a newer schema?)"),
    };
}
