using System.CommandLine;
using System.Globalization;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.OrderCommands;
using static TradingDesk.Desk.Messages.OrderEvents;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// Order verbs: <c>desk order buy|sell QTY SYMBOL [--limit P] [--stop P] [--tif DAY|GTC] [--round MODE]</c>, <c>desk cancel ORDER_ID</c>,
/// <c>desk orders</c> (open orders of the account), <c>desk executions</c>. Orders are placed under the strategy id
/// <see cref="StrategyName"/> with the verb's client id; a later <c>desk cancel</c> must use the same <c>--client-id</c>
/// (IB lets only the placing client, or client 0, cancel an order).
/// </summary>
public static class OrderVerbs
{
    public const string StrategyName = "cli";

    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr) =>
        [Place(stdout, stderr), Cancel(stdout, stderr), Orders(stdout, stderr), Executions(stdout, stderr)];

    private static Option<double> WaitOption() => new Option<double>("--wait")
    {
        Description = "Seconds to wait for the gateway's order status before returning (default 5).",
        DefaultValueFactory = _ => 5,
    }.Seconds(max: 600, zeroAllowed: true);

    private static Option<decimal?> PriceOption(string name, string description) => new Option<decimal?>(name) { Description = description }.Price();

    /// <summary><c>desk order buy|sell QTY SYMBOL</c>: market without prices, LMT with --limit, STP with --stop, STP LMT with both.</summary>
    public static Command Place(TextWriter stdout, TextWriter stderr)
    {
        var action = new Argument<string>("ACTION") { Description = "buy or sell." };
        action.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (!text.Equals("buy", StringComparison.OrdinalIgnoreCase) && !text.Equals("sell", StringComparison.OrdinalIgnoreCase))
                r.AddError($"ACTION must be buy or sell, not '{text}'");
        });
        var quantity = new Argument<decimal>("QTY") { Description = "Quantity (shares, contracts)." }.Quantity();
        var contract = new ContractOptions(withExpiry: true);
        var limit = PriceOption("--limit", "Limit price (a LMT order; with --stop a STP LMT order).");
        var stop = PriceOption("--stop", "Stop trigger price (a STP order; with --limit a STP LMT order).");
        var tif = new Option<string>("--tif") { Description = "Time in force: DAY or GTC (default DAY).", DefaultValueFactory = _ => "DAY" };
        tif.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "DAY";
            if (!text.Equals("DAY", StringComparison.OrdinalIgnoreCase) && !text.Equals("GTC", StringComparison.OrdinalIgnoreCase))
                r.AddError($"--tif must be DAY or GTC, not '{text}'");
        });
        var round = RoundOption();
        var wait = WaitOption();
        return GatewayVerb.Create("order", "Place an order: desk order buy|sell QTY SYMBOL [--limit P] [--stop P] [--tif DAY|GTC] [--round nearest|down|up|reject|off].", stdout, stderr,
            [action, quantity, .. contract.Symbols, limit, stop, tif, round, wait], async (parse, ctx) =>
            {
                var side = parse.GetValue(action)!.Equals("buy", StringComparison.OrdinalIgnoreCase) ? OrderAction.Buy : OrderAction.Sell;
                var qty = parse.GetValue(quantity);
                var (lmt, stp) = (parse.GetValue(limit), parse.GetValue(stop));
                var spec = (lmt, stp) switch
                {
                    ({ } l, { } s) => Order.StopLimit(side, qty, s, l),
                    ({ } l, null) => Order.Limit(side, qty, l),
                    (null, { } s) => Order.Stop(side, qty, s),
                    _ => Order.Market(side, qty),
                };
                spec = spec with
                {
                    TimeInForce = parse.GetValue(tif)!.Equals("GTC", StringComparison.OrdinalIgnoreCase) ? TimeInForce.GoodTillCancel : TimeInForce.Day,
                    PriceRounding = Rounding(parse.GetValue(round)),
                };
                var target = contract.Build(parse);

                await using var inbox = ctx.NewInbox();
                // Also subscribe to every order event: the status reaches the verb even if the desk routes the order's
                // events to another owner of the strategy id "cli". Duplicates are harmless (the latest status wins).
                inbox.Send(ctx.Client.Desk, new SubscribeOrderUpdates());
                inbox.Send(ctx.Client.Desk, new PlaceOrder(target, spec, new StrategyId(StrategyName)));
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(parse.GetValue(wait));
                OrderId? id = null;
                OrderStatusChanged? status = null;
                // The prices the gateway holds: with --round (or a desk default) they are the rounded ones, not the typed ones.
                OrderSnapshot? open = null;
                while (true)
                {
                    var left = id is null ? TimeSpan.FromSeconds(30) : deadline - DateTime.UtcNow; // the acceptance itself is immediate
                    var message = left <= TimeSpan.Zero ? null : await inbox.ReceiveAsync(left, ctx.Cancellation).ConfigureAwait(false);
                    if (message is null) break;
                    switch (message)
                    {
                        case RequestFailed failed:
                            throw new DeskRequestException(failed.Failure);
                        case OrderAccepted accepted:
                            id = accepted.OrderId;
                            break;
                        case IOrderEvent when id is { } ours && OrderVerbEnding.Terminal("order", ours, message) is { } end:
                            // A rejection (any code) or a lost order ends the verb now, not after --wait.
                            ctx.Stderr.WriteLine(end.Line);
                            return end.ExitCode;
                        case OpenOrderUpdated update when update.OrderId == id:
                            open = update.Order;
                            break;
                        case OrderStatusChanged changed when changed.OrderId == id:
                            status = changed;
                            // The gateway's 201 (with the reason) may follow an Inactive status: give it a moment.
                            if (changed.Status == OrderStatus.Inactive) deadline = Min(deadline, DateTime.UtcNow + TimeSpan.FromSeconds(2));
                            break;
                    }
                    if (status is { } s && s.Status != OrderStatus.Inactive && (s.Status.IsDone() || (s.Status is OrderStatus.Submitted or OrderStatus.PreSubmitted && spec.Type != OrderType.Market)))
                        break;
                }
                if (id is null) throw new DeskRequestException(new RequestTimedOut(TimeSpan.FromSeconds(30)));
                if (status?.Status == OrderStatus.Inactive)
                {
                    ctx.Stderr.WriteLine($"desk order: order {id} is inactive (the gateway did not accept it; check permissions, funds and the contract)");
                    return 1;
                }
                var row = new Row
                {
                    { "orderId", id.Value.Value },
                    { "permId", status?.PermId?.Value },
                    { "action", WireNames.Of(spec.Action) },
                    { "totalQuantity", spec.Quantity },
                    { "symbol", target.Symbol },
                    { "secType", WireNames.Of(target.SecType) },
                    { "orderType", WireNames.Of(spec.Type) },
                    { "lmtPrice", open is null ? spec.LimitPrice : open.LimitPrice },
                    { "auxPrice", open is null ? spec.AuxPrice : open.AuxPrice },
                    { "tif", WireNames.Of(spec.TimeInForce) },
                    { "status", status?.Status.ToString() ?? "Sent" },
                    { "filled", status?.Filled ?? 0m },
                    { "remaining", status?.Remaining ?? spec.Quantity },
                    { "avgFillPrice", Average.Of(status?.AvgFillPrice, target.SecType) },
                };
                RowWriter.Write(ctx.Stdout, [row], ctx.Json, "");
                return 0;
            });
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static readonly string[] RoundingNames = ["nearest", "down", "up", "reject", "off"];

    /// <summary>
    /// --round: how the desk puts --limit and --stop on the contract's market rule before sending (the desk looks the
    /// rule up); without it the desk's default applies (Off unless configured: sent as given, the gateway judges).
    /// </summary>
    private static Option<string?> RoundOption()
    {
        var round = new Option<string?>("--round")
        {
            Description = "Round --limit/--stop to the contract's market rule before sending: nearest, down, up, reject (refuse an off-grid price, naming the valid neighbours) or off (send as given). Default: the desk's DefaultPriceRounding.",
        };
        round.Validators.Add(r =>
        {
            var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
            if (!RoundingNames.Contains(text, StringComparer.OrdinalIgnoreCase))
                r.AddError($"--round must be one of {string.Join(", ", RoundingNames)}, not '{text}'");
        });
        return round;
    }

    private static PriceRounding? Rounding(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        "nearest" => PriceRounding.Nearest,
        "down" => PriceRounding.Down,
        "up" => PriceRounding.Up,
        "reject" => PriceRounding.Reject,
        _ => PriceRounding.Off,
    };

    /// <summary><c>desk cancel ORDER_ID</c>: cancels a working order placed with the same client id; waits for Cancelled.</summary>
    public static Command Cancel(TextWriter stdout, TextWriter stderr)
    {
        var orderId = new Argument<int>("ORDER_ID") { Description = "The order id (as 'desk orders' lists it)." }
            .Integer("an order id", 1, int.MaxValue, "42");
        var wait = WaitOption();
        return GatewayVerb.Create("cancel", "Cancel a working order by id.", stdout, stderr, [orderId, wait], async (parse, ctx) =>
        {
            var id = new OrderId(parse.GetValue(orderId));
            await using var inbox = ctx.NewInbox();
            inbox.Send(ctx.Client.Desk, new SubscribeOrderUpdates());
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(parse.GetValue(wait));
            var sent = false;
            OrderStatusChanged? status = null;
            while (true)
            {
                var left = sent ? deadline - DateTime.UtcNow : TimeSpan.FromSeconds(30);
                var message = left <= TimeSpan.Zero ? null : await inbox.ReceiveAsync(left, ctx.Cancellation).ConfigureAwait(false);
                if (message is null) break;
                switch (message)
                {
                    case SubscriptionMessages.Subscribed:
                        inbox.Send(ctx.Client.Desk, new CancelOrder(id));
                        break;
                    case CancelSent:
                        sent = true;
                        break;
                    case RequestFailed failed:
                        throw new DeskRequestException(failed.Failure);
                    case OrderStatusChanged changed when changed.OrderId == id:
                        status = changed;
                        break;
                    case IOrderEvent when OrderVerbEnding.Terminal("cancel", id, message) is { } end:
                        ctx.Stderr.WriteLine(end.Line);
                        return end.ExitCode;
                }
                if (status is { } s && s.Status.IsDone()) break;
            }
            if (!sent) throw new DeskRequestException(new RequestTimedOut(TimeSpan.FromSeconds(30)));
            if (status?.Status == OrderStatus.Filled)
            {
                ctx.Stderr.WriteLine($"desk cancel: order {id} was already filled");
                return 1;
            }
            RowWriter.Write(ctx.Stdout, [new Row
            {
                { "orderId", id.Value },
                { "status", status?.Status.ToString() ?? "CancelSent" },
                { "filled", status?.Filled },
                { "remaining", status?.Remaining },
            }], ctx.Json, "");
            return 0;
        });
    }

    /// <summary><c>desk orders</c>: every open order of the account (reqAllOpenOrders).</summary>
    public static Command Orders(TextWriter stdout, TextWriter stderr) =>
        GatewayVerb.Create("orders", "List the account's open orders (reqAllOpenOrders).", stdout, stderr, [], async (_, ctx) =>
        {
            var reply = await ctx.Client.AskAsync<OpenOrders>(new GetOpenOrders(), ctx.Cancellation).ConfigureAwait(false);
            var rows = reply.Orders.OrderBy(o => o.OrderId.Value).Select(o => new Row
            {
                { "orderId", o.OrderId.Value },
                { "permId", o.PermId?.Value },
                { "clientId", o.ClientId },
                { "account", o.Account },
                { "symbol", o.Contract?.Symbol },
                { "secType", o.Contract is { } c ? WireNames.Of(c.SecType) : null },
                { "action", o.Action },
                { "totalQuantity", o.TotalQuantity },
                { "orderType", o.OrderType },
                { "lmtPrice", o.LimitPrice },
                { "auxPrice", o.AuxPrice },
                { "status", o.Status.ToString() },
                { "filled", o.FilledQuantity },
            }).ToList();
            RowWriter.Write(ctx.Stdout, rows, ctx.Json, "no open orders");
            return 0;
        });

    /// <summary><c>desk executions [--symbol S]</c>: today's executions the gateway reports for this client (reqExecutions).</summary>
    public static Command Executions(TextWriter stdout, TextWriter stderr)
    {
        var symbol = new Option<string?>("--symbol") { Description = "Only executions of this symbol." };
        return GatewayVerb.Create("executions", "List executions (reqExecutions).", stdout, stderr, [symbol], async (parse, ctx) =>
        {
            var filter = ExecutionQuery.All with { Symbol = parse.GetValue(symbol)?.ToUpperInvariant() };
            var reply = await ctx.Client.AskAsync<OrderEvents.Executions>(new GetExecutions(filter), ctx.Cancellation).ConfigureAwait(false);
            var rows = reply.Fills.OrderBy(f => f.GatewayTime ?? f.LocalTime).Select(f => new Row
            {
                { "execId", f.ExecId.Value },
                { "orderId", f.OrderId.Value },
                { "permId", f.PermId?.Value },
                { "time", (f.GatewayTime ?? f.LocalTime).UtcDateTime.ToString("yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture) },
                { "acctNumber", f.Account },
                { "symbol", f.Contract?.Symbol },
                { "secType", f.Contract is { } c ? WireNames.Of(c.SecType) : null },
                { "side", f.Side },
                { "shares", f.Quantity },
                { "price", f.Price },
                { "cumQty", f.CumulativeQuantity },
                { "avgPrice", Average.Of(f.AvgPrice, f.Contract?.SecType) },
                { "exchange", f.Exchange },
            }).ToList();
            RowWriter.Write(ctx.Stdout, rows, ctx.Json, "no executions");
            return 0;
        });
    }
}
