using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol;

namespace TradingDesk.Simulator.Server;

// Requests the connection layer answers itself: startApi, ids, managed accounts, current time.
// Everything else goes to the backend. Runs on the serial loop.
public sealed partial class GatewayServer
{
    /// <summary>
    /// Raised on the serial loop after a started session's request was handled (answered, subscribed, matched), with the
    /// session and the decoded request: a test that waits for it knows the next market step reaches that request.
    /// </summary>
    public event Action<GatewaySession, IMessage>? RequestHandled;

    internal void OnRequest(GatewaySession session, IMessage request)
    {
        if (session.IsClosed) return;
        var wasStarted = session.IsStarted;
        Handle(session, request);
        if (wasStarted) RequestHandled?.Invoke(session, request);
    }

    private void Handle(GatewaySession session, IMessage request)
    {
        var now = Time.GetUtcNow();
        if (!session.IsStarted)
        {
            if (request is StartApiRequest start) StartApi(session, start, now);
            else session.Send(GatewayErrors.ValidationFailed(GatewayErrors.NoValidId, "startApi must come first", now));
            return;
        }
        switch (request)
        {
            case StartApiRequest:
                session.Send(GatewayErrors.ValidationFailed(GatewayErrors.NoValidId, "the API is already started", now));
                break;
            case IdsRequest:
                session.Send(new NextValidId { OrderId = Backend.NextValidOrderId(session.ClientId!.Value) });
                break;
            case ManagedAccountsRequest:
                session.Send(new ManagedAccounts { AccountsList = string.Join(",", Options.Accounts) });
                break;
            case CurrentTimeRequest:
                session.Send(new CurrentTime { CurrentTime_ = now.ToUnixTimeSeconds() });
                break;
            case CurrentTimeInMillisRequest:
                session.Send(new CurrentTimeInMillis { CurrentTimeInMillis_ = now.ToUnixTimeMilliseconds() });
                break;
            default:
                Backend.OnRequest(session, request);
                break;
        }
    }

    private void StartApi(GatewaySession session, StartApiRequest start, DateTimeOffset now)
    {
        var clientId = start.ClientId;
        if (_sessions.Values.Any(s => s != session && s.ClientId == clientId && !s.IsClosed))
        {
            // TWS: error 326 with id -1, then the socket closes (timing UNCONFIRMED).
            session.SendAndClose(GatewayErrors.ClientIdInUse(now));
            return;
        }
        if (_sessions.Values.Count(s => s.IsStarted && !s.IsClosed) >= Options.MaxClients)
        {
            session.SendAndClose(GatewayErrors.Create(GatewayErrors.NoValidId, 502,
                $"Couldn't connect to TWS: the maximum of {Options.MaxClients} API clients is reached.", now));
            return;
        }
        session.ClientId = clientId;
        // Order of arrival seen in captured sessions: managedAccounts, nextValidId, then farm notices.
        session.Send(new ManagedAccounts { AccountsList = string.Join(",", Options.Accounts) });
        session.Send(new NextValidId { OrderId = Backend.NextValidOrderId(clientId) });
        foreach (var notice in GatewayErrors.FarmStatus(now)) session.Send(notice);
        Backend.OnClientStarted(session);
    }
}
