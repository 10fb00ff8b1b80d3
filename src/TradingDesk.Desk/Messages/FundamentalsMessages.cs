using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Messages;

/// <summary>Reuters fundamentals (reqFundamentalData). Sent by strategies to the desk; the reply goes to the sender.</summary>
public static class FundamentalsMessages
{
    /// <summary>One report for one contract. Reply: <see cref="FundamentalsReply"/>, or <see cref="ReportNotAvailable"/> (error 430).</summary>
    public sealed record GetFundamentals(ContractSpec Contract, FundamentalsReport Report) : IDeskCommand;

    /// <summary>Reply to <see cref="GetFundamentals"/>: the report's XML as the gateway sent it.</summary>
    public sealed record FundamentalsReply(FundamentalsReport Report, string Xml, DateTimeOffset LocalTime);
}

/// <summary>
/// The gateway has no such report for the contract (error 430: a contract it holds no fundamentals for, or a report
/// this login is not entitled to). Nothing is wrong with the request's shape: another report or contract may work.
/// </summary>
public sealed record ReportNotAvailable(string Contract, FundamentalsReport Report, string GatewayMessage)
    : DeskFailure($"the {ResearchWireNames.Of(Report)} report is not available for {Contract}: {GatewayMessage}");
