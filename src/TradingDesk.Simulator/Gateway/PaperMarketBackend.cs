using Google.Protobuf;
using IBApi.protobuf;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TradingDesk.Protocol;
using TradingDesk.Protocol.Codec;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

/// <summary>
/// The gateway's backend: the paper market behind the wire. Maps each request to market calls and each market
/// event to TWS messages, per client id, with IB's errors. Every method runs on the gateway's serial loop (timers
/// post into it), so the single-threaded <see cref="PaperMarket"/> needs no locks. Request families live in the
/// partial files next to this one.
/// </summary>
public sealed partial class PaperMarketBackend : IGatewayBackend, IDisposable
{
    private readonly Dictionary<GatewaySession, ClientLines> _clients = [];
    private readonly HistoricalPacingRules _pacing = new();
    private readonly PaperMarketBackendOptions _options;
    private readonly ILogger _logger;
    private readonly List<ITimer> _timers = [];
    private SerialLoop? _loop;

    public PaperMarketBackend(PaperMarket market, PaperMarketBackendOptions? options = null, ILogger? logger = null)
    {
        Market = market;
        _options = options ?? new PaperMarketBackendOptions();
        _options.Validate();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The market; touch it only on the gateway's loop.</summary>
    public PaperMarket Market { get; }

    private DateTimeOffset Now => Market.Now;

    /// <summary>
    /// Starts the streaming timers on the market's clock; each tick posts into <paramref name="loop"/>.
    /// Call once, after the server exists (the server owns the loop).
    /// </summary>
    public void Attach(SerialLoop loop)
    {
        if (_loop is not null) throw new InvalidOperationException("already attached");
        _loop = loop;
        Every(_options.TickInterval, OnTick);
        Every(TimeSpan.FromSeconds(5), OnFiveSeconds);
        Every(_options.PnlInterval, OnPnlTick);
        Every(_options.AccountUpdateInterval, OnAccountTick);
    }

    private void Every(TimeSpan period, Action work) =>
        _timers.Add(Market.Clock.CreateTimer(_ => _loop!.Post(work), null, period, period));

    public int NextValidOrderId(int clientId) => Market.NextValidOrderId().Value;

    public void OnClientStarted(GatewaySession session) => _clients[session] = new ClientLines(session);

    public void OnClientClosed(GatewaySession session)
    {
        if (_clients.Remove(session, out var lines))
        {
            _logger.LogInformation("client {ClientId}: {Count} live requests ended with the connection", lines.ClientId, lines.Live.Count);
            ClientClosed?.Invoke(lines.ClientId);
        }
    }

    /// <summary>Raised on the loop after a client's requests were dropped (tests wait on it instead of sleeping).</summary>
    internal event Action<int>? ClientClosed;

    /// <summary>Forgets every client's subscriptions (a restart: the connections are being dropped).</summary>
    internal void DropAllClients() => _clients.Clear();

    public void OnRequest(GatewaySession session, IMessage request)
    {
        if (!_clients.TryGetValue(session, out var client)) return;
        // These run first: SCHEDULE is a reqHistoricalData the bars must not see, and the FA and read-only checks
        // see a placeOrder before the order engine (they return false to let it through).
        if (OnScheduleRequest(client, request)
            || OnHistoricalTicksRequest(client, request)
            || OnHistogramRequest(client, request)
            || OnAccountsMultiRequest(client, request)
            || OnReferenceRequest(client, request)
            || OnDisplayGroupRequest(client, request)
            || OnWshRequest(client, request)
            || OnFinancialAdvisorRequest(client, request)
            || OnSessionRequest(client, request))
            return;
        if (OnMarketDataRequest(client, request) || OnBarsRequest(client, request) || OnContractRequest(client, request)
            || OnOrderRequest(client, request) || OnAccountRequest(client, request)
            || OnOptionRequest(client, request)
            || OnScannerRequest(client, request)
            || OnNewsRequest(client, request)
            || OnFundamentalsRequest(client, request))
            return;
        _logger.LogInformation("client {ClientId}: {Request} is not simulated", client.ClientId, request.Descriptor.Name);
        session.Send(GatewayErrors.ValidationFailed(GatewayErrors.NoValidId, $"{request.Descriptor.Name} is not supported by the simulator", Now));
    }

    // One timer for everything that streams at the tick cadence: matching first, so fills and the prices they
    // happened at go out in the same pass.
    private void OnTick()
    {
        Dispatch(Market.Sync());
        foreach (var client in _clients.Values)
            foreach (var line in client.Live.Values)
                StreamLine(client, line);
    }

    private void StreamLine(ClientLines client, LiveRequest line)
    {
        switch (line)
        {
            case PositionsMultiLine p: SendPositionsMultiChanges(client.Session, p); break;
            case AccountUpdatesMultiLine a: SendAccountUpdatesMultiIfDue(client.Session, a); break;
            case MarketDataLine m: SendQuoteChanges(client.Session, m); break;
            case BroadTapeLine t: SendTapeNews(client.Session, t); break;
            case TickByTickLine t: SendTickByTick(client.Session, t); break;
            case DepthLine d: SendDepthChanges(client.Session, d); break;
            case ScannerLine s: RefreshScanner(client.Session, s); break;
            case BulletinLine b: SendNewBulletins(client.Session, b); break;
        }
    }

    /// <summary>True when the session's version can carry <paramref name="message"/>; otherwise answers 321 and returns false.</summary>
    private bool CanCarry(GatewaySession session, IMessage message, int reqId)
    {
        var min = TwsCodec.Default.Registry.FindFor(message, Direction.ServerToClient).MinVersion;
        if (session.ServerVersion >= min) return true;
        session.Send(GatewayErrors.ValidationFailed(reqId, $"{message.Descriptor.Name} needs server version {min}; this connection speaks {session.ServerVersion}", Now));
        return false;
    }

    /// <summary>True (and error 102 sent) when <paramref name="reqId"/> is already live for this client.</summary>
    private bool IsDuplicate(ClientLines client, int reqId)
    {
        if (!client.Live.ContainsKey(reqId)) return false;
        client.Session.Send(GatewayErrors.DuplicateTickerId(reqId, Now));
        return true;
    }

    private IEnumerable<GatewaySession> SessionsOf(int clientId) =>
        _clients.Values.Where(c => c.ClientId == clientId).Select(c => c.Session);

    /// <summary>How many live requests a connected client has; −1 when no such client is connected (tests).</summary>
    internal int LiveRequestCount(int clientId) =>
        _clients.Values.FirstOrDefault(c => c.ClientId == clientId)?.Live.Count ?? -1;

    public void Dispose()
    {
        foreach (var t in _timers) t.Dispose();
        _timers.Clear();
    }
}
