using System.CommandLine;
using TradingDesk.Desk.Domain;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Session and reference verbs: <c>desk symbols PATTERN</c>. Common options (gateway, client id, --json): see
/// <see cref="GatewayVerb"/>.
/// </summary>
public static class SessionVerbs
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr) => [Symbols(stdout, stderr)];

    /// <summary>
    /// <c>desk symbols PATTERN</c>: contracts whose symbol or name starts like PATTERN (reqMatchingSymbols), one row
    /// each with the security types derived from it. A pattern the desk refuses (empty, a control character, too
    /// long) is an error line naming the problem, before anything is sent.
    /// </summary>
    public static Command Symbols(TextWriter stdout, TextWriter stderr)
    {
        var pattern = new Argument<string>("PATTERN") { Description = "The start of a symbol or company name, e.g. AAPL or Micro." };
        return GatewayVerb.Create("symbols", "Search contracts by symbol or name (reqMatchingSymbols).", stdout, stderr, [pattern], async (parse, ctx) =>
        {
            var reply = await ctx.Client.GetMatchingSymbolsAsync(parse.GetValue(pattern)!, ctx.Cancellation).ConfigureAwait(false);
            var rows = reply.Matches.Select(m => new Row
            {
                { "conId", m.ConId.Value },
                { "symbol", m.Contract.Symbol },
                { "secType", WireNames.Of(m.Contract.SecType) },
                { "primaryExchange", m.Contract.PrimaryExchange },
                { "currency", m.Contract.Currency },
                { "derivativeSecTypes", string.Join(',', m.DerivativeSecTypes) },
            }).ToList();
            RowWriter.Write(ctx.Stdout, rows, ctx.Json, "no matching symbols");
            return 0;
        });
    }
}
