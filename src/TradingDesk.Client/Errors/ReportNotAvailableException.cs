using Grpc.Core;
using TradingDesk.Desk.Domain;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

/// <summary>
/// The gateway holds no such fundamentals report for the contract (IB error 430): the request was well formed, and
/// another report or contract may work. <see cref="Report"/> is null when the desk sent a report this client does not know.
/// </summary>
public sealed class ReportNotAvailableException(StatusCode code, W.ReportNotAvailable detail, W.Failure? failure, Exception? inner)
    : DeskCallException(code, DeskFailureKind.ReportNotAvailable, $"the report is not available for {detail.Contract}: {detail.GatewayMessage}", failure, inner)
{
    public string Contract { get; } = detail.Contract;
    // The wire numbers the reports from 1 (0 is UNSPECIFIED); a number past the known ones is a report of a newer schema,
    // which must read as unknown rather than as an undefined enum value.
    public FundamentalsReport? Report { get; } =
        System.Enum.IsDefined((FundamentalsReport)((int)detail.Report - 1)) ? (FundamentalsReport)((int)detail.Report - 1) : null;
    public string GatewayMessage { get; } = detail.GatewayMessage;
}
