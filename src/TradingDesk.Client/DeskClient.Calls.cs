using TradingDesk.Client.Mapping;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client;

// Unary calls. Each returns the client's typed record (ids, decimals, times), never a wire message, so a caller never
// parses a string the desk sent; each has the options' CallTimeout as its deadline.
public sealed partial class DeskClient
{
    /// <summary>Places an order (build it with <see cref="Order"/>); returns the id the desk allocated. The order belongs
    /// to the strategy of the caller's token; follow it on <see cref="OrderUpdates"/>.</summary>
    /// <param name="referencePrice">The price the desk's notional risk check uses for a market order.</param>
    /// <exception cref="ArgumentException">The order fails the desk's own checks (each problem named); nothing is sent.</exception>
    public Task<OrderId> PlaceOrderAsync(ContractSpec contract, OrderSpec order, decimal? referencePrice = null, CancellationToken cancellationToken = default)
    {
        var request = new W.PlaceOrder { Contract = Check(contract).ToWire(), Order = Check(order).ToWire() };
        if (referencePrice is { } rp) request.ReferencePrice = Dec(rp);
        return Call("PlaceOrder", _desk.PlaceOrderAsync(request, Unary(cancellationToken)), r => new OrderId(r.OrderId));
    }

    /// <summary>Places a bracket (build it with <see cref="Order.Bracket"/>); returns the three ids.</summary>
    public Task<BracketIds> PlaceBracketAsync(ContractSpec contract, Bracket bracket, decimal? referencePrice = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bracket);
        Check(bracket.Entry, "bracket.Entry");
        Check(bracket.TakeProfit, "bracket.TakeProfit");
        Check(bracket.StopLoss, "bracket.StopLoss");
        var request = new W.PlaceBracket { Contract = Check(contract).ToWire(), Bracket = bracket.ToWire() };
        if (referencePrice is { } rp) request.ReferencePrice = Dec(rp);
        return Call("PlaceBracket", _desk.PlaceBracketAsync(request, Unary(cancellationToken)),
            r => new BracketIds(new OrderId(r.Entry), new OrderId(r.TakeProfit), new OrderId(r.StopLoss)));
    }

    /// <summary>Sends a modification of a working order; returns when the desk has sent it (the new state arrives on
    /// <see cref="OrderUpdates"/>).</summary>
    public Task<OrderId> ModifyOrderAsync(OrderId orderId, OrderSpec order, decimal? referencePrice = null, CancellationToken cancellationToken = default)
    {
        var request = new W.ModifyOrder { OrderId = orderId.Value, Order = Check(order).ToWire() };
        if (referencePrice is { } rp) request.ReferencePrice = Dec(rp);
        return Call("ModifyOrder", _desk.ModifyOrderAsync(request, Unary(cancellationToken)), r => new OrderId(r.OrderId));
    }

    // The desk's own order checks, run here too so a bad order fails before anything is sent. One problem cannot wait
    // for the desk: a PriceRounding below the enum's range maps onto the wire's "unspecified" number and the desk would
    // round with its default instead of refusing it.
    private static OrderSpec Check(OrderSpec order, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(order))] string name = "order")
    {
        ArgumentNullException.ThrowIfNull(order, name);
        return order.Problems() is { Count: > 0 } problems
            ? throw new ArgumentException($"the order is not valid: {string.Join("; ", problems)}", name)
            : order;
    }

    /// <summary>Sends a cancel; returns when the desk has sent it (the cancellation arrives on <see cref="OrderUpdates"/>).</summary>
    public Task<OrderId> CancelOrderAsync(OrderId orderId, CancellationToken cancellationToken = default) =>
        Call("CancelOrder", _desk.CancelOrderAsync(new W.CancelOrder { OrderId = orderId.Value }, Unary(cancellationToken)), r => new OrderId(r.OrderId));

    /// <summary>The gateway's open orders.</summary>
    public Task<IReadOnlyList<OrderSnapshot>> GetOpenOrdersAsync(CancellationToken cancellationToken = default) =>
        Call("GetOpenOrders", _desk.GetOpenOrdersAsync(new W.GetOpenOrders(), Unary(cancellationToken)),
            r => List(r.Orders, OrderMapping.Snapshot, "orders"));

    /// <summary>The gateway's completed orders (of API clients only when <paramref name="apiOnly"/>).</summary>
    public Task<IReadOnlyList<OrderSnapshot>> GetCompletedOrdersAsync(bool apiOnly = false, CancellationToken cancellationToken = default) =>
        Call("GetCompletedOrders", _desk.GetCompletedOrdersAsync(new W.GetCompletedOrders { ApiOnly = apiOnly }, Unary(cancellationToken)),
            r => List(r.Orders, OrderMapping.Snapshot, "orders"));

    /// <summary>Executions matching <paramref name="filter"/> (null: all of today's).</summary>
    public Task<IReadOnlyList<Fill>> GetExecutionsAsync(W.ExecutionQuery? filter = null, CancellationToken cancellationToken = default) =>
        Call("GetExecutions", _desk.GetExecutionsAsync(new W.GetExecutions { Filter = filter ?? new W.ExecutionQuery() }, Unary(cancellationToken)),
            r => List(r.Fills, OrderMapping.Fill, "fills"));

    /// <summary>The account's positions.</summary>
    public Task<IReadOnlyList<Position>> GetPositionsAsync(CancellationToken cancellationToken = default) =>
        Call("GetPositions", _desk.GetPositionsAsync(new W.GetPositions(), Unary(cancellationToken)),
            r => List(r.Positions, OrderMapping.Position, "positions"));

    /// <summary>Account summary values for IB's <paramref name="tags"/> ("NetLiquidation,BuyingPower") of <paramref name="group"/>.</summary>
    public Task<IReadOnlyList<AccountValue>> GetAccountSummaryAsync(string tags, string group = "All", CancellationToken cancellationToken = default) =>
        Call("GetAccountSummary", _desk.GetAccountSummaryAsync(new W.GetAccountSummary { Tags = tags, Group = group }, Unary(cancellationToken)),
            r => List(r.Items, OrderMapping.AccountValue, "items"));

    /// <summary>The contracts the gateway finds for <paramref name="contract"/>.</summary>
    public Task<IReadOnlyList<ContractDetails>> GetContractDetailsAsync(ContractSpec contract, CancellationToken cancellationToken = default) =>
        Call("GetContractDetails", _desk.GetContractDetailsAsync(new W.GetContractDetails { Contract = Check(contract).ToWire() }, Unary(cancellationToken)),
            r => List(r.Details, OrderMapping.Details, "details"));

    /// <summary>Historical bars in IB's terms: <paramref name="duration"/> "1 D", <paramref name="barSize"/> "5 mins",
    /// <paramref name="endDateTime"/> empty for now.</summary>
    public Task<IReadOnlyList<HistoricalBar>> GetHistoricalBarsAsync(
        ContractSpec contract, string duration, string barSize, WhatToShow whatToShow = WhatToShow.Trades, bool useRth = true,
        string endDateTime = "", CancellationToken cancellationToken = default)
    {
        var request = new W.GetHistoricalBars
        {
            Contract = Check(contract).ToWire(), Duration = duration, BarSize = barSize, WhatToShow = whatToShow.ToWire(), UseRth = useRth,
            EndDateTime = endDateTime,
        };
        return Call("GetHistoricalBars", _desk.GetHistoricalBarsAsync(request, Unary(cancellationToken)), r => List(r.Bars, OrderMapping.Bar, "bars"));
    }

    /// <summary>The earliest data the gateway has for <paramref name="contract"/>.</summary>
    public Task<HeadTimestamp> GetHeadTimestampAsync(
        ContractSpec contract, WhatToShow whatToShow = WhatToShow.Trades, bool useRth = true, CancellationToken cancellationToken = default)
    {
        var request = new W.GetHeadTimestamp { Contract = Check(contract).ToWire(), WhatToShow = whatToShow.ToWire(), UseRth = useRth };
        return Call("GetHeadTimestamp", _desk.GetHeadTimestampAsync(request, Unary(cancellationToken)),
            r => new HeadTimestamp(r.GatewayText, TimeOrNull(r.GatewayTime, "gateway_time")));
    }

    /// <summary>The gateway's clock.</summary>
    public Task<DateTimeOffset> GetCurrentTimeAsync(CancellationToken cancellationToken = default) =>
        Call("GetCurrentTime", _desk.GetCurrentTimeAsync(new W.GetCurrentTime(), Unary(cancellationToken)), r => Time(r.GatewayTime, "gateway_time"));

    private static IReadOnlyList<TItem> List<TWire, TItem>(IList<TWire> wire, Func<TWire, string, TItem> map, string field) =>
        wire.Select((w, i) => map(w, $"{field}[{i}]")).ToList();
}
