using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.OrderEvents;

namespace TradingDesk.Cli.Commands;

/// <summary>A verb's end decided by an order event: the one line for stderr and the exit code.</summary>
public sealed record VerbEnd(int ExitCode, string Line);

/// <summary>
/// The order verbs' functional core: which order events end <c>desk order</c> and <c>desk cancel</c> at once, with
/// what line and exit code. Exit codes follow docs/cli-verbs.md: what the gateway does not know (error 200 no such
/// contract, 135 no such order) and an order whose state can no longer be known are 2; any other rejection is 1.
/// </summary>
public static class OrderVerbEnding
{
    /// <summary>The end <paramref name="message"/> makes for a verb about order <paramref name="id"/>, or null when it is not terminal.</summary>
    public static VerbEnd? Terminal(string verb, OrderId id, object message) => message switch
    {
        OrderRejected r when r.OrderId == id => Rejected(verb, r),
        OrderLost l when l.OrderId == id => Lost(verb, l),
        _ => null,
    };

    public static VerbEnd Rejected(string verb, OrderRejected rejected)
    {
        var failure = new GatewayError(rejected.Code, rejected.Reason, rejected.AdvancedRejectJson);
        var hint = rejected.Code switch
        {
            200 => "; check the symbol, --sec-type, --exchange, --currency (and --expiry for futures and options) with 'desk contract'",
            _ => "",
        };
        return new VerbEnd(GatewayVerb.ExitCodeFor(failure),
            $"desk {verb}: order {rejected.OrderId} rejected by the gateway (error {rejected.Code}: {OneLine(rejected.Reason)}){hint}");
    }

    public static VerbEnd Lost(string verb, OrderLost lost) => new(Program.BadInput,
        $"desk {verb}: order {lost.OrderId} is lost: {OneLine(lost.Reason)}; its state at the gateway is unknown, check 'desk orders' and 'desk executions'");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
