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

/// <summary>News requests and replies: constructed vectors, the 113–117 and 128 gates, the 209 switch, hostile frames.</summary>
public sealed class NewsTests
{
    private const int TextVersion = 176;

    [Fact]
    public void Requests_decode_and_reencode()
    {
        Assert.True(DecodeAndReencode<NewsBulletinsRequest>(NewsVectors.ReqNewsBulletins, TextVersion, ClientToServer).AllMessages);
        DecodeAndReencode<CancelNewsBulletins>(NewsVectors.CancelNewsBulletins, TextVersion, ClientToServer);
        DecodeAndReencode<NewsProvidersRequest>(NewsVectors.ReqNewsProviders, TextVersion, ClientToServer);

        var article = DecodeAndReencode<NewsArticleRequest>(NewsVectors.ReqNewsArticle, TextVersion, ClientToServer);
        Assert.Equal(9020, article.ReqId);
        Assert.Equal("BRFG", article.ProviderCode);
        Assert.Equal("BRFG$04fb9da2", article.ArticleId);
        Assert.Empty(article.NewsArticleOptions);

        var history = DecodeAndReencode<HistoricalNewsRequest>(NewsVectors.ReqHistoricalNews, TextVersion, ClientToServer);
        Assert.Equal(9021, history.ReqId);
        Assert.Equal(8314, history.ConId);
        Assert.Equal("BRFG+BRFUPDN", history.ProviderCodes);
        Assert.Equal("2026-11-01 00:00:00.0", history.StartDateTime);
        Assert.Equal("2026-12-01 00:00:00.0", history.EndDateTime);
        Assert.Equal(10, history.TotalResults);
    }

    [Fact]
    public void Replies_decode_and_reencode()
    {
        var bulletin = DecodeAndReencode<NewsBulletin>(NewsVectors.NewsBulletin, TextVersion, ServerToClient);
        Assert.Equal(42, bulletin.NewsMsgId);
        Assert.Equal(1, bulletin.NewsMsgType);
        Assert.Equal("Trading halted in XYZ", bulletin.NewsMessage);
        Assert.Equal("NYSE", bulletin.OriginatingExch);

        var article = DecodeAndReencode<NewsArticle>(NewsVectors.NewsArticle, TextVersion, ServerToClient);
        Assert.Equal(9020, article.ReqId);
        Assert.Equal(0, article.ArticleType);
        Assert.Equal("Apple beats estimates.", article.ArticleText);

        var tick = DecodeAndReencode<TickNews>(NewsVectors.TickNews, TextVersion, ServerToClient);
        Assert.Equal(9022, tick.ReqId);
        Assert.Equal(1764770400000L, tick.Timestamp);
        Assert.Equal("BRFG", tick.ProviderCode);
        Assert.Equal("BRFG$04fb9da2", tick.ArticleId);
        Assert.Equal("Apple beats estimates", tick.Headline);
        Assert.Equal("A:800015:L:en:K:0.97:C:0.95", tick.ExtraData);

        var providers = DecodeAndReencode<NewsProviders>(NewsVectors.NewsProviders, TextVersion, ServerToClient);
        Assert.Equal(["BRFG", "DJNL"], providers.NewsProviders_.Select(p => p.ProviderCode));
        Assert.Equal("Dow Jones Newsletters", providers.NewsProviders_[1].ProviderName);

        var news = DecodeAndReencode<HistoricalNews>(NewsVectors.HistoricalNews, TextVersion, ServerToClient);
        Assert.Equal(9021, news.ReqId);
        Assert.Equal("2026-11-30 15:59:00.0", news.Time);
        Assert.Equal("Apple beats estimates", news.Headline);

        var end = DecodeAndReencode<HistoricalNewsEnd>(NewsVectors.HistoricalNewsEnd, TextVersion, ServerToClient);
        Assert.Equal(9021, end.ReqId);
        Assert.True(end.HasMore);
    }

    [Fact]
    public void Option_lists_appear_at_128()
    {
        var article = DecodeAndReencode<NewsArticleRequest>(NewsVectors.ReqNewsArticle120, 127, ClientToServer);
        Assert.Equal("BRFG$04fb9da2", article.ArticleId);
        Assert.Equal(Wire.Frame(Wire.Payload(NewsVectors.ReqNewsArticle)), TextFrame(article, 128, ClientToServer));

        var history = new HistoricalNewsRequest { ReqId = 1, ConId = 2, TotalResults = 3 };
        string Text(int v) => Encoding.UTF8.GetString(TextFrame(history, v, ClientToServer)[4..]).Replace("\0", "|");
        Assert.Equal("86|1|2||||3|", Text(127));
        Assert.Equal("86|1|2||||3||", Text(128));
    }

