using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.DisplayGroupMessages;
using static TradingDesk.Desk.Messages.FinancialAdvisorMessages;
using static TradingDesk.Desk.Messages.MultiAccountMessages;
using static TradingDesk.Desk.Messages.SessionInfoMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// What is wrong with a session, multi-account, display-group or FA command before anything is sent, in words the
/// caller can act on; null when it may be sent. Pure. Text fields travel NUL-separated on IB's wire, so a control
/// character in one could split it into fields of the caller's choosing: such input never reaches the gateway.
/// </summary>
internal static class SessionValidation
{
    /// <summary>The server version that dropped FA profiles (IB folded them into groups).</summary>
    public const int FaProfilesRemoved = 177;
    private const int MaxName = 64;
    private const int MaxXml = 1 << 20;

    /// <param name="serverVersion">The gateway's version, 0 before the first handshake (version gates then wait for the gateway).</param>
    public static string? Problem(object command, int serverVersion) => command switch
    {
        GetMatchingSymbols c => Text("pattern", c.Pattern, MaxName, required: true),
        GetMarketRule c => c.RuleId > 0 ? null : $"market rule id {c.RuleId} is not a rule id: use one of contract details' MarketRuleIds",
        GetSmartComponents c => Text("BBO exchange", c.BboExchange, MaxName, required: true),
        SetServerLogLevel c => Enum.IsDefined(c.Level) ? null : $"server log level {(int)c.Level} is not one of 1 (system) .. 5 (detail)",
        GetFaConfiguration c => FaKind(c.Kind, serverVersion),
        ReplaceFaConfiguration c => FaKind(c.Kind, serverVersion) ?? Xml(c.Xml),
        SubscribePositionsMulti c => Account(c.Account, c.ModelCode),
        SubscribeAccountUpdatesMulti c => Account(c.Account, c.ModelCode),
        SubscribeDisplayGroup c => c.GroupId > 0 ? null : $"display group {c.GroupId} is not a group id: QueryDisplayGroups lists them",
        UpdateDisplayGroup c => Text("contract info", c.ContractInfo, MaxName, required: false),
        _ => null,
    };

    private static string? FaKind(FaDataKind kind, int serverVersion)
    {
        if (!Enum.IsDefined(kind)) return $"FA data kind {(int)kind} is not groups (1), profiles (2) or aliases (3)";
        return kind == FaDataKind.Profiles && serverVersion >= FaProfilesRemoved
            ? $"FA profiles were removed at server version {FaProfilesRemoved} (this gateway is {serverVersion}): allocation profiles are groups now"
            : null;
    }

    private static string? Xml(string? xml)
    {
        if (string.IsNullOrWhiteSpace(xml)) return "the FA configuration XML is empty";
        if (xml.Length > MaxXml) return $"the FA configuration XML is {xml.Length} characters; the desk sends at most {MaxXml}";
        return xml.Any(ch => ch < ' ' && ch is not ('\n' or '\r' or '\t')) ? "the FA configuration XML contains a control character" : null;
    }

    private static string? Account(AccountId account, string? modelCode)
    {
        if (Text("account", account.Value, MaxName, required: false) is { } a) return a;
        // Both may be empty: IB then answers for every managed account.
        return Text("model code", modelCode, MaxName, required: false);
    }

    private static string? Text(string what, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value)) return required ? $"the {what} is empty" : null;
        return TextChecks.Problem(what, value, max);
    }
}
