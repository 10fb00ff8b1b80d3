namespace TradingDesk.Desk.Domain;

/// <summary>
/// What a strategy wants to trade. Build with <see cref="Order"/>: <c>Order.Limit(OrderAction.Buy, 100, 189.50m)</c>.
/// Prices and quantities are decimals; the desk assigns the order id.
/// </summary>
public sealed record OrderSpec
{
    public required OrderAction Action { get; init; }
    public required decimal Quantity { get; init; }
    public required OrderType Type { get; init; }
    public decimal? LimitPrice { get; init; }
    /// <summary>Stop price for STP / STP LMT; trailing amount for TRAIL.</summary>
    public decimal? AuxPrice { get; init; }
    public decimal? TrailingPercent { get; init; }
    public decimal? TrailStopPrice { get; init; }
    public TimeInForce TimeInForce { get; init; } = TimeInForce.Day;
    /// <summary>For GTD: "yyyyMMdd HH:mm:ss" with a time zone, as IB expects.</summary>
    public string? GoodTillDate { get; init; }
    public bool OutsideRegularTradingHours { get; init; }
    public string? Account { get; init; }
    public string? OrderRef { get; init; }
    public string? OcaGroup { get; init; }
    /// <summary>1: cancel the others with block; 2: reduce with block; 3: reduce without block.</summary>
    public int? OcaType { get; init; }
    /// <summary>False holds the order at the gateway until a later order of its group transmits (brackets).</summary>
    public bool Transmit { get; init; } = true;
    public bool WhatIf { get; init; }
    // Financial Advisor allocation
    /// <summary>The FA group the order is allocated over (an FA login; IB's faGroup).</summary>
    public string? FaGroup { get; init; }
    /// <summary>How the group's allocation is computed: EqualQuantity, NetLiq, AvailableEquity or PctChange (IB's faMethod).</summary>
    public string? FaMethod { get; init; }
    /// <summary>The percentage for <c>PctChange</c> (IB's faPercentage, text on the wire).</summary>
    public decimal? FaPercentage { get; init; }
    /// <summary>
    /// IB's faProfile (an allocation profile), for gateways below server version 177 only: IB folded profiles into
    /// groups at 177, and its protobuf order has no such field, so from 177 the desk refuses it before sending
    /// (<see cref="ServerVersionProblem"/>); name the profile as <see cref="FaGroup"/> there.
    /// </summary>
    public string? FaProfile { get; init; }

    /// <summary>
    /// How the desk puts <see cref="LimitPrice"/> and the stop price (<see cref="AuxPrice"/> of STP and STP LMT) on the
    /// contract's market rule before sending; null: the desk's default (DefaultPriceRounding of the order manager).
    /// </summary>
    public PriceRounding? PriceRounding { get; init; }

    /// <summary>Signed quantity: positive for buys, negative for sells.</summary>
    public decimal SignedQuantity => Action == OrderAction.Buy ? Quantity : -Quantity;

    /// <summary>The price used for notional checks: limit, else stop, else null (market).</summary>
    public decimal? ReferencePrice => LimitPrice ?? AuxPrice;

    /// <summary>IB's allocation methods for an FA group.</summary>
    public static readonly IReadOnlyList<string> FaMethods = ["EqualQuantity", "NetLiq", "AvailableEquity", "PctChange"];

    /// <summary>Checks what the gateway would reject anyway, so a strategy hears it before anything is sent.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Quantity <= 0) problems.Add($"quantity must be positive, not {Quantity}");
        if (Type is OrderType.Limit or OrderType.StopLimit or OrderType.LimitOnClose or OrderType.LimitOnOpen && LimitPrice is null)
            problems.Add($"a {Type} order needs a limit price");
        if (Type is OrderType.Stop or OrderType.StopLimit && AuxPrice is null) problems.Add($"a {Type} order needs a stop price");
        if (Type is OrderType.TrailingStop or OrderType.TrailingStopLimit && AuxPrice is null && TrailingPercent is null)
            problems.Add("a trailing order needs a trailing amount or a trailing percent");
        if (LimitPrice is <= 0) problems.Add($"limit price must be positive, not {LimitPrice}");
        if (TimeInForce == TimeInForce.GoodTillDate && string.IsNullOrWhiteSpace(GoodTillDate)) problems.Add("a GTD order needs GoodTillDate");
        if (FaMethod is not null && !FaMethods.Contains(FaMethod)) problems.Add($"FA method '{FaMethod}' is not one of {string.Join(", ", FaMethods)}");
        if (FaPercentage is not null && FaMethod != "PctChange") problems.Add("an FA percentage goes with the PctChange method only");
        if (FaGroup is not null && (FaGroup.Length == 0 || FaGroup.Any(char.IsControl))) problems.Add("the FA group is empty or contains a control character");
        if (FaProfile is not null && (FaProfile.Length == 0 || FaProfile.Any(char.IsControl))) problems.Add("the FA profile is empty or contains a control character");
        if (PriceRounding is { } rounding && !Enum.IsDefined(rounding)) problems.Add($"price rounding {(int)rounding} is not one of Reject, Nearest, Down, Up, Off");
        return problems;
    }

    /// <summary>The first server version without faProfile (IB's MIN_SERVER_VER_FA_PROFILE_DESUPPORT).</summary>
    public const int FaProfileRemovedAt = 177;

    /// <summary>
    /// What this order cannot carry to a gateway of <paramref name="serverVersion"/>, in the user's words; null when
    /// nothing. Checked by the order manager before the order is journaled or sent.
    /// </summary>
    public string? ServerVersionProblem(int serverVersion) =>
        FaProfile is not null && serverVersion >= FaProfileRemovedAt
            ? $"faProfile was removed by IB at server version {FaProfileRemovedAt} (this gateway is {serverVersion}): name the profile '{FaProfile}' as FaGroup"
            : null;
}