    [Fact]
    public void News_messages_exist_only_from_their_gates()
    {
        Assert.Throws<ProtocolException>(() => TextFrame(new NewsProvidersRequest(), 114, ClientToServer));
        Assert.Throws<ProtocolException>(() => TextFrame(new NewsArticleRequest(), 115, ClientToServer));
        Assert.Throws<ProtocolException>(() => TextFrame(new HistoricalNewsRequest(), 116, ClientToServer));
        Assert.Throws<ProtocolException>(() => TextFrame(new TickNews(), 112, ServerToClient));
        Assert.Equal(Wire.Frame(Wire.Payload(NewsVectors.ReqNewsProviders)), TextFrame(new NewsProvidersRequest(), 115, ClientToServer));
        Assert.NotEmpty(TextFrame(new NewsArticleRequest(), 116, ClientToServer));
        Assert.NotEmpty(TextFrame(new HistoricalNewsRequest(), 117, ClientToServer));
        Assert.NotEmpty(TextFrame(new TickNews(), 113, ServerToClient));
    }

    [Theory]
    [InlineData(208, WireEncoding.Text)]
    [InlineData(209, WireEncoding.Protobuf)]
    public void News_messages_switch_to_protobuf_at_209(int version, WireEncoding expected)
    {
        var codec = TwsCodec.Default;
        Assert.Equal(expected, codec.PreferredEncoding(new NewsBulletinsRequest(), version, ClientToServer));
        Assert.Equal(expected, codec.PreferredEncoding(new CancelNewsBulletins(), version, ClientToServer));
        Assert.Equal(expected, codec.PreferredEncoding(new NewsArticleRequest(), version, ClientToServer));
        Assert.Equal(expected, codec.PreferredEncoding(new NewsProvidersRequest(), version, ClientToServer));
        Assert.Equal(expected, codec.PreferredEncoding(new HistoricalNewsRequest(), version, ClientToServer));
        Assert.Equal(expected, codec.PreferredEncoding(new TickNews(), version, ServerToClient));
        Assert.Equal(expected, codec.PreferredEncoding(new HistoricalNewsEnd(), version, ServerToClient));
    }

    [Fact]
    public void An_empty_news_providers_request_travels_behind_a_binary_id()
    {
        var frame = TwsCodec.Default.EncodeToArray(new NewsProvidersRequest(), 205, ClientToServer, WireEncoding.Text);
        Assert.Equal(Wire.Hex("00000004 00000055"), frame);
        var decoded = TwsCodec.Default.Decode(frame.AsSpan(4), 205, ClientToServer);
        Assert.IsType<NewsProvidersRequest>(decoded.Message);
    }

    [Theory]
    [InlineData("10000")]
    [InlineData("-1")]
    [InlineData("2147483647")]
    public void Hostile_provider_count_is_rejected(string count) =>
        Assert.Equal("nNewsProviders", Reject($@"85\0{count}\0", TextVersion).Field);

    [Fact]
    public void Hostile_news_frames_are_rejected()
    {
        Assert.Equal("providerName", Reject(@"85\02\0BRFG\0Briefing\0DJNL\0", TextVersion).Field);
        Assert.Equal("timeStamp", Reject(NewsVectors.TickNews.Replace("1764770400000", "yesterday", StringComparison.Ordinal), TextVersion).Field);
        Assert.Equal("hasMore", Reject(@"87\09021\0perhaps\0", TextVersion).Field);
        Assert.Equal("msgType", Reject(@"14\01\042\0x\0m\0NYSE\0", TextVersion).Field);
        Assert.Equal("historicalNewsOptions", Reject(NewsVectors.ReqHistoricalNews[..^2] + @"noequals\0", TextVersion, ClientToServer).Field);
        foreach (var (frame, direction) in new[]
                 {
                     (NewsVectors.ReqNewsBulletins, ClientToServer), (NewsVectors.CancelNewsBulletins, ClientToServer),
                     (NewsVectors.ReqNewsArticle, ClientToServer), (NewsVectors.ReqHistoricalNews, ClientToServer),
                     (NewsVectors.NewsBulletin, ServerToClient), (NewsVectors.NewsArticle, ServerToClient),
                     (NewsVectors.TickNews, ServerToClient), (NewsVectors.NewsProviders, ServerToClient),
                     (NewsVectors.HistoricalNews, ServerToClient), (NewsVectors.HistoricalNewsEnd, ServerToClient),
                 })
            EveryTruncationIsRejected(frame, TextVersion, direction);
    }
}
