using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Options.OptionVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class NewsCodecs
{
    private static void RegisterReplies(CodecRegistry r)
    {
        // newsBulletins (in 14): [14][v=1][msgId][msgType][message][originatingExch] (IBPY EWrapper.updateNewsBulletin,
        // decoded by its signature; IBCS NewsBulletinsEvent). No request id: bulletins belong to the one subscription.
        r.Add<NewsBulletin>(IncomingIds.NewsBulletins, ServerToClient, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                var m = new NewsBulletin();
                if (f.ReadIntOrUnset("msgId") is { } id) m.NewsMsgId = id;
                if (f.ReadIntOrUnset("msgType") is { } type) m.NewsMsgType = type;
                if (f.ReadStringOrUnset("message") is { } message) m.NewsMessage = message;
                if (f.ReadStringOrUnset("originatingExch") is { } exchange) m.OriginatingExch = exchange;
                return m;
            },
            (NewsBulletin m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(1);
                w.WriteIntOrUnset(m.HasNewsMsgId, m.NewsMsgId);
                w.WriteIntOrUnset(m.HasNewsMsgType, m.NewsMsgType);
                w.WriteString(m.NewsMessage);
                w.WriteString(m.OriginatingExch);
            });

        // newsArticle (in 83): [83][reqId][articleType][articleText], no version field (IBPY decoder.processNewsArticle).
        r.Add<NewsArticle>(IncomingIds.NewsArticle, ServerToClient, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new NewsArticle();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadIntOrUnset("articleType") is { } type) m.ArticleType = type;
                if (f.ReadStringOrUnset("articleText") is { } text) m.ArticleText = text;
                return m;
            },
            (NewsArticle m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteIntOrUnset(m.HasArticleType, m.ArticleType);
                w.WriteString(m.ArticleText);
            },
            minVersion: V.ReqNewsArticle);

        // tickNews (in 84): [84][reqId][timeStamp ms][providerCode][articleId][headline][extraData], no version field
        // (IBPY decoder.processTickNews), from 113 (TICK_NEWS).
        r.Add<TickNews>(IncomingIds.TickNews, ServerToClient, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new TickNews();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadLongOrUnset("timeStamp") is { } time) m.Timestamp = time;
                if (f.ReadStringOrUnset("providerCode") is { } provider) m.ProviderCode = provider;
                if (f.ReadStringOrUnset("articleId") is { } article) m.ArticleId = article;
                if (f.ReadStringOrUnset("headline") is { } headline) m.Headline = headline;
                if (f.ReadStringOrUnset("extraData") is { } extra) m.ExtraData = extra;
                return m;
            },
            (TickNews m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteLongOrUnset(m.HasTimestamp, m.Timestamp);
                w.WriteString(m.ProviderCode);
                w.WriteString(m.ArticleId);
                w.WriteString(m.Headline);
                w.WriteString(m.ExtraData);
            },
            minVersion: V.TickNews);

        // newsProviders (in 85): [85][count]{[providerCode][providerName]}, no version, no request id
        // (IBPY decoder.processNewsProviders). The count is bounded before allocating.
        r.Add<NewsProviders>(IncomingIds.NewsProviders, ServerToClient, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new NewsProviders();
                var count = ContractText.ReadCount(ref f, "nNewsProviders");
                for (var i = 0; i < count; i++)
                {
                    var p = new NewsProvider();
                    if (f.ReadStringOrUnset("providerCode") is { } code) p.ProviderCode = code;
                    if (f.ReadStringOrUnset("providerName") is { } name) p.ProviderName = name;
                    m.NewsProviders_.Add(p);
                }
                return m;
            },
            (NewsProviders m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(m.NewsProviders_.Count);
                foreach (var p in m.NewsProviders_)
                {
                    w.WriteString(p.ProviderCode);
                    w.WriteString(p.ProviderName);
                }
            },
            minVersion: V.ReqNewsProviders);

        // historicalNews (in 86): [86][reqId][time][providerCode][articleId][headline] (IBPY decoder.processHistoricalNews).
        r.Add<HistoricalNews>(IncomingIds.HistoricalNews, ServerToClient, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistoricalNews();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadStringOrUnset("time") is { } time) m.Time = time;
                if (f.ReadStringOrUnset("providerCode") is { } provider) m.ProviderCode = provider;
                if (f.ReadStringOrUnset("articleId") is { } article) m.ArticleId = article;
                if (f.ReadStringOrUnset("headline") is { } headline) m.Headline = headline;
                return m;
            },
            (HistoricalNews m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteString(m.Time);
                w.WriteString(m.ProviderCode);
                w.WriteString(m.ArticleId);
                w.WriteString(m.Headline);
            },
            minVersion: V.ReqHistoricalNews);

        // historicalNewsEnd (in 87): [87][reqId][hasMore 1/0] (IBPY decoder.processHistoricalNewsEnd).
        r.Add<HistoricalNewsEnd>(IncomingIds.HistoricalNewsEnd, ServerToClient, ServerVersions.ProtobufNewsData,
            (ref TextFieldReader f, int v) =>
            {
                var m = new HistoricalNewsEnd();
                if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
                if (f.ReadBoolOrUnset("hasMore") is { } more) m.HasMore = more;
                return m;
            },
            (HistoricalNewsEnd m, ref TextFieldWriter w, int v) =>
            {
                w.WriteIntOrUnset(m.HasReqId, m.ReqId);
                w.WriteBoolOrUnset(m.HasHasMore, m.HasMore);
            },
            minVersion: V.ReqHistoricalNews);
    }
}
