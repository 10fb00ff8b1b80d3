using System.CommandLine;
using System.Globalization;
using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Read-only gateway verbs: <c>desk time</c>, <c>desk positions</c>, <c>desk account [--tags ...]</c>,
/// <c>desk contract SYMBOL [--sec-type --exchange --currency --expiry]</c>. Common options: see <see cref="GatewayVerb"/>.
/// </summary>
public static class InfoVerbs
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr) =>
        [Time(stdout, stderr), Positions(stdout, stderr), Account(stdout, stderr), ContractCommand(stdout, stderr)];

    /// <summary><c>desk time</c>: the gateway's clock (reqCurrentTime) next to the local clock.</summary>
    public static Command Time(TextWriter stdout, TextWriter stderr) =>
        GatewayVerb.Create("time", "Show the gateway's current time (reqCurrentTime; to the millisecond from server version 197).", stdout, stderr, [], async (_, ctx) =>
        {
            var reply = await ctx.Client.GetCurrentTimeAsync(ctx.Cancellation).ConfigureAwait(false);
            var row = new Row
            {
                { "currentTime", reply.GatewayTime.ToUnixTimeSeconds() },
                // To the millisecond: from server version 197 the gateway tells its time that finely (whole seconds below it).
                { "gatewayTime", reply.GatewayTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) },
                { "localTime", reply.LocalTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) },
                { "serverVersion", ctx.Connection.ServerVersion },
            };
            RowWriter.Write(ctx.Stdout, [row], ctx.Json, "");
            return 0;
        });

    /// <summary><c>desk positions</c>: every position of every managed account (reqPositions).</summary>
    public static Command Positions(TextWriter stdout, TextWriter stderr) =>
        GatewayVerb.Create("positions", "List the positions of every managed account (reqPositions).", stdout, stderr, [], async (_, ctx) =>
        {
            var reply = await ctx.Client.GetPositionsAsync(ctx.Cancellation).ConfigureAwait(false);
            var rows = reply.Positions.Select(p => new Row
            {
                { "account", p.Account.Value },
                { "symbol", p.Contract.Symbol },
                { "secType", WireNames.Of(p.Contract.SecType) },
                { "conId", p.Contract.ConId?.Value },
                { "exchange", p.Contract.Exchange },
                { "currency", p.Contract.Currency },
                { "position", p.Quantity },
                { "avgCost", Average.Of(p.AverageCost, p.Contract.SecType) },
            }).ToList();
            RowWriter.Write(ctx.Stdout, rows, ctx.Json, "no positions");
            return 0;
        });

    /// <summary><c>desk account [--tags NetLiquidation,TotalCashValue,BuyingPower] [--group All]</c> (reqAccountSummary).</summary>
    public static Command Account(TextWriter stdout, TextWriter stderr)
    {
        var tags = new Option<string>("--tags")
        {
            Description = "Comma-separated account summary tags (e.g. NetLiquidation,BuyingPower,AvailableFunds or $LEDGER).",
            DefaultValueFactory = _ => "NetLiquidation,TotalCashValue,BuyingPower,AvailableFunds,GrossPositionValue",
        };
        tags.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
            if (text is not null && (text.Length == 0 || text.Split(',').Any(t => t.Trim().Length == 0 || t.Any(char.IsWhiteSpace))))
                r.AddError($"--tags must be comma-separated tag names without spaces (e.g. NetLiquidation,BuyingPower), not '{text}'");
        });
        var group = new Option<string>("--group") { Description = "Account group (default All).", DefaultValueFactory = _ => "All" };
        return GatewayVerb.Create("account", "Show the account summary of every managed account (reqAccountSummary).", stdout, stderr, [tags, group],
            async (parse, ctx) =>
            {
                var reply = await ctx.Client.GetAccountSummaryAsync(parse.GetValue(tags)!, parse.GetValue(group)!, ctx.Cancellation).ConfigureAwait(false);
                var rows = reply.Items.Select(i => new Row
                {
                    { "account", i.Account.Value },
                    { "tag", i.Tag },
                    { "value", i.Value },
                    { "currency", i.Currency },
                }).ToList();
                RowWriter.Write(ctx.Stdout, rows, ctx.Json, "no account values");
                return 0;
            });
    }

    /// <summary><c>desk contract SYMBOL [--sec-type STK] [--exchange SMART] [--currency USD] [--expiry YYYYMM[DD]]</c> (reqContractDetails).</summary>
    public static Command ContractCommand(TextWriter stdout, TextWriter stderr)
    {
        var spec = new ContractOptions(withExpiry: true);
        return GatewayVerb.Create("contract", "Show the contract details matching a symbol (reqContractDetails).", stdout, stderr, spec.Symbols,
            async (parse, ctx) =>
            {
                var reply = await ctx.Client.GetContractDetailsAsync(spec.Build(parse), ctx.Cancellation).ConfigureAwait(false);
                var rows = reply.Details.Select(d => new Row
                {
                    { "conId", d.ConId.Value },
                    { "symbol", d.Contract.Symbol },
                    { "secType", WireNames.Of(d.Contract.SecType) },
                    { "lastTradeDateOrContractMonth", d.Contract.LastTradeDateOrContractMonth },
                    { "exchange", d.Contract.Exchange },
                    { "primaryExchange", d.Contract.PrimaryExchange },
                    { "currency", d.Contract.Currency },
                    { "localSymbol", d.Contract.LocalSymbol },
                    { "longName", d.LongName },
                    { "minTick", d.MinTick },
                    { "timeZoneId", d.TimeZoneId },
                }).ToList();
                RowWriter.Write(ctx.Stdout, rows, ctx.Json, "no matching contracts");
                return 0;
            });
    }
}
