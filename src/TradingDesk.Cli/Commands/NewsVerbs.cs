using System.CommandLine;
using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.NewsMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk news SYMBOL [--provider CODE] [--count N]</c> (headlines), <c>desk news SYMBOL --article ID --provider CODE</c>
/// (one article), <c>desk fundamentals SYMBOL --report NAME</c>. Common options: see <see cref="GatewayVerb"/>.
/// </summary>
public static class NewsVerbs
{
    private static readonly string ReportNames = string.Join(", ", Enum.GetValues<FundamentalsReport>().Select(ResearchWireNames.Of));

    /// <summary>Headlines of a contract (reqHistoricalNews, its conId from reqContractDetails), or one article (reqNewsArticle).</summary>
    public static Command News(TextWriter stdout, TextWriter stderr)
    {
        var contract = new ContractOptions(withExpiry: false);
        var article = new Option<string?>("--article") { Description = "Print this article (its id from the headlines' articleId column); needs --provider." };
        var provider = new Option<string?>("--provider") { Description = "News provider code, e.g. BRFG (default: every provider the login may read)." };
        var count = new Option<int>("--count") { Description = "How many headlines, 1 to 300 (default 10).", DefaultValueFactory = _ => 10 }.Integer("a headline count", 1, 300, "10");
        var command = GatewayVerb.Create("news", "List a contract's recent headlines (reqHistoricalNews), or print one article (reqNewsArticle).", stdout, stderr,
            [.. contract.Symbols, article, provider, count], async (parse, ctx) =>
            {
                if (parse.GetValue(article) is { } articleId)
                {
                    var body = await ctx.Client.GetNewsArticleAsync(parse.GetValue(provider)!, articleId, ctx.Cancellation).ConfigureAwait(false);
                    if (ctx.Json) RowWriter.Write(ctx.Stdout, [new Row { { "provider", body.ProviderCode }, { "articleId", body.ArticleId }, { "type", body.Type.ToString() }, { "text", body.Text } }], true, "");
                    else ctx.Stdout.WriteLine(body.Text);
                    return 0;
                }
                var details = await ctx.Client.GetContractDetailsAsync(contract.Build(parse), ctx.Cancellation).ConfigureAwait(false);
                var conId = details.Details[0].ConId;
                IReadOnlyList<string> providers = parse.GetValue(provider) is { } code
                    ? [code]
                    : (await ctx.Client.GetNewsProvidersAsync(ctx.Cancellation).ConfigureAwait(false)).Providers.Select(p => p.Code).ToList();
                if (providers.Count == 0)
                {
                    ctx.Stderr.WriteLine("desk news: this login may read no news provider");
                    return 1;
                }
                var news = await ctx.Client.GetHistoricalNewsAsync(new GetHistoricalNews(conId, providers, null, null, parse.GetValue(count)), ctx.Cancellation).ConfigureAwait(false);
                var rows = news.Headlines.Select(h => new Row
                {
                    { "time", h.Time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) ?? h.TimeText },
                    { "provider", h.ProviderCode },
                    { "articleId", h.ArticleId },
                    { "headline", h.Text },
                }).ToList();
                RowWriter.Write(ctx.Stdout, rows, ctx.Json, "no headlines");
                return 0;
            });
        command.Validators.Add(r =>
        {
            if (r.GetValue(article) is not null && r.GetValue(provider) is null) r.AddError("--article needs --provider (the provider code the headline lists)");
        });
        return command;
    }

    /// <summary>A Reuters fundamentals report's XML (reqFundamentalData).</summary>
    public static Command Fundamentals(TextWriter stdout, TextWriter stderr)
    {
        var contract = new ContractOptions(withExpiry: false);
        var report = new Option<string>("--report") { Description = $"The report: {ReportNames}.", Required = true };
        report.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
            if (text is not null && ResearchWireNames.ParseReport(text) is null) r.AddError($"--report must be one of {ReportNames}, not '{text}'");
        });
        return GatewayVerb.Create("fundamentals", "Print a fundamentals report's XML (reqFundamentalData).", stdout, stderr, [.. contract.Symbols, report], async (parse, ctx) =>
        {
            var which = ResearchWireNames.ParseReport(parse.GetValue(report))!.Value;
            Desk.Messages.FundamentalsMessages.FundamentalsReply reply;
            using (Progress.Start(ctx.Stderr, $"waiting for the {ResearchWireNames.Of(which)} report"))
                reply = await ctx.Client.GetFundamentalsAsync(contract.Build(parse), which, ctx.Cancellation).ConfigureAwait(false);
            if (ctx.Json) RowWriter.Write(ctx.Stdout, [new Row { { "report", ResearchWireNames.Of(which) }, { "xml", reply.Xml } }], true, "");
            else ctx.Stdout.WriteLine(reply.Xml);
            return 0;
        });
    }
}
