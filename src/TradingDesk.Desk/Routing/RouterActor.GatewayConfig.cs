using Akka.Actor;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using static TradingDesk.Desk.Messages.GatewayConfigMessages;

namespace TradingDesk.Desk.Routing;

// The gateway's own configuration: one-shots with a request id, checked against the server version of the last
// handshake first (reqConfig from 219, updateConfig from 221), like the session commands.
public sealed partial class RouterActor
{
    private void ReceiveGatewayConfig()
    {
        Receive<GetGatewayConfig>(c => CheckedConfig(c, () => StartRequest(new GatewayConfigPlan(c))));
        Receive<UpdateGatewayConfig>(c => CheckedConfig(c, () => StartRequest(new UpdateGatewayConfigPlan(c))));
    }

    private void CheckedConfig(object command, Action start)
    {
        if (GatewayConfigValidation.Problem(command, _serverVersion) is { } problem) Sender.Tell(new RequestFailed(command, new InvalidRequest(problem)));
        else start();
    }
}
