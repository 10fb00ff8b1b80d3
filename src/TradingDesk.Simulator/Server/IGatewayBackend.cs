using Google.Protobuf;

namespace TradingDesk.Simulator.Server;

/// <summary>
/// What answers a client's requests once its API has started: the paper market. Every call is made on the
/// gateway's single serial loop, one at a time, in arrival order per client, so a backend needs no locks.
/// </summary>
public interface IGatewayBackend
{
    /// <summary>The first order id a client may use (nextValidId after startApi and reqIds): above every id seen for that client.</summary>
    int NextValidOrderId(int clientId);

    /// <summary>A client finished startApi and got managedAccounts, nextValidId and the farm notices.</summary>
    void OnClientStarted(GatewaySession session);

    /// <summary>One decoded request that the connection layer does not answer itself.</summary>
    void OnRequest(GatewaySession session, IMessage request);

    /// <summary>The client's connection closed, for whatever reason; its subscriptions end.</summary>
    void OnClientClosed(GatewaySession session);
}
