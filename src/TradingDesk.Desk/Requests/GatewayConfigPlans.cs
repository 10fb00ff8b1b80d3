using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using D = TradingDesk.Desk.Messages.GatewayConfigMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>reqConfig → configResponse (both carry the request id). A read: safe to retry.</summary>
internal sealed class GatewayConfigPlan(D.GetGatewayConfig command) : RequestPlan
{
    public override object Command => command;
    public override bool SafeToRetry => true;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => new ConfigRequest { ReqId = requestId };
    public override Step Accept(IMessage message, DateTimeOffset at) => message is ConfigResponse r
        ? new Step.Complete(new D.GatewayConfig(GatewayConfigMapping.ToDesk(r), at))
        : Step.Continue.Instance;
}

/// <summary>
/// updateConfig → updateConfigResponse. A write: not re-sent after a reconnect (the gateway may have applied it).
/// A FAILED status is the gateway's answer, not a desk failure: the reply carries its errors for the caller to read.
/// </summary>
internal sealed class UpdateGatewayConfigPlan(D.UpdateGatewayConfig command) : RequestPlan
{
    public override object Command => command;
    public override TimeSpan Timeout(RequestTimeouts t) => t.OneShot;
    public override IMessage Build(int requestId) => GatewayConfigMapping.ToProto(command, requestId);
    public override Step Accept(IMessage message, DateTimeOffset at) => message is UpdateConfigResponse r
        ? new Step.Complete(new D.GatewayConfigUpdated(r.Status, r.Message, r.ChangedFields.ToList(), r.Errors.ToList(),
            r.Warnings.Select(w => new ConfigWarning(w.MessageId, w.Title, w.Message)).ToList(), at))
        : Step.Continue.Instance;
}
