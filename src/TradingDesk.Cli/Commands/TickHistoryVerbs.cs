using System.CommandLine;
using System.Globalization;
using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.TickHistoryMessages;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk ticks SYMBOL --what TRADES|BID_ASK|MIDPOINT [--start T | --end T] [--count N]</c> (reqHistoricalTicks) and
/// <c>desk histogram SYMBOL --period "1 week"</c> (reqHistogramData). Common options: see <see cref="GatewayVerb"/>.
/// </summary>
public static class TickHistoryVerbs
{
    private static readonly string[] TimeFormats = ["yyyyMMdd-HH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss"];

    /// <summary>Up to --count historical ticks from --start or up to --end (default: up to now).</summary>
    public static Command Ticks(TextWriter stdout, TextWriter stderr)
    {
        var contract = new ContractOptions(withExpiry: true);
        var what = new Option<string>("--what") { Description = "TRADES, BID_ASK or MIDPOINT (default TRADES).", DefaultValueFactory = _ => "TRADES" };
        what.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "TRADES";
            if (ResearchWireNames.ParseTicksKind(text) is null) r.AddError($"--what must be TRADES, BID_ASK or MIDPOINT, not '{text}'");
        });
        var start = TimeOption("--start", "First tick at or after this time");
        var end = TimeOption("--end", "Last tick at or before this time (default: the gateway's now)");
        var count = new Option<int>("--count") { Description = "How many ticks, 1 to 1000 (default 100).", DefaultValueFactory = _ => 100 }.Integer("a tick count", 1, 1000, "100");
        var allHours = new Option<bool>("--all-hours") { Description = "Include ticks outside regular trading hours (useRTH=0)." };
        var command = GatewayVerb.Create("ticks", "Print historical ticks (reqHistoricalTicks).", stdout, stderr,
            [.. contract.Symbols, what, start, end, count, allHours], async (parse, ctx) =>
            {
                var kind = ResearchWireNames.ParseTicksKind(parse.GetValue(what))!.Value;
                var from = Parse(parse.GetValue(start));
                // IB needs one bound; without either, up to the gateway's own clock (a simulator's may not be this machine's).
                var to = from is null ? Parse(parse.GetValue(end)) ?? (await ctx.Client.GetCurrentTimeAsync(ctx.Cancellation).ConfigureAwait(false)).GatewayTime : (DateTimeOffset?)null;
                var request = new GetHistoricalTicks(contract.Build(parse), kind, from, to, parse.GetValue(count), UseRth: !parse.GetValue(allHours));
                HistoricalTicks reply;
                using (Progress.Start(ctx.Stderr, $"waiting for {request.Count} {ResearchWireNames.Of(kind)} ticks"))
                    reply = await ctx.Client.GetHistoricalTicksAsync(request, ctx.Cancellation).ConfigureAwait(false);
                RowWriter.Write(ctx.Stdout, reply.Ticks.Select(t => RowOf(kind, t)).ToList(), ctx.Json, "no ticks");
                return 0;
            });
        command.Validators.Add(r =>
        {
            if (r.GetValue(start) is not null && r.GetValue(end) is not null) r.AddError("give --start or --end, not both");
        });
        return command;
    }

    /// <summary>Volume by price over --period (reqHistogramData).</summary>
    public static Command Histogram(TextWriter stdout, TextWriter stderr)
    {
        var contract = new ContractOptions(withExpiry: true);
        var period = new Option<string>("--period") { Description = "How far back: a count and a unit, e.g. \"3 days\", \"1 week\", \"2 months\" (default \"1 week\").", DefaultValueFactory = _ => "1 week" };
        var allHours = new Option<bool>("--all-hours") { Description = "Include trades outside regular trading hours (useRTH=0)." };
        return GatewayVerb.Create("histogram", "Print volume by price (reqHistogramData).", stdout, stderr, [.. contract.Symbols, period, allHours], async (parse, ctx) =>
        {
            var reply = await ctx.Client.GetHistogramAsync(contract.Build(parse), parse.GetValue(period)!, !parse.GetValue(allHours), ctx.Cancellation).ConfigureAwait(false);
            RowWriter.Write(ctx.Stdout, reply.Entries.Select(e => new Row { { "price", e.Price }, { "size", e.Size } }).ToList(), ctx.Json, "no histogram");
            return 0;
        });
    }

    private static Row RowOf(HistoricalTicksKind kind, HistoricalTick t)
    {
        var row = new Row { { "time", t.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) } };
        switch (kind)
        {
            case HistoricalTicksKind.Trades:
                row.Add("price", t.Price); row.Add("size", t.Size); row.Add("exchange", t.Exchange); row.Add("conditions", t.SpecialConditions);
                row.Add("pastLimit", t.PastLimit); row.Add("unreported", t.Unreported);
                break;
            case HistoricalTicksKind.BidAsk:
                row.Add("bid", t.BidPrice); row.Add("ask", t.AskPrice); row.Add("bidSize", t.BidSize); row.Add("askSize", t.AskSize);
                row.Add("bidPastLow", t.BidPastLow); row.Add("askPastHigh", t.AskPastHigh);
                break;
            default:
                row.Add("midpoint", t.Price);
                break;
        }
        return row;
    }

    private static Option<string?> TimeOption(string name, string what)
    {
        var option = new Option<string?>(name) { Description = $"{what}: \"yyyyMMdd-HH:mm:ss\" (UTC) or ISO 8601 (\"2026-03-02T15:00:00Z\")." };
        option.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
            if (text is not null && Parse(text) is null) r.AddError($"{name} must be \"yyyyMMdd-HH:mm:ss\" (UTC) or ISO 8601 like 2026-03-02T15:00:00Z, not '{text}'");
        });
        return option;
    }

    private static DateTimeOffset? Parse(string? text) =>
        text is not null && DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
}
