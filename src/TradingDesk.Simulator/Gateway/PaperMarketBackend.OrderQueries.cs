using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Orders;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqOpenOrders, reqAllOpenOrders, reqAutoOpenOrders, reqCompletedOrders, reqExecutions: answered from state.
public sealed partial class PaperMarketBackend
{
    private bool OnOrderQuery(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case OpenOrdersRequest:
                // Client 0 sees every API client's orders; others see their own.
                SendOpenOrders(session, Market.OpenOrders(client.ClientId == 0 ? null : new ClientId(client.ClientId)));
                return true;
            case AllOpenOrdersRequest:
                SendOpenOrders(session, Market.OpenOrders());
                return true;
            case AutoOpenOrdersRequest:
                if (client.ClientId != 0)
                {
                    // TWS binds manual orders only to client 0 (UNCONFIRMED: exact error TWS gives).
                    session.Send(GatewayErrors.ValidationFailed(GatewayErrors.NoValidId, "reqAutoOpenOrders needs client id 0", Now));
                    return true;
                }
                SendOpenOrders(session, Market.OpenOrders());
                return true;
            case CompletedOrdersRequest:
                if (!CanCarry(session, new CompletedOrdersEnd(), GatewayErrors.NoValidId)) return true;
                foreach (var o in Market.CompletedOrders())
                {
                    var state = OrderWire.State(o);
                    state.CompletedTime = WireFormat.EasternTime(o.CompletedAt ?? o.PlacedAt);
                    state.CompletedStatus = o.Reason ?? o.Status.ToIb();
                    session.Send(new CompletedOrder { Contract = WireFormat.ToWire(Market.Catalogue.Get(o.Ticket.ConId)), Order = OrderWire.ToWire(o), OrderState = state });
                }
                session.Send(new CompletedOrdersEnd());
                return true;
            case ExecutionRequest r:
                Executions(session, r);
                return true;
            default:
                return false;
        }
    }

    private void SendOpenOrders(GatewaySession session, IReadOnlyList<SimOrder> orders)
    {
        foreach (var o in orders)
        {
            session.Send(OpenOrderOf(o));
            session.Send(OrderWire.Status(o));
        }
        session.Send(new OpenOrdersEnd());
    }

    private void Executions(GatewaySession session, ExecutionRequest r)
    {
        var f = r.ExecutionFilter;
        DateTimeOffset? since = null;
        if (!string.IsNullOrWhiteSpace(f?.Time))
        {
            if (!WireFormat.TryParseTime(f.Time, Now, out var t))
            {
                session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"execution filter time '{f.Time}' is not 'yyyyMMdd-HH:mm:ss' or 'yyyyMMdd HH:mm:ss [zone]'", Now));
                return;
            }
            since = t;
        }
        // A client id of 0 in the filter means any client (IB's default filter).
        var filter = new Orders.ExecutionFilter
        {
            ClientId = f is { ClientId: not 0 } ? new ClientId(f.ClientId) : null,
            Account = string.IsNullOrWhiteSpace(f?.AcctCode) ? null : new Accounts.AccountId(f.AcctCode),
            Since = since,
            Symbol = f?.Symbol,
            SecType = SecTypeCodes.FromIb(f?.SecType),
            Exchange = f?.Exchange,
            Side = OrderCodes.ParseAction(f?.Side),
        };
        foreach (var e in Market.Executions(filter))
        {
            session.Send(new ExecutionDetails { ReqId = r.ReqId, Contract = WireFormat.ToWire(Market.Catalogue.Get(e.ConId)), Execution = OrderWire.ToWire(e) });
            session.Send(OrderWire.Commission(e));
        }
        session.Send(new ExecutionDetailsEnd { ReqId = r.ReqId });
    }
}
