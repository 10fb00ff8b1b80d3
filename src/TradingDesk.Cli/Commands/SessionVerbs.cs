using System.CommandLine;
using TradingDesk.Desk.Domain;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Session and reference verbs: <c>desk symbols PATTERN</c>, <c>desk config</c>. Common options (gateway, client id, --json): see
/// <see cref="GatewayVerb"/>.
/// </summary>
public static class SessionVerbs
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr) => [Symbols(stdout, stderr), Config(stdout, stderr)];

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

    /// <summary>
    /// <c>desk config</c>: the gateway's own configuration (reqConfig, server version 219 on), one row per setting the
    /// gateway sent, named as IB names it (api.settings.bulkDataTimeout). A gateway too old for reqConfig is an error
    /// line naming the version it needs.
    /// </summary>
    public static Command Config(TextWriter stdout, TextWriter stderr) =>
        GatewayVerb.Create("config", "Show the gateway's own configuration (reqConfig).", stdout, stderr, [], async (_, ctx) =>
        {
            var reply = await ctx.Client.GetGatewayConfigAsync(ctx.Cancellation).ConfigureAwait(false);
            RowWriter.Write(ctx.Stdout, ConfigRows.Of(reply.Settings), ctx.Json, "the gateway sent no settings");
            return 0;
        });
}
