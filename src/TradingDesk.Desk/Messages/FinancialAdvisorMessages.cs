using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>
/// Financial Advisor configuration (requestFA / replaceFA), for FA logins. The XML is IB's, passed through
/// unchanged. Profiles are refused with InvalidRequest from the server version that removed them (177).
/// </summary>
public static class FinancialAdvisorMessages
{
    /// <summary>
    /// The FA configuration of one kind (requestFA → receiveFA; no request id on the wire, asks are serialised).
    /// Reply: <see cref="FaConfiguration"/>.
    /// </summary>
    public sealed record GetFaConfiguration(FaDataKind Kind) : IDeskCommand;

    public sealed record FaConfiguration(FaDataKind Kind, string Xml, DateTimeOffset LocalTime);

    /// <summary>Replace the FA configuration of one kind (replaceFA → replaceFAEnd). Reply: <see cref="FaConfigurationReplaced"/>. Not retried after a reconnect.</summary>
    public sealed record ReplaceFaConfiguration(FaDataKind Kind, string Xml) : IDeskCommand;

    /// <summary>Reply to <see cref="ReplaceFaConfiguration"/>: the gateway's text.</summary>
    public sealed record FaConfigurationReplaced(FaDataKind Kind, string Text, DateTimeOffset LocalTime);
}
