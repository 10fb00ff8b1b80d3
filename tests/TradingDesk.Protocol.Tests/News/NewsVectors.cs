namespace TradingDesk.Protocol.Tests.News;

/// <summary>Constructed news frames (no capture covers them), built from IBPY client.py / decoder.py layouts.</summary>
internal static class NewsVectors
{
    public const string ReqNewsBulletins = @"12\01\01\0";
    public const string CancelNewsBulletins = @"13\01\0";

    // reqNewsArticle from 128: [84][reqId 9020][BRFG][BRFG$04fb9da2][no options]
    public const string ReqNewsArticle = @"84\09020\0BRFG\0BRFG$04fb9da2\0\0";
    // below 128: no option list
    public const string ReqNewsArticle120 = @"84\09020\0BRFG\0BRFG$04fb9da2\0";

    public const string ReqNewsProviders = @"85\0";

    // reqHistoricalNews from 128: [86][reqId 9021][conId 8314][BRFG+BRFUPDN][start][end][10][no options]
    public const string ReqHistoricalNews = @"86\09021\08314\0BRFG+BRFUPDN\02026-11-01 00:00:00.0\02026-12-01 00:00:00.0\010\0\0";

    // newsBulletins: [14][v=1][msgId 42][msgType 1 = regular][message][originating exchange]
    public const string NewsBulletin = @"14\01\042\01\0Trading halted in XYZ\0NYSE\0";

    // newsArticle: [83][reqId 9020][articleType 0 = text][text]
    public const string NewsArticle = @"83\09020\00\0Apple beats estimates.\0";

    // tickNews: [84][reqId 9022][timeStamp ms][provider][articleId][headline][extraData]
    public const string TickNews = @"84\09022\01764770400000\0BRFG\0BRFG$04fb9da2\0Apple beats estimates\0A:800015:L:en:K:0.97:C:0.95\0";

    // newsProviders: two providers
    public const string NewsProviders = @"85\02\0BRFG\0Briefing.com General Market Columns\0DJNL\0Dow Jones Newsletters\0";

    public const string HistoricalNews = @"86\09021\02026-11-30 15:59:00.0\0BRFG\0BRFG$04fb9da2\0Apple beats estimates\0";
    public const string HistoricalNewsEnd = @"87\09021\01\0";
}