/// <summary>Order builders.</summary>
public static class Order
{
    public static OrderSpec Market(OrderAction action, decimal quantity) =>
        new() { Action = action, Quantity = quantity, Type = OrderType.Market };

    public static OrderSpec Limit(OrderAction action, decimal quantity, decimal limitPrice, TimeInForce tif = TimeInForce.Day) =>
        new() { Action = action, Quantity = quantity, Type = OrderType.Limit, LimitPrice = limitPrice, TimeInForce = tif };

    public static OrderSpec Stop(OrderAction action, decimal quantity, decimal stopPrice) =>
        new() { Action = action, Quantity = quantity, Type = OrderType.Stop, AuxPrice = stopPrice };

    public static OrderSpec StopLimit(OrderAction action, decimal quantity, decimal stopPrice, decimal limitPrice) =>
        new() { Action = action, Quantity = quantity, Type = OrderType.StopLimit, AuxPrice = stopPrice, LimitPrice = limitPrice };

    /// <summary>A trailing stop that trails by a fixed amount.</summary>
    public static OrderSpec TrailingAmount(OrderAction action, decimal quantity, decimal amount) =>
        new() { Action = action, Quantity = quantity, Type = OrderType.TrailingStop, AuxPrice = amount };

    /// <summary>A trailing stop that trails by a percentage of the price.</summary>
    public static OrderSpec TrailingPercentOf(OrderAction action, decimal quantity, decimal percent) =>
        new() { Action = action, Quantity = quantity, Type = OrderType.TrailingStop, TrailingPercent = percent };

    public static OrderSpec MarketOnClose(OrderAction action, decimal quantity) =>
        new() { Action = action, Quantity = quantity, Type = OrderType.MarketOnClose };

    /// <summary>
    /// An entry with a take-profit and a stop-loss that the gateway releases when the entry fills
    /// (IB's bracket: children carry the parent id; only the last one transmits, so nothing works half-built).
    /// </summary>
    public static Bracket Bracket(OrderAction action, decimal quantity, decimal entryLimit, decimal takeProfit, decimal stopLoss)
    {
        var buying = action == OrderAction.Buy;
        var exit = buying ? OrderAction.Sell : OrderAction.Buy;
        var sane = buying ? takeProfit > entryLimit && stopLoss < entryLimit : takeProfit < entryLimit && stopLoss > entryLimit;
        if (!sane)
            throw new ArgumentException($"a {action} bracket needs the take-profit {(buying ? "above" : "below")} and the stop-loss {(buying ? "below" : "above")} the entry {entryLimit}");
        return new Bracket(
            Limit(action, quantity, entryLimit) with { Transmit = false },
            Limit(exit, quantity, takeProfit, TimeInForce.GoodTillCancel) with { Transmit = false },
            Stop(exit, quantity, stopLoss) with { TimeInForce = TimeInForce.GoodTillCancel, Transmit = true });
    }

    /// <summary>Orders in one OCA group: when one fills, the gateway cancels the others (OCA type 1).</summary>
    public static IReadOnlyList<OrderSpec> OneCancelsAll(string group, params OrderSpec[] orders) =>
        orders.Select(o => o with { OcaGroup = group, OcaType = 1 }).ToList();
}

/// <summary>A parent and its two exits. Place it with the desk's bracket command; ids are linked there.</summary>
public sealed record Bracket(OrderSpec Entry, OrderSpec TakeProfit, OrderSpec StopLoss);
