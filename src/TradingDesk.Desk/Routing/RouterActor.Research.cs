using Akka.Actor;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using static TradingDesk.Desk.Messages.FundamentalsMessages;
using static TradingDesk.Desk.Messages.NewsMessages;
using static TradingDesk.Desk.Messages.TickHistoryMessages;
using static TradingDesk.Desk.Messages.WshMessages;

namespace TradingDesk.Desk.Routing;

// News, fundamentals, WSH and tick history: every command is checked (ResearchValidation) before a child exists, so a
// malformed or hostile command is answered InvalidRequest and nothing reaches the pacer.
public sealed partial class RouterActor
{
    private const string NewsProvidersKind = "news-providers";
    private const string BulletinsKind = "bulletins";

    private void ReceiveResearch()
    {
        Receive<GetNewsProviders>(c => { if (Valid(c)) QueueByKind(NewsProvidersKind, new NewsProvidersPlan(c)); });
        Receive<GetNewsArticle>(c => { if (Valid(c)) StartRequest(new NewsArticlePlan(c)); });
        Receive<GetHistoricalNews>(c => { if (Valid(c)) StartRequest(new HistoricalNewsPlan(c)); });
        Receive<SubscribeNewsBulletins>(c => { if (Valid(c)) Subscribe(c); });
        Receive<GetFundamentals>(c => { if (Valid(c)) StartRequest(new FundamentalsPlan(c)); });
        Receive<GetWshMetaData>(c => { if (Valid(c)) StartRequest(new WshMetaDataPlan(c)); });
        Receive<GetWshEvents>(c => { if (Valid(c)) StartRequest(new WshEventsPlan(c)); });
        Receive<GetHistoricalTicks>(c => { if (Valid(c)) StartRequest(new HistoricalTicksPlan(c)); });
        Receive<GetHistogram>(c => { if (Valid(c)) StartRequest(new HistogramPlan(c)); });
        Receive<GetHistoricalSchedule>(c => { if (Valid(c)) StartRequest(new HistoricalSchedulePlan(c)); });
    }

    /// <summary>True when <paramref name="command"/> may go on; otherwise its sender was told why (InvalidRequest).</summary>
    private bool Valid(object command)
    {
        if (ResearchValidation.Problem(command) is not { } problem) return true;
        Sender.Tell(new RequestFailed(command, new InvalidRequest(problem)));
        return false;
    }

    /// <summary>
    /// IB keeps one bulletin subscription per connection: subscribers share it, and one asking for the other
    /// allMessages setting than the live line is refused rather than silently given the other kind.
    /// </summary>
    private string? BulletinsRefusal(StreamRequest stream)
    {
        if (stream.Key.Kind != BulletinsKind) return null;
        var other = _lines.ByKey.Keys.FirstOrDefault(k => k.Kind == BulletinsKind && k != stream.Key);
        return other.Kind is null ? null
            : $"news bulletins are subscribed with allMessages={(other.Spec == "all" ? "true" : "false")}; IB keeps one bulletin subscription per connection";
    }

    /// <summary>newsBulletins carry no request id: they belong to the one bulletins line, if any.</summary>
    private void ToBulletinsLine(GatewayMessages.Inbound inbound)
    {
        foreach (var line in _lines.ByKey.Values)
            if (line.Key.Kind == BulletinsKind && _lineActors.TryGetValue(line.Id, out var actor)) { actor.Tell(inbound); return; }
    }
}
