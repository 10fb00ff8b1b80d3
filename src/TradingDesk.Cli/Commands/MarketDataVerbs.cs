using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Market data verbs: <c>desk quote SYMBOL [--count N]</c> (streaming level 1, one row per quote change) and
/// <c>desk bars SYMBOL --duration "1 D" --bar-size "5 mins" [--what TRADES] [--end ...] [--all-hours]</c>
/// (historical bars). Both show progress on stderr while waiting, only when stderr is a terminal.
/// </summary>
public static partial class MarketDataVerbs
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr) => [Quote(stdout, stderr), Bars(stdout, stderr)];

    private static Option<double> TimeoutOption(double seconds, string what) => new Option<double>("--timeout")
    {
        Description = $"Seconds to wait for {what} (default {seconds}).",
        DefaultValueFactory = _ => seconds,
    }.Seconds(max: 3600);

    /// <summary>
    /// <c>desk quote SYMBOL [--count N]</c>: subscribes to level-1 data and prints N quotes (bid, sizes, ask, last, …),
    /// one each time the quote changes (ticks that arrive together make one quote), then unsubscribes.
    /// </summary>
    public static Command Quote(TextWriter stdout, TextWriter stderr)
    {
        var contract = new ContractOptions(withExpiry: true);
        var count = new Option<int>("--count") { Description = "How many quotes to print (default 1).", DefaultValueFactory = _ => 1 }
            .Integer("a count of quotes", 1, 1_000_000, "10");
        var timeout = TimeoutOption(30, "each quote");
        return GatewayVerb.Create("quote", "Print live quotes of a contract (reqMktData).", stdout, stderr, [.. contract.Symbols, count, timeout],
            async (parse, ctx) =>
            {
                var target = contract.Build(parse);
                var wanted = parse.GetValue(count);
                var wait = TimeSpan.FromSeconds(parse.GetValue(timeout));
                await using var inbox = ctx.NewInbox();
                inbox.Send(ctx.Client.Desk, new SubscribeMarketData(target));
                var quote = new QuoteState(target.Symbol);
                var table = ctx.Json ? null : new StreamingTable(ctx.Stdout);
                SubscriptionId? id = null;
                var printed = 0;
                try
                {
                    while (printed < wanted)
                    {
                        object? message;
                        using (Progress.Start(ctx.Stderr, $"waiting for {target.Symbol} quotes ({printed}/{wanted})"))
                            message = await inbox.ReceiveAsync(wait, ctx.Cancellation).ConfigureAwait(false);
                        if (message is null && printed == 0) throw new DeskRequestException(new RequestTimedOut(wait));
                        if (message is null)
                        {
                            ctx.Stderr.WriteLine($"desk quote: the {target.Symbol} quote did not change within {wait.TotalSeconds:0.#} s after {printed} of {wanted} quotes; " +
                                "the market may be closed (raise --timeout or lower --count)");
                            return 1;
                        }
                        var changed = Apply(message, quote, ref id);
                        while (inbox.TryReceive(out var more)) changed |= Apply(more, quote, ref id); // a burst is one quote
                        if (!changed || !quote.HasPrice) continue;
                        var row = quote.ToRow();
                        if (table is null) ctx.Stdout.WriteLine(RowWriter.Json(row));
                        else table.Write(row);
                        printed++;
                    }
                }
                finally
                {
                    if (id is { } sub) ctx.Client.Desk.Tell(new SubscriptionMessages.Unsubscribe(sub), inbox.Ref);
                }
                return 0;
            });
    }

    private static bool Apply(object message, QuoteState quote, ref SubscriptionId? id)
    {
        switch (message)
        {
            case SubscriptionMessages.Subscribed subscribed:
                id = subscribed.Id;
                return false;
            case RequestFailed failed:
                throw new DeskRequestException(failed.Failure);
            case SubscriptionMessages.SubscriptionEnded { Failure: { } failure }:
                throw new DeskRequestException(failure);
            case Tick tick:
                return quote.Apply(tick);
            // The gateway has no data of this contract's own (IB does this for CFDs): no quote will come on this line.
            case LineNotices.LineRerouted r:
                throw new DeskRequestException(new InvalidRequest(
                    $"the gateway has no quotes of {quote.Symbol} as asked and points to contract {r.ConId.Value} on {r.Exchange} instead (IB does this for CFDs); quote that contract"));
            default:
                return false;
        }
    }

    /// <summary>The latest level-1 values; field names as IB's tick types.</summary>
    private sealed class QuoteState(string symbol)
    {
        public string Symbol => symbol;
        private decimal? _bid, _bidSize, _ask, _askSize, _last, _lastSize, _high, _low, _close, _volume;
        private DateTimeOffset _time;

        /// <summary>Both sides of the book, or (for contracts without one, e.g. indexes) a last price and no side yet.</summary>
        public bool HasPrice => (_bid is not null && _ask is not null) || (_last is not null && _bid is null && _ask is null);

        public bool Apply(Tick tick)
        {
            _time = tick.LocalTime;
            switch (tick.Type)
            {
                case TickType.Bid or TickType.DelayedBid: return Set(ref _bid, tick.Price) | Set(ref _bidSize, tick.Size);
                case TickType.Ask or TickType.DelayedAsk: return Set(ref _ask, tick.Price) | Set(ref _askSize, tick.Size);
                case TickType.Last or TickType.DelayedLast: return Set(ref _last, tick.Price) | Set(ref _lastSize, tick.Size);
                case TickType.BidSize or TickType.DelayedBidSize: return Set(ref _bidSize, tick.Size);
                case TickType.AskSize or TickType.DelayedAskSize: return Set(ref _askSize, tick.Size);
                case TickType.LastSize or TickType.DelayedLastSize: return Set(ref _lastSize, tick.Size);
                case TickType.High or TickType.DelayedHigh: return Set(ref _high, tick.Price);
                case TickType.Low or TickType.DelayedLow: return Set(ref _low, tick.Price);
                case TickType.Close or TickType.DelayedClose: return Set(ref _close, tick.Price);
                case TickType.Volume or TickType.DelayedVolume: return Set(ref _volume, tick.Size);
                default: return false;
            }
        }

        private static bool Set(ref decimal? field, decimal? value)
        {
            if (value is null || field == value) return false;
            field = value;
            return true;
        }

        public Row ToRow() => new()
        {
            { "time", _time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) },
            { "symbol", symbol },
            { "bidSize", _bidSize },
            { "bid", _bid },
            { "ask", _ask },
            { "askSize", _askSize },
            { "last", _last },
            { "lastSize", _lastSize },
            { "high", _high },
            { "low", _low },
            { "close", _close },
            { "volume", _volume },
        };
    }

    /// <summary>A table printed row by row as data arrives: fixed column widths, header before the first row.</summary>
    private sealed class StreamingTable(TextWriter stdout)
    {
        private List<string>? _headers;
        private List<int>? _widths;

        public void Write(Row row)
        {
            if (_headers is null)
            {
                _headers = row.Select(c => c.Key).ToList();
                _widths = _headers.Select(h => Math.Max(h.Length, h == "symbol" ? 8 : 12)).ToList();
                stdout.WriteLine(string.Join("  ", _headers.Select((h, i) => i < 2 ? h.PadRight(_widths[i]) : h.PadLeft(_widths[i]))).TrimEnd());
                stdout.WriteLine(string.Join("  ", _widths.Select(w => new string('-', w))));
            }
            stdout.WriteLine(string.Join("  ", row.Select((c, i) => i < 2 ? RowWriter.Text(c.Value).PadRight(_widths![i]) : RowWriter.Text(c.Value).PadLeft(_widths![i]))).TrimEnd());
            stdout.Flush();
        }
    }

    private static readonly string[] BarSizes =
    [
        "1 secs", "5 secs", "10 secs", "15 secs", "30 secs", "1 min", "2 mins", "3 mins", "5 mins", "10 mins", "15 mins", "20 mins",
        "30 mins", "1 hour", "2 hours", "3 hours", "4 hours", "8 hours", "1 day", "1 week", "1 month",
    ];

    private static readonly Dictionary<string, WhatToShow> WhatNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["TRADES"] = WhatToShow.Trades, ["MIDPOINT"] = WhatToShow.Midpoint, ["BID"] = WhatToShow.Bid, ["ASK"] = WhatToShow.Ask,
        ["BID_ASK"] = WhatToShow.BidAsk, ["HISTORICAL_VOLATILITY"] = WhatToShow.HistoricalVolatility,
        ["OPTION_IMPLIED_VOLATILITY"] = WhatToShow.OptionImpliedVolatility, ["ADJUSTED_LAST"] = WhatToShow.AdjustedLast,
    };

    [GeneratedRegex(@"^[1-9][0-9]{0,5} [SDWMY]$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\d{8}([ -]\d{2}:\d{2}:\d{2}( [A-Za-z_/+-]+)?)?$")]
    private static partial Regex EndPattern();

    /// <summary>"yyyyMMdd[-HH:mm:ss | HH:mm:ss[ Zone]]" with a real date and time of day.</summary>
    public static bool IsEnd(string text) =>
        EndPattern().IsMatch(text)
        && DateOnly.TryParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
        && (text.Length == 8 || TimeOnly.TryParseExact(text[9..17], "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    /// <summary><c>desk bars SYMBOL --duration "1 D" --bar-size "5 mins" [--what TRADES] [--end "yyyyMMdd-HH:mm:ss"] [--all-hours]</c> (reqHistoricalData).</summary>
    public static Command Bars(TextWriter stdout, TextWriter stderr)
    {
        var contract = new ContractOptions(withExpiry: true);
        var duration = new Option<string>("--duration") { Description = "How far back, IB style: \"1 D\", \"2 W\", \"3600 S\", \"1 M\", \"1 Y\" (default \"1 D\").", DefaultValueFactory = _ => "1 D" };
        duration.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "1 D";
            if (!DurationPattern().IsMatch(text)) r.AddError($"--duration must be a count and a unit S, D, W, M or Y such as \"1 D\", not '{text}'");
        });
        var barSize = new Option<string>("--bar-size") { Description = "Bar size, IB style: \"1 min\", \"5 mins\", \"1 hour\", \"1 day\", … (default \"5 mins\").", DefaultValueFactory = _ => "5 mins" };
        barSize.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "5 mins";
            if (!BarSizes.Contains(text)) r.AddError($"--bar-size must be one of IB's sizes ({string.Join(", ", BarSizes)}), not '{text}'");
        });
        var what = new Option<string>("--what") { Description = "TRADES, MIDPOINT, BID, ASK, BID_ASK, ADJUSTED_LAST, … (default TRADES).", DefaultValueFactory = _ => "TRADES" };
        what.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "TRADES";
            if (!WhatNames.ContainsKey(text)) r.AddError($"--what must be one of {string.Join(", ", WhatNames.Keys)}, not '{text}'");
        });
        var end = new Option<string?>("--end") { Description = "End of the period: \"yyyyMMdd-HH:mm:ss\" (UTC) or \"yyyyMMdd HH:mm:ss Zone\" (default now)." };
        end.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : null;
            if (text is not null && !IsEnd(text)) r.AddError($"--end must be \"yyyyMMdd-HH:mm:ss\" (UTC) or \"yyyyMMdd HH:mm:ss Zone\", not '{text}'");
        });
        var allHours = new Option<bool>("--all-hours") { Description = "Include bars outside regular trading hours (useRTH=0)." };
        return GatewayVerb.Create("bars", "Print historical bars (reqHistoricalData).", stdout, stderr,
            [.. contract.Symbols, duration, barSize, what, end, allHours], async (parse, ctx) =>
            {
                var target = contract.Build(parse);
                var request = new GetHistoricalBars(target, parse.GetValue(duration)!, parse.GetValue(barSize)!, WhatNames[parse.GetValue(what)!],
                    UseRth: !parse.GetValue(allHours), EndDateTime: parse.GetValue(end) ?? "");
                HistoricalBars reply;
                using (Progress.Start(ctx.Stderr, $"waiting for {request.Duration} of {request.BarSize} {target.Symbol} bars"))
                    reply = await ctx.Client.GetHistoricalBarsAsync(request, ctx.Cancellation).ConfigureAwait(false);
                var rows = reply.Bars.Select(b => new Row
                {
                    { "date", b.Time },
                    { "open", b.Open },
                    { "high", b.High },
                    { "low", b.Low },
                    { "close", b.Close },
                    { "volume", b.Volume },
                    { "wap", b.Wap },
                    { "barCount", b.Count },
                }).ToList();
                RowWriter.Write(ctx.Stdout, rows, ctx.Json, "no bars");
                return 0;
            });
    }
}
