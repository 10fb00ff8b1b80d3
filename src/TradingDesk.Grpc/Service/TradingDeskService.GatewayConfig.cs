using Grpc.Core;
using G = TradingDesk.Desk.Messages.GatewayConfigMessages;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Service;

// The gateway's own configuration: the desk's commands, so a gateway too old for them is refused in the desk's words
// (naming the server version), and an update with a bad value is INVALID_ARGUMENT before anything is sent.
// UpdateGatewayConfig is a trading call: the access interceptor refuses it to a read-only client.
internal sealed partial class TradingDeskService
{
    public override Task<W.GatewayConfig> GetGatewayConfig(W.GetGatewayConfig request, ServerCallContext context) =>
        Ask<G.GatewayConfig, W.GatewayConfig>(_desk, Read<G.GetGatewayConfig>(request), context, W.GatewayConfig.Parser);

    public override Task<W.GatewayConfigUpdated> UpdateGatewayConfig(W.UpdateGatewayConfig request, ServerCallContext context) =>
        Ask<G.GatewayConfigUpdated, W.GatewayConfigUpdated>(_desk, Read<G.UpdateGatewayConfig>(request), context, W.GatewayConfigUpdated.Parser);
}
