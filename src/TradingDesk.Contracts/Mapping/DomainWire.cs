using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using static TradingDesk.Contracts.Mapping.WireValues;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Contracts.Mapping;

/// <summary>
/// The domain types every message of the contract carries, both ways: enums, tick types, contracts, orders, brackets.
/// A strategy node, the gRPC front and the .NET client map them alike; a value the contract does not allow fails here,
/// naming its field.
/// </summary>
public static class DomainWire
{
    // Enums whose C# values start at 0 go on the wire one up (the wire's 0 is UNSPECIFIED); MarketDataType keeps
    // IB's own numbers, which already start at 1.
    public static W.SecType ToWire(this SecType v) => (W.SecType)((int)v + 1);
    public static SecType FromWire(this W.SecType v, string field) => Enum<SecType>((int)v, 1, field);
    public static W.OptionRight ToWire(this OptionRight v) => (W.OptionRight)((int)v + 1);
    public static OptionRight FromWire(this W.OptionRight v, string field) => Enum<OptionRight>((int)v, 1, field);
    public static W.OrderAction ToWire(this OrderAction v) => (W.OrderAction)((int)v + 1);
    public static OrderAction FromWire(this W.OrderAction v, string field) => Enum<OrderAction>((int)v, 1, field);
    public static W.OrderType ToWire(this OrderType v) => (W.OrderType)((int)v + 1);
    public static OrderType FromWire(this W.OrderType v, string field) => Enum<OrderType>((int)v, 1, field);
    public static W.TimeInForce ToWire(this TimeInForce v) => (W.TimeInForce)((int)v + 1);
    public static TimeInForce FromWire(this W.TimeInForce v, string field) => Enum<TimeInForce>((int)v, 1, field);
    public static W.OrderStatus ToWire(this OrderStatus v) => (W.OrderStatus)((int)v + 1);
    public static OrderStatus FromWire(this W.OrderStatus v, string field) => Enum<OrderStatus>((int)v, 1, field);
    public static W.TickByTickType ToWire(this TickByTickType v) => (W.TickByTickType)((int)v + 1);
    public static TickByTickType FromWire(this W.TickByTickType v, string field) => Enum<TickByTickType>((int)v, 1, field);
    public static W.WhatToShow ToWire(this WhatToShow v) => (W.WhatToShow)((int)v + 1);
    public static WhatToShow FromWire(this W.WhatToShow v, string field) => Enum<WhatToShow>((int)v, 1, field);
    public static W.MarketDataType ToWire(this MarketDataType v) => (W.MarketDataType)(int)v;
    public static MarketDataType FromWire(this W.MarketDataType v, string field) => Enum<MarketDataType>((int)v, 0, field);

    // Tick types cross as IB's numbers, unnamed ones included (the desk passes those on as their number).
    public static TickType Tick(int wire) => (TickType)wire;

    public static W.ContractSpec ToWire(this ContractSpec c)
    {
        var w = new W.ContractSpec
        {
            Symbol = c.Symbol, SecType = c.SecType.ToWire(), Exchange = c.Exchange, Currency = c.Currency,
            IncludeExpired = c.IncludeExpired, FrontMonth = c.FrontMonth,
        };
        if (c.PrimaryExchange is { } pe) w.PrimaryExchange = pe;
        if (c.LastTradeDateOrContractMonth is { } ltd) w.LastTradeDateOrContractMonth = ltd;
        if (c.Strike is { } k) w.Strike = Dec(k);
        if (c.Right is { } r) w.Right = r.ToWire();
        if (c.Multiplier is { } m) w.Multiplier = m;
        if (c.LocalSymbol is { } ls) w.LocalSymbol = ls;
        if (c.TradingClass is { } tc) w.TradingClass = tc;
        if (c.ConId is { } id) w.ConId = id.Value;
        if (c.SecIdType is { } st) w.SecIdType = st;
        if (c.SecId is { } si) w.SecId = si;
        return w;
    }

    public static ContractSpec FromWire(this W.ContractSpec? w, string field)
    {
        w = Required(w, field);
        return new ContractSpec
        {
            Symbol = w.Symbol, SecType = w.SecType.FromWire(field + ".sec_type"), Exchange = w.Exchange, Currency = w.Currency,
            PrimaryExchange = w.HasPrimaryExchange ? w.PrimaryExchange : null,
            LastTradeDateOrContractMonth = w.HasLastTradeDateOrContractMonth ? w.LastTradeDateOrContractMonth : null,
            Strike = DecOrNull(w.HasStrike, w.Strike, field + ".strike"),
            Right = w.HasRight ? w.Right.FromWire(field + ".right") : null,
            Multiplier = w.HasMultiplier ? w.Multiplier : null,
            LocalSymbol = w.HasLocalSymbol ? w.LocalSymbol : null,
            TradingClass = w.HasTradingClass ? w.TradingClass : null,
            ConId = w.HasConId ? new ConId(w.ConId) : null,
            SecIdType = w.HasSecIdType ? w.SecIdType : null,
            SecId = w.HasSecId ? w.SecId : null,
            IncludeExpired = w.IncludeExpired,
            FrontMonth = w.FrontMonth,
        };
    }

