using System.CommandLine;
using System.Globalization;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.OptionMessages;
using static TradingDesk.Desk.Messages.ScannerMessages;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Option and scanner verbs: <c>desk options SYMBOL [--expiry YYYYMMDD] [--right C|P] [--min-strike] [--max-strike]
/// [--greeks]</c> (a qualified chain, with greeks from a short market data subscription on each option) and
/// <c>desk scan CODE [--filter tag=value]... [--rows N]</c> (one result set of a market scanner).
/// </summary>
public static class OptionVerbs
{
    /// <summary>Greeks open one market data line per option: IB allows 100 lines, and the desk's own may be in use.</summary>
    public const int MaxGreekLines = 40;

    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr) => [Options(stdout, stderr), Scan(stdout, stderr)];

    public static Command Options(TextWriter stdout, TextWriter stderr)
    {
        var contract = new ContractOptions(withExpiry: true);
        var right = new Option<string?>("--right") { Description = "C (calls) or P (puts); both when absent." };
        right.Validators.Add(r => { if (r.Tokens.Count == 1 && r.Tokens[0].Value is not ("C" or "P" or "c" or "p")) r.AddError($"--right must be C or P, not '{r.Tokens[0].Value}'"); });
        var minStrike = new Option<decimal?>("--min-strike") { Description = "Lowest strike (inclusive)." }.Price();
        var maxStrike = new Option<decimal?>("--max-strike") { Description = "Highest strike (inclusive)." }.Price();
        var greeks = new Option<bool>("--greeks") { Description = $"Add each option's model greeks from a short market data subscription (at most {MaxGreekLines} options)." };
        var wait = new Option<double>("--timeout") { Description = "Seconds to wait for the greeks (default 10).", DefaultValueFactory = _ => 10 }.Seconds(max: 600);
        return GatewayVerb.Create("options", "Show a qualified option chain (reqSecDefOptParams, then contract details per expiration).", stdout, stderr,
            [.. contract.Symbols, right, minStrike, maxStrike, greeks, wait], async (parse, ctx) =>
            {
                var spec = contract.Build(parse);
                var underlying = spec with { LastTradeDateOrContractMonth = null };
                var expiry = spec.LastTradeDateOrContractMonth ?? await NearestExpiry(ctx, underlying).ConfigureAwait(false);
                var filter = new OptionChainFilter
                {
                    FromExpiry = expiry, ToExpiry = expiry, MinStrike = parse.GetValue(minStrike), MaxStrike = parse.GetValue(maxStrike),
                    Right = parse.GetValue(right)?.ToUpperInvariant() switch { "C" => OptionRight.Call, "P" => OptionRight.Put, _ => null },
                };
                var chain = await ctx.Client.GetOptionChainAsync(underlying, filter, ctx.Cancellation).ConfigureAwait(false);
                var values = new Dictionary<ConId, OptionGreeks>();
                if (parse.GetValue(greeks))
                {
                    if (chain.Options.Count > MaxGreekLines)
                    {
                        ctx.Stderr.WriteLine($"desk options: --greeks takes at most {MaxGreekLines} options and the chain has {chain.Options.Count}; narrow it with --min-strike / --max-strike / --right");
                        return Program.BadInput;
                    }
                    values = await Greeks(ctx, chain.Options, TimeSpan.FromSeconds(parse.GetValue(wait))).ConfigureAwait(false);
                }
                var rows = chain.Options.Select(o => ChainRow(o, values.GetValueOrDefault(o.ConId), parse.GetValue(greeks))).ToList();
                RowWriter.Write(ctx.Stdout, rows, ctx.Json, $"no {underlying.Symbol} options match");
                return 0;
            });
    }

    public static Command Scan(TextWriter stdout, TextWriter stderr)
    {
        var code = new Argument<string>("CODE") { Description = "The scan code, e.g. TOP_PERC_GAIN (desk scan lists none: see the gateway's scanner parameters)." };
        var filters = new Option<string[]>("--filter") { Description = "A scanner filter tag=value, e.g. priceAbove=5 (repeatable).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        filters.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
                if (token.Value.IndexOf('=') is < 1) r.AddError($"--filter must be tag=value (e.g. priceAbove=5), not '{token.Value}'");
        });
        var rowsOption = new Option<int>("--rows") { Description = "Rows to ask for (1-50, default 20).", DefaultValueFactory = _ => 20 }.Integer("a row count", 1, 50, "20");
        var instrument = new Option<string>("--instrument") { Description = "Instrument (default STK).", DefaultValueFactory = _ => "STK" };
        var location = new Option<string>("--location") { Description = "Location code (default STK.US.MAJOR).", DefaultValueFactory = _ => "STK.US.MAJOR" };
        var wait = new Option<double>("--timeout") { Description = "Seconds to wait for the results (default 20).", DefaultValueFactory = _ => 20 }.Seconds(max: 600);
        return GatewayVerb.Create("scan", "Show one result set of a market scanner (reqScannerSubscription).", stdout, stderr,
            [code, filters, rowsOption, instrument, location, wait], async (parse, ctx) =>
            {
                var scanFilters = (parse.GetValue(filters) ?? []).Select(f => new ScannerFilter(f[..f.IndexOf('=')], f[(f.IndexOf('=') + 1)..])).ToList();
                var spec = new ScannerSpec { ScanCode = parse.GetValue(code)!, Rows = parse.GetValue(rowsOption), Instrument = parse.GetValue(instrument)!, LocationCode = parse.GetValue(location)! };
                var timeout = TimeSpan.FromSeconds(parse.GetValue(wait));
                await using var inbox = ctx.NewInbox();
                inbox.Send(ctx.Client.Desk, new SubscribeScanner(spec, scanFilters));
                SubscriptionId? id = null;
                try
                {
                    using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ctx.Cancellation);
                    deadline.CancelAfter(timeout);
                    while (true)
                    {
                        var message = await inbox.ReceiveAsync(timeout, ctx.Cancellation).ConfigureAwait(false)
                            ?? throw new DeskRequestException(new RequestTimedOut(timeout));
                        switch (message)
                        {
                            case SubscriptionMessages.Subscribed s: id = s.Id; break;
                            case RequestFailed f: throw new DeskRequestException(f.Failure);
                            case SubscriptionMessages.SubscriptionEnded { Failure: { } failure }: throw new DeskRequestException(failure);
                            case ScannerResults results:
                                RowWriter.Write(ctx.Stdout, results.Rows.Select(ScanRow).ToList(), ctx.Json, $"the {spec.ScanCode} scan found nothing");
                                return 0;
                        }
                    }
                }
                finally
                {
                    if (id is { } sub) ctx.Client.Desk.Tell(new SubscriptionMessages.Unsubscribe(sub), inbox.Ref);
                }
            });
    }

    /// <summary>The first expiration from the gateway's today on, on SMART (the chain verb without --expiry shows the nearest one).</summary>
    private static async Task<string> NearestExpiry(VerbContext ctx, ContractSpec underlying)
    {
        var resolved = underlying;
        if (resolved.ConId is null)
        {
            var details = await ctx.Client.GetContractDetailsAsync(underlying, ctx.Cancellation).ConfigureAwait(false);
            if (details.Details.Count != 1) throw new DeskRequestException(new InvalidRequest($"{details.Details.Count} contracts match {underlying}; give --exchange or --sec-type"));
            resolved = underlying with { ConId = details.Details[0].ConId };
        }
        var parameters = await ctx.Client.GetOptionParametersAsync(resolved, "", ctx.Cancellation).ConfigureAwait(false);
        // The gateway's date, not this machine's: a gateway's day (a simulator's manual clock, another time zone) decides what has expired.
        var now = await ctx.Client.GetCurrentTimeAsync(ctx.Cancellation).ConfigureAwait(false);
        var today = now.GatewayTime.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return parameters.Sets.Where(s => s.Exchange == "SMART").SelectMany(s => s.Expirations).Where(e => string.CompareOrdinal(e, today) >= 0).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new DeskRequestException(new InvalidRequest($"{underlying.Symbol} has no unexpired options on SMART"));
    }

    /// <summary>One market data line per option, all at once; each ends at its first option computation or at the deadline.</summary>
    private static async Task<Dictionary<ConId, OptionGreeks>> Greeks(VerbContext ctx, IReadOnlyList<ChainOption> options, TimeSpan timeout)
    {
        var found = new Dictionary<ConId, OptionGreeks>();
        await using var inbox = ctx.NewInbox();
        foreach (var o in options) inbox.Send(ctx.Client.Desk, new SubscribeMarketData(o.Contract));
        var lines = new Dictionary<SubscriptionId, ConId>();
        var pending = options.Select(o => o.ConId).ToHashSet();
        var until = DateTimeOffset.UtcNow + timeout;
        try
        {
            while (pending.Count > 0 && until - DateTimeOffset.UtcNow is { } left && left > TimeSpan.Zero)
            {
                var message = await inbox.ReceiveAsync(left, ctx.Cancellation).ConfigureAwait(false);
                switch (message)
                {
                    case null: break;
                    case SubscriptionMessages.Subscribed { Request: SubscribeMarketData s } sub when s.Contract.ConId is { } conId: lines[sub.Id] = conId; break;
                    case OptionComputation c when lines.TryGetValue(c.Subscription, out var conId) && pending.Contains(conId):
                        // The model computation is the one with greeks for every option; bid/ask/last ones come only with trades and quotes.
                        if (c.Type is TickType.ModelOptionComputation || (int)c.Type == 83 || !found.ContainsKey(conId)) found[conId] = c.Greeks;
                        if (c.Type is TickType.ModelOptionComputation || (int)c.Type == 83) pending.Remove(conId);
                        break;
                }
            }
        }
        finally
        {
            foreach (var id in lines.Keys) ctx.Client.Desk.Tell(new SubscriptionMessages.Unsubscribe(id), inbox.Ref);
        }
        if (pending.Count > 0) ctx.Stderr.WriteLine($"desk options: no model greeks within {timeout.TotalSeconds:0.#} s for {pending.Count} of {options.Count} options (the market may be closed)");
        return found;
    }

    private static Row ChainRow(ChainOption o, OptionGreeks? g, bool withGreeks)
    {
        var row = new Row
        {
            { "expiry", o.Expiry },
            { "strike", o.Strike },
            { "right", WireNames.Of(o.Right) },
            { "conId", o.ConId.Value },
            { "localSymbol", o.Contract.LocalSymbol },
            { "tradingClass", o.TradingClass },
            { "multiplier", o.Multiplier },
        };
        if (!withGreeks) return row;
        // The model's doubles (0.297152347873642) read as noise in a table: 4 places there, the full value in --json.
        row.Add(new("impliedVol", Rounded(g?.ImpliedVolatility)));
        row.Add(new("delta", Rounded(g?.Delta)));
        row.Add(new("gamma", Rounded(g?.Gamma)));
        row.Add(new("vega", Rounded(g?.Vega)));
        row.Add(new("theta", Rounded(g?.Theta)));
        row.Add(new("optPrice", Rounded(g?.OptionPrice)));
        row.Add(new("undPrice", Rounded(g?.UnderlyingPrice)));
        return row;
    }

    private static Average? Rounded(decimal? value) => value is { } v ? new Average(v, 4) : null;

    private static Row ScanRow(ScannerRow r) => new()
    {
        { "rank", r.Rank },
        { "symbol", r.Contract.Symbol },
        { "secType", WireNames.Of(r.Contract.SecType) },
        { "conId", r.ConId.Value },
        { "exchange", r.Contract.Exchange },
        { "currency", r.Contract.Currency },
        { "marketName", r.MarketName },
        { "distance", r.Distance },
        { "benchmark", r.Benchmark },
        { "projection", r.Projection },
    };
}
