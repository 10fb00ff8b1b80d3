using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Options.OptionVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class NewsCodecs
{
    private static void RegisterRequests(CodecRegistry r)
    {
        // reqNewsBulletins (out 12): [12][v=1][allMsgs 1/0] (IBPY client.reqNewsBulletins).
        r.Add<NewsBulletinsRequest>(OutgoingIds.ReqNewsBulletins, ClientToServer, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new NewsBulletinsRequest();
                if (f.ReadBoolOrUnset("allMsgs") is { } all) m.AllMessages = all;
                return m;
            },
            (NewsBulletinsRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteBoolOrUnset(m.HasAllMessages, m.AllMessages);
            });

        // cancelNewsBulletins (out 13): [13][v=1].
        r.Add<CancelNewsBulletins>(OutgoingIds.CancelNewsBulletins, ClientToServer, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new CancelNewsBulletins();
            },
            (CancelNewsBulletins m, ref TextFieldWriter w, int v) => w.WriteInt(1));

        // reqNewsArticle (out 84), IBPY client.reqNewsArticle, no version field, from 116:
        // [84][reqId][providerCode][articleId], then [newsArticleOptions "tag=value;"] from 128 (NEWS_QUERY_ORIGINS).
        r.Add<NewsArticleRequest>(OutgoingIds.ReqNewsArticle, ClientToServer, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new NewsArticleRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("providerCode") is { } provider) m.ProviderCode = provider;
                if (f.ReadStringOrUnset("articleId") is { } article) m.ArticleId = article;
                if (v >= V.NewsQueryOrigins) ContractBlock.ReadOptions(ref f, "newsArticleOptions", m.NewsArticleOptions);
                return m;
            },
            (NewsArticleRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.ProviderCode);
                w.WriteString(m.ArticleId);
                if (v >= V.NewsQueryOrigins) ContractBlock.WriteOptions(m.NewsArticleOptions, ref w, "newsArticleOptions");
            },
            minVersion: V.ReqNewsArticle);

        // reqNewsProviders (out 85): [85] and nothing else, from 115 (IBPY sends an empty body).
        r.Add<NewsProvidersRequest>(OutgoingIds.ReqNewsProviders, ClientToServer, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) => new NewsProvidersRequest(),
            (NewsProvidersRequest m, ref TextFieldWriter w, int v) => { },
            minVersion: V.ReqNewsProviders);

        // reqHistoricalNews (out 86), IBPY client.reqHistoricalNews, no version field, from 117:
        // [86][reqId][conId][providerCodes][startDateTime][endDateTime][totalResults], then
        // [historicalNewsOptions "tag=value;"] from 128 (NEWS_QUERY_ORIGINS).
        r.Add<HistoricalNewsRequest>(OutgoingIds.ReqHistoricalNews, ClientToServer, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistoricalNewsRequest();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("conId") is { } conId) m.ConId = conId;
                if (f.ReadStringOrUnset("providerCodes") is { } providers) m.ProviderCodes = providers;
                if (f.ReadStringOrUnset("startDateTime") is { } start) m.StartDateTime = start;
                if (f.ReadStringOrUnset("endDateTime") is { } end) m.EndDateTime = end;
                if (f.ReadIntOrUnset("totalResults") is { } total) m.TotalResults = total;
                if (v >= V.NewsQueryOrigins) ContractBlock.ReadOptions(ref f, "historicalNewsOptions", m.HistoricalNewsOptions);
                return m;
            },
            (HistoricalNewsRequest m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasConId, m.ConId);
                w.WriteString(m.ProviderCodes);
                w.WriteString(m.StartDateTime);
                w.WriteString(m.EndDateTime);
                w.WriteIntOrUnset(m.HasTotalResults, m.TotalResults);
                if (v >= V.NewsQueryOrigins) ContractBlock.WriteOptions(m.HistoricalNewsOptions, ref w, "historicalNewsOptions");
            },
            minVersion: V.ReqHistoricalNews);
    }
}
