using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqPositionsMulti / cancelPositionsMulti, reqAccountUpdatesMulti / cancelAccountUpdatesMulti.
// The simulator has no models: a request naming a model code gets only its End (no positions or values carry
// that model; UNCONFIRMED what IB answers for a model the account does not have).
public sealed partial class PaperMarketBackend
{
    private bool OnAccountsMultiRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case PositionsMultiRequest r:
                if (IsDuplicate(client, r.ReqId)) return true;
                AccountId? only = null;
                // An empty account (or IB's "All") means every managed account.
                if (!string.IsNullOrWhiteSpace(r.Account) && !string.Equals(r.Account.Trim(), "All", StringComparison.OrdinalIgnoreCase))
                {
                    if (KnownAccount(session, r.ReqId, r.Account, allowEmpty: false) is not { } a) return true;
                    only = a;
                }
                var positions = new PositionsMultiLine(r.ReqId, only, r.ModelCode ?? "");
                client.Live[r.ReqId] = positions;
                foreach (var p in CurrentMultiPositions(positions))
                {
                    positions.Sent[(p.Key.Account, p.Key.ConId)] = p.Value;
                    session.Send(PositionMultiOf(positions, p.Key.Account, p.Key.ConId, p.Value));
                }
                session.Send(new PositionMultiEnd { ReqId = r.ReqId });
                return true;
            case CancelPositionsMulti c:
                if (client.Live.TryGetValue(c.ReqId, out var pm) && pm is PositionsMultiLine) client.Live.Remove(c.ReqId);
                return true;
            case AccountUpdatesMultiRequest r:
                if (IsDuplicate(client, r.ReqId)) return true;
                if (KnownAccount(session, r.ReqId, r.Account, allowEmpty: true) is not { } account) return true;
                var updates = new AccountUpdatesMultiLine(r.ReqId, account, r.ModelCode ?? "", r.LedgerAndNLV);
                client.Live[r.ReqId] = updates;
                SendAccountUpdatesMulti(session, updates);
                return true;
            case CancelAccountUpdatesMulti c:
                if (client.Live.TryGetValue(c.ReqId, out var am) && am is AccountUpdatesMultiLine) client.Live.Remove(c.ReqId);
                return true;
            default:
                return false;
        }
    }

    private Dictionary<(AccountId Account, ConId ConId), (decimal Quantity, decimal AverageCost)> CurrentMultiPositions(PositionsMultiLine line)
    {
        var now = new Dictionary<(AccountId, ConId), (decimal, decimal)>();
        if (line.ModelCode.Length > 0) return now;
        foreach (var (account, contract, position) in Market.Positions(line.Account))
            now[(account, contract.ConId)] = (position.Quantity, position.AverageCost);
        return now;
    }

    private PositionMulti PositionMultiOf(PositionsMultiLine line, AccountId account, ConId conId, (decimal Quantity, decimal AverageCost) p) => new()
    {
        ReqId = line.ReqId, Account = account.Value, Contract = WireFormat.ToWire(Market.Catalogue.Get(conId)),
        Position = WireFormat.Qty(p.Quantity), AvgCost = (double)p.AverageCost, ModelCode = line.ModelCode,
    };

    // On the tick timer: a positionMulti for every position that changed since it was last sent (0 when it closed),
    // as IB keeps the subscription live until cancelled.
    private void SendPositionsMultiChanges(GatewaySession session, PositionsMultiLine line)
    {
        var current = CurrentMultiPositions(line);
        foreach (var (key, value) in current)
        {
            if (line.Sent.TryGetValue(key, out var sent) && sent == value) continue;
            line.Sent[key] = value;
            session.Send(PositionMultiOf(line, key.Account, key.ConId, value));
        }
        foreach (var key in line.Sent.Keys.Where(k => !current.ContainsKey(k)).ToList())
        {
            line.Sent.Remove(key);
            session.Send(PositionMultiOf(line, key.Account, key.ConId, (0m, 0m)));
        }
    }

    // IB's light request (ledgerAndNLV) carries the cash ledger and net liquidation only (UNCONFIRMED which keys).
    private static readonly HashSet<string> LedgerKeys = ["Currency", "CashBalance", "TotalCashValue", "NetLiquidation", "RealizedPnL", "UnrealizedPnL"];

    private void SendAccountUpdatesMulti(GatewaySession session, AccountUpdatesMultiLine line)
    {
        line.LastSent = Now;
        if (line.ModelCode.Length == 0)
            foreach (var (key, value, currency) in Market.AccountValues(line.Account).ToAccountValues())
                if (!line.LedgerAndNlv || LedgerKeys.Contains(key))
                    session.Send(new AccountUpdateMulti
                    {
                        ReqId = line.ReqId, Account = line.Account.Value, ModelCode = line.ModelCode, Key = key, Value = value, Currency = currency,
                    });
        session.Send(new AccountUpdateMultiEnd { ReqId = line.ReqId });
    }

    // On the tick timer: the values again (with their End, as account summary does) every AccountUpdateInterval.
    private void SendAccountUpdatesMultiIfDue(GatewaySession session, AccountUpdatesMultiLine line)
    {
        if (Now - line.LastSent >= _options.AccountUpdateInterval) SendAccountUpdatesMulti(session, line);
    }
}

/// <summary>reqPositionsMulti: the positions last sent, so a change (or a close, as 0) goes out once.</summary>
internal sealed class PositionsMultiLine(int reqId, AccountId? account, string modelCode) : LiveRequest(reqId)
{
    public AccountId? Account { get; } = account;
    public string ModelCode { get; } = modelCode;
    public Dictionary<(AccountId Account, ConId ConId), (decimal Quantity, decimal AverageCost)> Sent { get; } = [];
}

/// <summary>reqAccountUpdatesMulti: re-sent every AccountUpdateInterval until cancelled.</summary>
internal sealed class AccountUpdatesMultiLine(int reqId, AccountId account, string modelCode, bool ledgerAndNlv) : LiveRequest(reqId)
{
    public AccountId Account { get; } = account;
    public string ModelCode { get; } = modelCode;
    public bool LedgerAndNlv { get; } = ledgerAndNlv;
    public DateTimeOffset LastSent { get; set; }
}
