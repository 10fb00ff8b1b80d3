using System.Text.RegularExpressions;
using Akka.Actor;
using Akka.Event;
using IBApi.protobuf;
using TradingDesk.Desk.Gateway;

namespace TradingDesk.Desk.Routing;

// The market-rule answer path for errors. reqMarketRule carries no request id, so the gateway can only refuse one with
// an error of id -1, which would otherwise be a session notice and leave the asker to its deadline.
public sealed partial class RouterActor
{
    /// <summary>Whole numbers in an error's text: the candidates for the rule id it names.</summary>
    private static readonly Regex Numbers = new(@"(?<![\d.])\d{1,9}(?![\d.])", RegexOptions.CultureInvariant);

    /// <summary>
    /// True when the id -1 <paramref name="error"/> answers a market-rule ask in flight; it then goes to that ask's
    /// request actor under the ask's request id (so the asker gets the GatewayError as for any request) and is not
    /// published as a notice.
    /// <para>
    /// UNCONFIRMED: what a real gateway sends for an unknown rule id (the simulator sends 321 "Error validating
    /// request" with id -1 and the id in its text; a gateway may send another code, another text, or nothing). So the
    /// match leans on neither the code nor the wording: only an error that refuses a request is considered (IB's
    /// request errors, 100 to 999 and from 10,000; not the connectivity codes 1100 to 1102, nor the 2100s farm and
    /// warning notices), and it is matched to the ask whose rule id appears in its text as a whole number, the only
    /// one of those in flight that does; failing that, to the one rule ask in flight when no other request without a
    /// request id (those owned by kind) is, since then nothing else can have been refused. Anything else stays a
    /// notice and the ask keeps its deadline.
    /// </para>
    /// </summary>
    private bool ToMarketRuleAskByError(ErrorMessage error, GatewayMessages.Inbound inbound)
    {
        if (_ruleAsks.Count == 0 || !RefusesARequest(error.ErrorCode)) return false;
        var named = Numbers.Matches(error.ErrorMsg ?? "")
            .Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Where(_ruleAsks.ContainsKey).Distinct().ToList();
        int ruleId;
        if (named.Count == 1) ruleId = named[0];
        else if (named.Count == 0 && _ruleAsks.Count == 1 && _typeOwners.Values.All(o => o.Current is null)) ruleId = _ruleAsks.Keys.First();
        else return false;

        var child = _ruleAsks[ruleId].Child;
        if (!_children.TryGetValue(child, out var info)) return false;
        var routed = error.Clone();
        routed.Id = info.RequestId;
        _log.Info("router: error {0} with id -1 answers the market-rule ask for rule {1}: {2}", error.ErrorCode, ruleId, error.ErrorMsg);
        child.Tell(inbound with { Message = routed });
        return true;
    }

    private static bool RefusesARequest(int code) => code is >= 100 and <= 999 or >= 10_000;
}
