using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Orders;
using TradingDesk.Simulator.Server;
using SimExecution = TradingDesk.Simulator.Orders.Execution;

namespace TradingDesk.Simulator.Gateway;

// placeOrder (new, modify, whatIf), cancelOrder, reqGlobalCancel, and turning market events into messages.
public sealed partial class PaperMarketBackend
{
    private bool OnOrderRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case PlaceOrderRequest r:
                PlaceOrder(client, r);
                return true;
            case CancelOrderRequest c:
                // Only the client id that placed an order may cancel it, client 0 included. IB binds an API order to
                // the client id that submitted it, and cancelOrder reaches only that client id's orders; client 0
                // can also cancel orders entered by hand in TWS once bound (the simulator has none). Client 0 (or a
                // master client id) sees every client's orders but cannot cancel them one by one: its cancel of
                // another client's order id finds no order of its own and is answered 135, and the order keeps
                // working. Only reqGlobalCancel cancels every client's orders.
                Dispatch(Market.CancelOrder(new ClientId(client.ClientId), new OrderId(c.OrderId)));
                return true;
            case GlobalCancelRequest:
                // IB: cancels every open order, whichever client (or TWS user) placed it.
                Dispatch(Market.GlobalCancel());
                return true;
            default:
                return OnOrderQuery(client, request);
        }
    }

    private void PlaceOrder(ClientLines client, PlaceOrderRequest r)
    {
        var session = client.Session;
        // IB counts the id as used from here on, whatever the answer (200, 201, 321, a whatIf): the next
        // nextValidId for this client, on reqIds or at its next connection, is above it.
        Market.UseOrderId(new OrderId(r.OrderId));
        if (r.Order is null)
        {
            session.Send(GatewayErrors.ValidationFailed(r.OrderId, "placeOrder without an order", Now));
            return;
        }
        if (Resolve(session, r.OrderId, r.Contract) is not { } contract) return;
        if (OrderWire.ToTicket(r.Order, contract, Now, out var problem) is not { } ticket)
        {
            session.Send(GatewayErrors.ValidationFailed(r.OrderId, problem!, Now));
            return;
        }
        if (RefusedOffGrid(session, r.OrderId, ticket, contract)) return;
        ticket = WithFaAllocation(client, r, ticket);
        if (r.Order.WhatIf)
        {
            WhatIf(session, r.OrderId, ticket);
            return;
        }
        Dispatch(Market.PlaceOrder(new ClientId(client.ClientId), new OrderId(r.OrderId), ticket));
    }

    // whatIf: one openOrder whose state carries margins and commission; nothing is stored or traded.
    private void WhatIf(GatewaySession session, int orderId, OrderTicket ticket)
    {
        var w = Market.WhatIf(ticket);
        if (w.RejectReason is { } reason)
        {
            session.Send(GatewayErrors.OrderRejected(orderId, reason, Now));
            return;
        }
        var order = new IBApi.protobuf.Order
        {
            ClientId = session.ClientId ?? 0, OrderId = orderId, Action = ticket.Action.ToIb(),
            TotalQuantity = WireFormat.Qty(ticket.Quantity), OrderType = ticket.Type.ToIb(), Tif = ticket.Tif.ToIb(),
            Account = (ticket.Account ?? Market.ManagedAccounts[0]).Value, WhatIf = true, Transmit = true,
        };
        if (ticket.LimitPrice is { } lmt) order.LmtPrice = (double)lmt;
        if (ticket.AuxPrice is { } aux) order.AuxPrice = (double)aux;
        session.Send(new OpenOrder
        {
            OrderId = orderId,
            Contract = WireFormat.ToWire(Market.Catalogue.Get(ticket.ConId)),
            Order = order,
            OrderState = new OrderState
            {
                Status = Orders.OrderStatus.PreSubmitted.ToIb(),
                InitMarginBefore = (double)w.InitMarginBefore, InitMarginChange = (double)w.InitMarginChange, InitMarginAfter = (double)w.InitMarginAfter,
                MaintMarginBefore = (double)w.MaintMarginBefore, MaintMarginChange = (double)w.MaintMarginChange, MaintMarginAfter = (double)w.MaintMarginAfter,
                EquityWithLoanBefore = (double)w.EquityWithLoanBefore, EquityWithLoanChange = (double)w.EquityWithLoanChange,
                EquityWithLoanAfter = (double)w.EquityWithLoanAfter,
                CommissionAndFees = (double)w.Commission, MinCommissionAndFees = (double)w.Commission, MaxCommissionAndFees = (double)w.Commission,
                CommissionAndFeesCurrency = w.CommissionCurrency, MarginCurrency = "USD",
            },
        });
    }

    /// <summary>Sends what market events mean on the wire, in event order, then refreshes position and account subscribers after fills.</summary>
    private void Dispatch(IReadOnlyList<MarketEvent> events)
    {
        if (events.Count == 0) return;
        var fills = new List<SimExecution>();
        foreach (var e in events)
        {
            switch (e)
            {
                case OrderChanged c:
                    var open = OpenOrderOf(c.Order);
                    var status = OrderWire.Status(c.Order);
                    foreach (var session in OrderAudience(c.Order.Key.ClientId.Value))
                    {
                        session.Send(open);
                        session.Send(status);
                    }
                    break;
                case ExecutionOccurred x:
                    fills.Add(x.Execution);
                    var details = new ExecutionDetails
                    {
                        ReqId = -1, // unsolicited execDetails carry reqId −1
                        Contract = WireFormat.ToWire(Market.Catalogue.Get(x.Execution.ConId)),
                        Execution = OrderWire.ToWire(x.Execution),
                    };
                    var commission = OrderWire.Commission(x.Execution);
                    foreach (var session in OrderAudience(x.Execution.Order.ClientId.Value))
                    {
                        session.Send(details);
                        session.Send(commission);
                    }
                    break;
                case OrderError err:
                    var error = GatewayErrors.Create(err.Order.OrderId.Value, err.Code, err.Message, err.Time);
                    foreach (var session in SessionsOf(err.Order.ClientId.Value)) session.Send(error);
                    break;
            }
        }
        if (fills.Count > 0) PushAccountChanges(fills);
    }

    private OpenOrder OpenOrderOf(SimOrder o) => new()
    {
        OrderId = o.Key.OrderId.Value,
        Contract = WireFormat.ToWire(Market.Catalogue.Get(o.Ticket.ConId)),
        Order = OrderWire.ToWire(o),
        OrderState = OrderWire.State(o),
    };

    /// <summary>The owning client, and client 0, which TWS lets see every API client's orders.</summary>
    private IEnumerable<GatewaySession> OrderAudience(int owner) =>
        _clients.Values.Where(c => c.ClientId == owner || c.ClientId == 0).Select(c => c.Session);
}
