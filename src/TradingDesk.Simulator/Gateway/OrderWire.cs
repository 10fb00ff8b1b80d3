using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Orders;
using WireOrder = IBApi.protobuf.Order;
using WireOrderStatus = IBApi.protobuf.OrderStatus;
using WireExecution = IBApi.protobuf.Execution;

namespace TradingDesk.Simulator.Gateway;

/// <summary>Orders and executions to and from the wire.</summary>
internal static class OrderWire
{
    /// <summary>The ticket a placeOrder asks for, or why it cannot be read (error 321).</summary>
    public static OrderTicket? ToTicket(WireOrder o, ContractDefinition c, DateTimeOffset now, out string? problem)
    {
        problem = null;
        if (OrderCodes.ParseAction(o.Action) is not { } action)
        {
            problem = $"order action '{o.Action}' is not BUY or SELL";
            return null;
        }
        var quantity = WireFormat.ParseDecimal(o.TotalQuantity);
        if (quantity is null)
        {
            problem = $"totalQuantity '{o.TotalQuantity}' is not a number";
            return null;
        }
        DateTimeOffset? gtd = null;
        if (!string.IsNullOrWhiteSpace(o.GoodTillDate))
        {
            if (!WireFormat.TryParseTime(o.GoodTillDate, now, out var t))
            {
                problem = $"goodTillDate '{o.GoodTillDate}' is not 'yyyyMMdd HH:mm:ss [zone]'";
                return null;
            }
            gtd = t;
        }
        var type = OrderCodes.ParseOrderType(o.OrderType);
        // Clients send 0 (text) or nothing for prices an order type does not use; only the used ones count.
        var usesLimit = type is OrderType.Limit or OrderType.StopLimit or OrderType.LimitOnClose;
        var usesAux = type is OrderType.Stop or OrderType.StopLimit or OrderType.TrailingStop;
        return new OrderTicket
        {
            ConId = c.ConId,
            Action = action,
            Quantity = quantity.Value,
            Type = type,
            LimitPrice = usesLimit && o.HasLmtPrice ? (decimal)o.LmtPrice : null,
            AuxPrice = usesAux && o.HasAuxPrice && (type != OrderType.TrailingStop || o.AuxPrice != 0) ? (decimal)o.AuxPrice : null,
            TrailingPercent = type == OrderType.TrailingStop && o.HasTrailingPercent && o.TrailingPercent != 0 ? (decimal)o.TrailingPercent : null,
            TrailStopPrice = type == OrderType.TrailingStop && o.HasTrailStopPrice && o.TrailStopPrice != 0 ? (decimal)o.TrailStopPrice : null,
            Tif = OrderCodes.ParseTif(o.Tif),
            GoodTillDate = gtd,
            OutsideRth = o.OutsideRth,
            ParentId = o.ParentId != 0 ? new OrderId(o.ParentId) : null,
            Transmit = !o.HasTransmit || o.Transmit,
            OcaGroup = string.IsNullOrWhiteSpace(o.OcaGroup) ? null : o.OcaGroup,
            Account = string.IsNullOrWhiteSpace(o.Account) ? null : new Accounts.AccountId(o.Account.Trim()),
            OrderRef = o.OrderRef ?? "",
        };
    }

    public static WireOrder ToWire(SimOrder s)
    {
        var t = s.Ticket;
        var o = new WireOrder
        {
            ClientId = s.Key.ClientId.Value,
            OrderId = s.Key.OrderId.Value,
            PermId = s.PermId.Value,
            ParentId = t.ParentId?.Value ?? 0,
            Action = t.Action.ToIb(),
            TotalQuantity = WireFormat.Qty(t.Quantity),
            OrderType = t.Type.ToIb(),
            Tif = t.Tif.ToIb(),
            Account = s.Account.Value,
            OutsideRth = t.OutsideRth,
            OcaGroup = t.OcaGroup ?? "",
            OrderRef = t.OrderRef,
            Transmit = t.Transmit,
            FilledQuantity = WireFormat.Qty(s.Filled),
        };
        if (t.LimitPrice is { } lmt) o.LmtPrice = (double)lmt;
        if (t.AuxPrice is { } aux) o.AuxPrice = (double)aux;
        if (t.TrailingPercent is { } pct) o.TrailingPercent = (double)pct;
        if ((s.TrailStopPrice ?? t.TrailStopPrice) is { } stop) o.TrailStopPrice = (double)stop;
        if (t.GoodTillDate is { } gtd) o.GoodTillDate = WireFormat.EasternTime(gtd);
        return o;
    }

    public static OrderState State(SimOrder s) => new()
    {
        Status = s.Status.ToIb(),
        CommissionAndFees = (double)s.Commission,
        CommissionAndFeesCurrency = "USD",
    };

    public static WireOrderStatus Status(SimOrder s) => new()
    {
        OrderId = s.Key.OrderId.Value,
        Status = s.Status.ToIb(),
        Filled = WireFormat.Qty(s.Filled),
        Remaining = WireFormat.Qty(s.IsActive ? s.Remaining : 0m),
        AvgFillPrice = (double)s.AvgFillPrice,
        PermId = s.PermId.Value,
        ParentId = s.Ticket.ParentId?.Value ?? 0,
        LastFillPrice = (double)s.LastFillPrice,
        ClientId = s.Key.ClientId.Value,
        WhyHeld = "",
        MktCapPrice = 0,
    };

    public static WireExecution ToWire(Orders.Execution e) => new()
    {
        OrderId = e.Order.OrderId.Value,
        ExecId = e.ExecId.Value,
        Time = WireFormat.EasternTime(e.Time),
        AcctNumber = e.Account.Value,
        Exchange = e.Exchange,
        Side = e.Side.ToExecSide(),
        Shares = WireFormat.Qty(e.Shares),
        Price = (double)e.Price,
        PermId = e.PermId.Value,
        ClientId = e.Order.ClientId.Value,
        IsLiquidation = false,
        CumQty = WireFormat.Qty(e.CumQty),
        AvgPrice = (double)e.AvgPrice,
        OrderRef = e.OrderRef,
    };

    /// <summary>RealizedPNL stays unset for opening fills: the codec writes IB's unset-double sentinel for it.</summary>
    public static CommissionAndFeesReport Commission(Orders.Execution e)
    {
        var r = new CommissionAndFeesReport { ExecId = e.ExecId.Value, CommissionAndFees = (double)e.Commission, Currency = e.CommissionCurrency };
        if (e.RealizedPnl is { } pnl) r.RealizedPNL = (double)pnl;
        return r;
    }
}
