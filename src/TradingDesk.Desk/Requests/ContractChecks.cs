using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// What is wrong with a contract a command would send, before anything is sent: it needs a symbol or a conId, and
/// none of its text may carry a control character (a forged field in a text frame) or run past 128 characters. Pure;
/// shared by every family that sends a contract.
/// </summary>
internal static class ContractChecks
{
    private const int MaxText = 128;

    public static string? Problem(ContractSpec c)
    {
        if (string.IsNullOrWhiteSpace(c.Symbol) && c.ConId is null) return "the contract needs a symbol or a conId";
        return Text("symbol", c.Symbol) ?? Text("exchange", c.Exchange) ?? Text("currency", c.Currency) ?? Text("primary exchange", c.PrimaryExchange)
            ?? Text("expiry", c.LastTradeDateOrContractMonth) ?? Text("multiplier", c.Multiplier) ?? Text("local symbol", c.LocalSymbol)
            ?? Text("trading class", c.TradingClass) ?? Text("sec id type", c.SecIdType) ?? Text("sec id", c.SecId);
    }

    private static string? Text(string what, string? text) => TextChecks.Problem(what, text, MaxText);
}
