using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Messages;
using static TradingDesk.Desk.Messages.ScannerMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// reqScannerParameters → scannerParameters. No request id: the router's "scanner-parameters" owner serialises askers.
/// The XML runs to megabytes, so it gets the contract-details deadline rather than the one-shot one.
/// </summary>
internal sealed class ScannerParametersPlan(GetScannerParameters command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.ContractDetails;
    public override IMessage Build(int requestId) => new ScannerParametersRequest();
    public override Step Accept(IMessage message, DateTimeOffset at) => message is ScannerParameters p
        ? new Step.Complete(new ScannerParametersXml(p.Xml, at))
        : Step.Continue.Instance;
}

/// <summary>
/// reqScannerSubscription / cancelScannerSubscription. Each scannerData message is a whole ranked result set (the text
/// protocol sends the rows of one scan in one message), so each becomes one <see cref="ScannerResults"/> item.
/// </summary>
internal sealed class ScannerStream(SubscribeScanner command) : StreamPlan
{
    public override object Command => command;
    public override IMessage Build(int id) => new ScannerSubscriptionRequest
    {
        ReqId = id, ScannerSubscription = OptionMapping.ToProto(command.Subscription, command.Filters),
    };
    public override IMessage Cancel(int id) => new CancelScannerSubscription { ReqId = id };
    public override object? Map(IMessage message, SubscriptionId sub, DateTimeOffset at) => message is ScannerData d
        ? new ScannerResults(sub, d.ScannerDataElement.Select(OptionMapping.ToRow).OrderBy(r => r.Rank).ToList(), at)
        : null;
    // The desk keeps to IB's limit itself (ScannerLimit); the gateway's own refusal still reaches the subscribers typed.
    public override DeskFailure? FailureFor(int code, string message) => ScannerLimit.FromGateway(code, message);
}
