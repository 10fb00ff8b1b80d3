using System.Text;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Options;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using static TradingDesk.Protocol.Tests.Options.OptionTestSupport;
using V = TradingDesk.Protocol.Messages.Options.OptionVersions;

namespace TradingDesk.Protocol.Tests.News;

/// <summary>News requests and replies: encode → decode over random field values, text and protobuf, at the shared versions and each gate.</summary>
public sealed class NewsRoundTripTests
{
    public static TheoryData<int> Versions => OptionTestSupport.Versions();

    [Theory, MemberData(nameof(Versions))]
    public void Requests_round_trip(int version)
    {
        Property.ForAll(Gens.OptionalValue(Gens.Bool), all =>
        {
            var m = new NewsBulletinsRequest();
            if (all is { } a) m.AllMessages = a;
            CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);
        });
        CodecAssert.RoundTripAllEncodings(new CancelNewsBulletins(), version, ClientToServer);
        CodecAssert.RoundTripAllEncodings(new NewsProvidersRequest(), version, ClientToServer);

        var article = new FieldGen<NewsArticleRequest>()
            .Int((m, x) => m.ReqId = x).Text((m, x) => m.ProviderCode = x).Text((m, x) => m.ArticleId = x);
        if (version >= V.NewsQueryOrigins)
            article.With(MarketDataGens.Options.Select(o => (Action<NewsArticleRequest>)(m => MarketDataGens.Fill(m.NewsArticleOptions, o))));
        Property.ForAll(article.Gen(), m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));

        var history = new FieldGen<HistoricalNewsRequest>()
            .Int((m, x) => m.ReqId = x).Int((m, x) => m.ConId = x).Text((m, x) => m.ProviderCodes = x)
            .Text((m, x) => m.StartDateTime = x).Text((m, x) => m.EndDateTime = x).Int((m, x) => m.TotalResults = x);
        if (version >= V.NewsQueryOrigins)
            history.With(MarketDataGens.Options.Select(o => (Action<HistoricalNewsRequest>)(m => MarketDataGens.Fill(m.HistoricalNewsOptions, o))));
        Property.ForAll(history.Gen(), m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));
    }

    [Theory, MemberData(nameof(Versions))]
    public void Replies_round_trip(int version)
    {
        Property.ForAll(new FieldGen<NewsBulletin>()
                .Int((m, x) => m.NewsMsgId = x).Int((m, x) => m.NewsMsgType = x)
                .Text((m, x) => m.NewsMessage = x).Text((m, x) => m.OriginatingExch = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(new FieldGen<NewsArticle>()
                .Int((m, x) => m.ReqId = x).Int((m, x) => m.ArticleType = x).Text((m, x) => m.ArticleText = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(new FieldGen<TickNews>()
                .Int((m, x) => m.ReqId = x).Long((m, x) => m.Timestamp = x).Text((m, x) => m.ProviderCode = x)
                .Text((m, x) => m.ArticleId = x).Text((m, x) => m.Headline = x).Text((m, x) => m.ExtraData = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(List(new FieldGen<NewsProvider>()
                .Text((p, x) => p.ProviderCode = x).Text((p, x) => p.ProviderName = x).Gen(), 8),
            providers =>
            {
                var m = new NewsProviders();
                m.NewsProviders_.AddRange(providers);
                CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
            });
        Property.ForAll(new FieldGen<HistoricalNews>()
                .Int((m, x) => m.ReqId = x).Text((m, x) => m.Time = x).Text((m, x) => m.ProviderCode = x)
                .Text((m, x) => m.ArticleId = x).Text((m, x) => m.Headline = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
        Property.ForAll(new FieldGen<HistoricalNewsEnd>()
                .Int((m, x) => m.ReqId = x).Bool((m, x) => m.HasMore = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }
}
