using Grpc.Core;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// Gateway configuration, display groups and depth, as DeskScript.GatewayConfig says.
public sealed partial class ScriptedDesk
{
    public override Task<W.GatewayConfig> GetGatewayConfig(W.GetGatewayConfig request, ServerCallContext context) =>
        script.GatewayConfig.Answer(request, context);

    public override Task<W.GatewayConfigUpdated> UpdateGatewayConfig(W.UpdateGatewayConfig request, ServerCallContext context) =>
        script.UpdateGatewayConfig.Answer(request, context);

    public override Task StreamDisplayGroup(W.SubscribeDisplayGroup request, IServerStreamWriter<W.DisplayGroupEvent> responseStream, ServerCallContext context) =>
        script.DisplayGroup.Serve(request, responseStream, context);

    public override Task<W.DisplayGroupUpdateSent> UpdateDisplayGroup(W.UpdateDisplayGroup request, ServerCallContext context) =>
        script.UpdateDisplayGroup.Answer(request, context);

    public override Task StreamMarketDepth(W.SubscribeDepth request, IServerStreamWriter<W.MarketDepthEvent> responseStream, ServerCallContext context) =>
        script.MarketDepth.Serve(request, responseStream, context);
}
