namespace TradingDesk.Client;

/// <summary>
/// The desk sent a message this client cannot read as the contract says (a decimal that is not one, a missing time, an
/// enum value this schema does not know). The message names the call and the field; the stream it came on has ended,
/// because a value read wrongly is worse than none.
/// </summary>
public sealed class DeskWireException(string call, string problem, Exception inner)
    : Exception($"{call}: the desk sent a malformed message ({problem})", inner)
{
    /// <summary>The call the message came on (e.g. StreamMarketData).</summary>
    public string Call { get; } = call;
}
