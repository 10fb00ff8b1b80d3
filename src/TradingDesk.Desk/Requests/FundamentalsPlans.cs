using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.FundamentalsMessages;
using static TradingDesk.Desk.Messages.WshMessages;
using WshMetaData = TradingDesk.Desk.Messages.WshMessages.WshMetaData;

namespace TradingDesk.Desk.Requests;

/// <summary>reqFundamentalData → fundamentalData (the XML), or error 430 → <see cref="ReportNotAvailable"/>.</summary>
internal sealed class FundamentalsPlan(GetFundamentals command) : RequestPlan
{
    /// <summary>"We are sorry, but fundamentals data for the security specified is not available."</summary>
    public const int NotAvailable = 430;

    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.ContractDetails;
    public override IMessage Build(int requestId) => new FundamentalsDataRequest
    {
        ReqId = requestId, Contract = command.Contract.ToProto(), ReportType = ResearchWireNames.Of(command.Report),
    };
    public override IMessage? Cancel(int requestId) => new CancelFundamentalsData { ReqId = requestId };
    public override DeskFailure? FailureFor(int code, string message) =>
        code == NotAvailable ? new ReportNotAvailable(command.Contract.ToString(), command.Report, message) : null;
    public override Step Accept(IMessage message, DateTimeOffset at) => message is FundamentalsData d
        ? new Step.Complete(new FundamentalsReply(command.Report, d.Data, at))
        : Step.Continue.Instance;
}

/// <summary>reqWshMetaData → wshMetaData (JSON). A read: safe to retry.</summary>
internal sealed class WshMetaDataPlan(GetWshMetaData command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new WshMetaDataRequest { ReqId = requestId };
    public override IMessage? Cancel(int requestId) => new CancelWshMetaData { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is IBApi.protobuf.WshMetaData d
        ? new Step.Complete(new WshMetaData(d.DataJson, at))
        : Step.Continue.Instance;
}

/// <summary>reqWshEventData → wshEventData (JSON, one message for the whole answer). A read: safe to retry.</summary>
internal sealed class WshEventsPlan(GetWshEvents command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.ContractDetails;
    public override IMessage Build(int requestId)
    {
        var r = new WshEventDataRequest
        {
            ReqId = requestId, Filter = command.FilterJson ?? "", StartDate = command.StartDate ?? "", EndDate = command.EndDate ?? "",
            FillWatchlist = command.FillWatchlist, FillPortfolio = command.FillPortfolio, FillCompetitors = command.FillCompetitors,
        };
        if (command.ConId is { } conId) r.ConId = conId.Value;
        if (command.Limit is { } limit) r.TotalLimit = limit;
        return r;
    }
    public override IMessage? Cancel(int requestId) => new CancelWshEventData { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is WshEventData d
        ? new Step.Complete(new WshEvents(d.DataJson, at))
        : Step.Continue.Instance;
}
