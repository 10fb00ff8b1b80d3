using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests.Support;

// The gateway's configuration, display-group streams and the depth stream (where a reroute notice arrives).
public sealed partial class DeskScript
{
    public ScriptedUnary<W.GetGatewayConfig, W.GatewayConfig> GatewayConfig { get; } = new("GetGatewayConfig");
    public ScriptedUnary<W.UpdateGatewayConfig, W.GatewayConfigUpdated> UpdateGatewayConfig { get; } = new("UpdateGatewayConfig");
    public ScriptedStream<W.SubscribeDisplayGroup, W.DisplayGroupEvent> DisplayGroup { get; } = new();
    public ScriptedUnary<W.UpdateDisplayGroup, W.DisplayGroupUpdateSent> UpdateDisplayGroup { get; } = new("UpdateDisplayGroup");
    public ScriptedStream<W.SubscribeDepth, W.MarketDepthEvent> MarketDepth { get; } = new();
}
