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
    public FundamentalsReport? Report { get; } = detail.Report == W.FundamentalsReport.Unspecified ? null : (FundamentalsReport)((int)detail.Report - 1);
    public string GatewayMessage { get; } = detail.GatewayMessage;
}
