using System.Collections.Concurrent;
using Google.Protobuf;
using TradingDesk.Simulator.Server;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Orders.Integration;

/// <summary>
/// A tiny gateway backend for order-manager integration tests (the paper market is built elsewhere): every
/// placeOrder fills at once at its limit price (openOrder Submitted, orderStatus Submitted, execDetails, orderStatus
/// Filled, commission report, as IB's fixtures show); cancels of unknown orders get 135; reqExecutions replays every
/// execution; reqAllOpenOrders answers with nothing open.
/// </summary>
public sealed class FillingBackend : IGatewayBackend
{
    private readonly ConcurrentQueue<Tws.ExecutionDetails> _executions = new();
    private int _exec;

    public int NextId { get; set; } = 1;

    public ConcurrentQueue<IMessage> Requests { get; } = new();

    public int NextValidOrderId(int clientId) => NextId;

    public void OnClientStarted(GatewaySession session) { }

    public void OnClientClosed(GatewaySession session) { }

    public void OnRequest(GatewaySession session, IMessage request)
    {
        Requests.Enqueue(request);
        switch (request)
        {
            case Tws.PlaceOrderRequest p:
                Fill(session, p);
                break;
            case Tws.CancelOrderRequest c:
                session.Send(new Tws.ErrorMessage { Id = c.OrderId, ErrorCode = 135, ErrorMsg = $"Can't find order with ID = {c.OrderId}" });
                break;
            case Tws.ExecutionRequest x:
                foreach (var e in _executions) session.Send(new Tws.ExecutionDetails(e) { ReqId = x.ReqId });
                session.Send(new Tws.ExecutionDetailsEnd { ReqId = x.ReqId });
                break;
            case Tws.AllOpenOrdersRequest:
                session.Send(new Tws.OpenOrdersEnd());
                break;
        }
    }

    private void Fill(GatewaySession session, Tws.PlaceOrderRequest p)
    {
        var id = p.OrderId;
        var permId = 5_000_000L + id;
        var order = new Tws.Order(p.Order) { PermId = permId };
        var qty = p.Order.TotalQuantity;
        var price = p.Order.LmtPrice;
        session.Send(new Tws.OpenOrder { OrderId = id, Contract = p.Contract, Order = order, OrderState = new Tws.OrderState { Status = "Submitted" } });
        session.Send(new Tws.OrderStatus { OrderId = id, Status = "Submitted", Filled = "0", Remaining = qty, PermId = permId, ClientId = p.Order.ClientId });
        var execId = $"0000e0d5.{Interlocked.Increment(ref _exec):x8}.01.01";
        var exec = new Tws.ExecutionDetails
        {
            ReqId = -1,
            Contract = p.Contract,
            Execution = new Tws.Execution
            {
                OrderId = id, ExecId = execId, Time = "20261121 13:01:02 US/Eastern", AcctNumber = "DU111111", Exchange = "ISLAND",
                Side = p.Order.Action == "BUY" ? "BOT" : "SLD", Shares = qty, Price = price, PermId = permId, ClientId = p.Order.ClientId,
                CumQty = qty, AvgPrice = price,
            },
        };
        _executions.Enqueue(exec);
        session.Send(exec);
        session.Send(new Tws.OrderStatus { OrderId = id, Status = "Filled", Filled = qty, Remaining = "0", AvgFillPrice = price, LastFillPrice = price, PermId = permId, ClientId = p.Order.ClientId });
        session.Send(new Tws.CommissionAndFeesReport { ExecId = execId, CommissionAndFees = 1.0, Currency = "USD" });
    }
}
