using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// News, fundamentals, WSH, tick history, and the contract details a research client starts from.
public sealed partial class DeskScript
{
    public ScriptedUnary<W.GetContractDetails, W.ContractDetailsList> ContractDetails { get; } = new("GetContractDetails");
    public ScriptedUnary<W.GetNewsProviders, W.NewsProvidersList> NewsProviders { get; } = new("GetNewsProviders");
    public ScriptedUnary<W.GetNewsArticle, W.NewsArticle> NewsArticle { get; } = new("GetNewsArticle");
    public ScriptedUnary<W.GetHistoricalNews, W.HistoricalNewsList> HistoricalNews { get; } = new("GetHistoricalNews");
    public ScriptedStream<W.SubscribeNewsBulletins, W.NewsBulletinEvent> NewsBulletins { get; } = new();
    public ScriptedStream<W.SubscribeMarketData, W.NewsTickEvent> NewsTicks { get; } = new();
    public ScriptedUnary<W.GetFundamentals, W.FundamentalsReply> Fundamentals { get; } = new("GetFundamentals");
    public ScriptedUnary<W.GetWshMetaData, W.WshMetaData> WshMetaData { get; } = new("GetWshMetaData");
    public ScriptedUnary<W.GetWshEvents, W.WshEvents> WshEvents { get; } = new("GetWshEvents");
    public ScriptedUnary<W.GetHistoricalTicks, W.HistoricalTicks> HistoricalTicks { get; } = new("GetHistoricalTicks");
    public ScriptedUnary<W.GetHistogram, W.Histogram> Histogram { get; } = new("GetHistogram");
    public ScriptedUnary<W.GetHistoricalSchedule, W.HistoricalSchedule> Schedule { get; } = new("GetHistoricalSchedule");
}