    public static W.ContractSpec? ToWireOrNull(this ContractSpec? c) => c?.ToWire();

    public static ContractSpec? FromWireOrNull(this W.ContractSpec? w, string field) => w is null ? null : w.FromWire(field);

    public static W.OrderSpec ToWire(this OrderSpec o)
    {
        var w = new W.OrderSpec
        {
            Action = o.Action.ToWire(), Quantity = Dec(o.Quantity), Type = o.Type.ToWire(), TimeInForce = o.TimeInForce.ToWire(),
            OutsideRegularTradingHours = o.OutsideRegularTradingHours, Transmit = o.Transmit, WhatIf = o.WhatIf,
        };
        if (o.LimitPrice is { } lp) w.LimitPrice = Dec(lp);
        if (o.AuxPrice is { } ap) w.AuxPrice = Dec(ap);
        if (o.TrailingPercent is { } tp) w.TrailingPercent = Dec(tp);
        if (o.TrailStopPrice is { } ts) w.TrailStopPrice = Dec(ts);
        if (o.GoodTillDate is { } gtd) w.GoodTillDate = gtd;
        if (o.Account is { } a) w.Account = a;
        if (o.OrderRef is { } r) w.OrderRef = r;
        if (o.OcaGroup is { } g) w.OcaGroup = g;
        if (o.OcaType is { } t) w.OcaType = t;
        if (o.FaGroup is { } faGroup) w.FaGroup = faGroup; // FA allocation
        if (o.FaMethod is { } faMethod) w.FaMethod = faMethod;
        if (o.FaPercentage is { } faPct) w.FaPercentage = Dec(faPct);
        if (o.FaProfile is { } faProfile) w.FaProfile = faProfile;
        if (o.PriceRounding is { } rounding) w.PriceRounding = (W.PriceRounding)((int)rounding + 1);
        return w;
    }

    public static OrderSpec FromWire(this W.OrderSpec? w, string field)
    {
        w = Required(w, field);
        return new OrderSpec
        {
            Action = w.Action.FromWire(field + ".action"),
            Quantity = Dec(w.Quantity, field + ".quantity"),
            Type = w.Type.FromWire(field + ".type"),
            LimitPrice = DecOrNull(w.HasLimitPrice, w.LimitPrice, field + ".limit_price"),
            AuxPrice = DecOrNull(w.HasAuxPrice, w.AuxPrice, field + ".aux_price"),
            TrailingPercent = DecOrNull(w.HasTrailingPercent, w.TrailingPercent, field + ".trailing_percent"),
            TrailStopPrice = DecOrNull(w.HasTrailStopPrice, w.TrailStopPrice, field + ".trail_stop_price"),
            TimeInForce = w.TimeInForce.FromWire(field + ".time_in_force"),
            GoodTillDate = w.HasGoodTillDate ? w.GoodTillDate : null,
            OutsideRegularTradingHours = w.OutsideRegularTradingHours,
            Account = w.HasAccount ? w.Account : null,
            OrderRef = w.HasOrderRef ? w.OrderRef : null,
            OcaGroup = w.HasOcaGroup ? w.OcaGroup : null,
            OcaType = w.HasOcaType ? w.OcaType : null,
            FaGroup = w.HasFaGroup ? w.FaGroup : null, // FA allocation
            FaMethod = w.HasFaMethod ? w.FaMethod : null,
            FaPercentage = DecOrNull(w.HasFaPercentage, w.FaPercentage, field + ".fa_percentage"),
            FaProfile = w.HasFaProfile ? w.FaProfile : null,
            // UNSPECIFIED (and journals written before the field) is the desk's default.
            PriceRounding = w.PriceRounding == W.PriceRounding.Unspecified ? null : Enum<PriceRounding>((int)w.PriceRounding, 1, field + ".price_rounding"),
            Transmit = w.Transmit,
            WhatIf = w.WhatIf,
        };
    }

    public static W.Bracket ToWire(this Bracket b) =>
        new() { Entry = b.Entry.ToWire(), TakeProfit = b.TakeProfit.ToWire(), StopLoss = b.StopLoss.ToWire() };

    public static Bracket FromWire(this W.Bracket? w, string field)
    {
        w = Required(w, field);
        return new Bracket(w.Entry.FromWire(field + ".entry"), w.TakeProfit.FromWire(field + ".take_profit"), w.StopLoss.FromWire(field + ".stop_loss"));
    }
}
