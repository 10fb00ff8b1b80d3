using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Accounts;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Server;
using SimExecution = TradingDesk.Simulator.Orders.Execution;
using Position = IBApi.protobuf.Position;

namespace TradingDesk.Simulator.Gateway;

// reqPositions, reqAccountSummary, reqAccountUpdates, reqPnL, reqPnLSingle.
public sealed partial class PaperMarketBackend
{
    private bool OnAccountRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case PositionsRequest:
                foreach (var (account, contract, position) in Market.Positions())
                    session.Send(PositionOf(account, contract, position.Quantity, position.AverageCost));
                session.Send(new PositionEnd());
                client.Positions = true;
                return true;
            case CancelPositions:
                client.Positions = false;
                return true;
            case AccountSummaryRequest r:
                if (IsDuplicate(client, r.ReqId)) return true;
                var tags = (r.Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var line = new AccountSummaryLine(r.ReqId, tags);
                client.Live[r.ReqId] = line;
                SendAccountSummary(session, line);
                return true;
            case CancelAccountSummary c:
                if (client.Live.TryGetValue(c.ReqId, out var s) && s is AccountSummaryLine) client.Live.Remove(c.ReqId);
                return true;
            case AccountDataRequest r:
                if (!r.Subscribe)
                {
                    client.AccountUpdates = null;
                    return true;
                }
                if (KnownAccount(session, GatewayErrors.NoValidId, r.AcctCode, allowEmpty: true) is not { } acct) return true;
                client.AccountUpdates = acct;
                SendAccountUpdates(session, acct);
                session.Send(new AccountDataEnd { AccountName = acct.Value });
                return true;
            case PnLRequest r:
                if (IsDuplicate(client, r.ReqId) || KnownAccount(session, r.ReqId, r.Account, allowEmpty: false) is not { } pa) return true;
                var pnl = new PnlLine(r.ReqId, pa, null);
                client.Live[r.ReqId] = pnl;
                SendPnl(session, pnl);
                return true;
            case PnLSingleRequest r:
                if (IsDuplicate(client, r.ReqId) || KnownAccount(session, r.ReqId, r.Account, allowEmpty: false) is not { } sa) return true;
                if (!Market.Catalogue.TryGet(new ConId(r.ConId), out _))
                {
                    session.Send(GatewayErrors.NoSecurityDefinition(r.ReqId, Now));
                    return true;
                }
                var single = new PnlLine(r.ReqId, sa, new ConId(r.ConId));
                client.Live[r.ReqId] = single;
                SendPnl(session, single);
                return true;
            case CancelPnL c:
                if (client.Live.TryGetValue(c.ReqId, out var p) && p is PnlLine) client.Live.Remove(c.ReqId);
                return true;
            case CancelPnLSingle c:
                if (client.Live.TryGetValue(c.ReqId, out var ps) && ps is PnlLine) client.Live.Remove(c.ReqId);
                return true;
            default:
                return false;
        }
    }

    private AccountId? KnownAccount(GatewaySession session, int reqId, string? code, bool allowEmpty)
    {
        if (allowEmpty && string.IsNullOrWhiteSpace(code)) return Market.ManagedAccounts[0];
        var id = new AccountId((code ?? "").Trim());
        if (Market.ManagedAccounts.Contains(id)) return id;
        session.Send(GatewayErrors.ValidationFailed(reqId, $"account '{code}' is not one of {string.Join(",", Market.ManagedAccounts)}", Now));
        return null;
    }

    private static Position PositionOf(AccountId account, ContractDefinition contract, decimal quantity, decimal averageCost) => new()
    {
        Account = account.Value, Contract = WireFormat.ToWire(contract), Position_ = WireFormat.Qty(quantity), AvgCost = (double)averageCost,
    };

    // Tags are IB's account value keys. "$LEDGER", "$LEDGER:USD" and "$LEDGER:ALL" ask for the per-currency ledger:
    // accounts here hold USD only, so they return the USD-denominated values (UNCONFIRMED: IB's exact ledger keys).
    private void SendAccountSummary(GatewaySession session, AccountSummaryLine line)
    {
        var ledger = line.Tags.Any(t => t.StartsWith("$LEDGER", StringComparison.OrdinalIgnoreCase));
        foreach (var account in Market.ManagedAccounts)
            foreach (var (key, value, currency) in Market.AccountValues(account).ToAccountValues())
                if (line.Tags.Contains(key) || (ledger && currency == "USD"))
                    session.Send(new AccountSummary { ReqId = line.ReqId, Account = account.Value, Tag = key, Value = value, Currency = currency });
        session.Send(new AccountSummaryEnd { ReqId = line.ReqId });
    }

    private void SendAccountUpdates(GatewaySession session, AccountId account)
    {
        foreach (var (key, value, currency) in Market.AccountValues(account).ToAccountValues())
            session.Send(new AccountValue { Key = key, Value = value, Currency = currency, AccountName = account.Value });
        foreach (var p in Market.Portfolio(account))
            session.Send(new PortfolioValue
            {
                Contract = WireFormat.ToWire(p.Contract), Position = WireFormat.Qty(p.Position),
                MarketPrice = (double)p.MarketPrice, MarketValue = (double)p.MarketValue, AverageCost = (double)p.AverageCost,
                UnrealizedPNL = (double)p.UnrealizedPnl, RealizedPNL = (double)p.RealizedPnl, AccountName = account.Value,
            });
        session.Send(new AccountUpdateTime { TimeStamp = Catalogue.ExchangeTimeZone.Eastern.ToLocal(Now).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) });
    }

    private void SendPnl(GatewaySession session, PnlLine line)
    {
        if (line.ConId is { } conId)
        {
            var p = Market.PnlSingle(line.Account, conId);
            session.Send(new PnLSingle
            {
                ReqId = line.ReqId, Position = WireFormat.Qty(p.Position), DailyPnL = (double)p.DailyPnl,
                UnrealizedPnL = (double)p.UnrealizedPnl, RealizedPnL = (double)p.RealizedPnl, Value = (double)p.Value,
            });
            return;
        }
        var a = Market.Pnl(line.Account);
        session.Send(new PnL { ReqId = line.ReqId, DailyPnL = (double)a.DailyPnl, UnrealizedPnL = (double)a.UnrealizedPnl, RealizedPnL = (double)a.RealizedPnl });
    }

    /// <summary>After fills: the changed positions to position subscribers, values and portfolio to account subscribers.</summary>
    private void PushAccountChanges(IReadOnlyList<SimExecution> fills)
    {
        var changed = fills.Select(f => (f.Account, f.ConId)).Distinct().ToList();
        foreach (var client in _clients.Values)
        {
            if (client.Positions)
                foreach (var (account, conId) in changed)
                {
                    var position = Market.Positions(account).FirstOrDefault(p => p.Contract.ConId == conId);
                    client.Session.Send(PositionOf(account, Market.Catalogue.Get(conId), position.Position?.Quantity ?? 0m, position.Position?.AverageCost ?? 0m));
                }
            if (client.AccountUpdates is { } acct && changed.Any(c => c.Account == acct)) SendAccountUpdates(client.Session, acct);
        }
    }

    private void OnPnlTick()
    {
        foreach (var client in _clients.Values)
            foreach (var line in client.Live.Values)
                if (line is PnlLine p) SendPnl(client.Session, p);
    }

    private void OnAccountTick()
    {
        // IB refreshes account updates and live account summaries on the same slow cadence (3 minutes).
        foreach (var client in _clients.Values)
        {
            if (client.AccountUpdates is { } acct) SendAccountUpdates(client.Session, acct);
            foreach (var line in client.Live.Values)
                if (line is AccountSummaryLine summary) SendAccountSummary(client.Session, summary);
        }
    }
}
