using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol.TextOnly;

namespace TradingDesk.Simulator.Gateway;

// API verification (verifyRequest / verifyMessage and their AndAuth forms) and the gateway's configuration
// (reqConfig / updateConfig, protobuf only from 219 / 221).
public sealed partial class PaperMarketBackend
{
    // The simulator is a gateway that does not use API verification: a verification attempt completes at once,
    // unsuccessfully, saying so (UNCONFIRMED: IB's text; no public capture shows a gateway's refusal).
    private const string VerificationNotUsed = "API verification is not in use on this gateway";

    private readonly GatewayConfigState _config = new();

    private bool OnSessionRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case VerifyRequest or VerifyMessageRequest:
                session.Send(new VerifyCompleted { IsSuccessful = false, ErrorText = VerificationNotUsed });
                return true;
            case VerifyAndAuthRequest or VerifyAndAuthMessage:
                session.Send(new VerifyAndAuthCompleted { IsSuccessful = false, ErrorText = VerificationNotUsed });
                return true;
            case ConfigRequest r:
                session.Send(_config.Snapshot(r.ReqId));
                return true;
            case UpdateConfigRequest r:
                session.Send(_config.Apply(r));
                return true;
            case PlaceOrderRequest r when _config.ReadOnlyApi:
                // A read-only API refuses orders (the text IB's gateway gives; the request code letters UNCONFIRMED).
                Market.UseOrderId(new Orders.OrderId(r.OrderId));
                session.Send(Server.GatewayErrors.Create(r.OrderId, 321, "Error validating request.-'bO' : cause - The API interface is currently in Read-Only mode.", Now));
                return true;
            default:
                return false;
        }
    }
}
