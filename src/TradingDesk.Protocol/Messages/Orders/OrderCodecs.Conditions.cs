using System.Globalization;
using IBApi.protobuf;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Messages.Orders.OrderConditionTypes;

namespace TradingDesk.Protocol.Messages;

/// <summary>
/// Order conditions (≥102 PEGGED_TO_BENCHMARK), as ibapi/order_condition.py reads and writes them:
/// [count]{[type][conjunction "a"/"o"] + type fields}, then [conditionsIgnoreRth][conditionsCancelOrder] when count > 0.
/// Type fields: Execution (5) [secType][exchange][symbol]; the operator conditions [isMore][value], where value is
/// Time (3) a time string, Margin (4) a percent, and the contract conditions Price (1), Volume (6), PercentChange (7)
/// then add [conId][exchange], Price finally [triggerMethod].
/// </summary>
internal static partial class OrderCodecs
{
    private static void ReadConditions(ref TextFieldReader f, Order o)
    {
        var count = ReadCount(ref f, "conditionsSize");
        if (count == 0) return;
        for (var i = 0; i < count; i++) o.Conditions.Add(ReadCondition(ref f));
        if (f.ReadBoolOrUnset("conditionsIgnoreRth") is { } ignoreRth) o.ConditionsIgnoreRth = ignoreRth;
        if (f.ReadBoolOrUnset("conditionsCancelOrder") is { } cancel) o.ConditionsCancelOrder = cancel;
    }

    private static void WriteConditions(ref TextFieldWriter w, Order o)
    {
        w.WriteInt(o.Conditions.Count);
        if (o.Conditions.Count == 0) return;
        foreach (var condition in o.Conditions) WriteCondition(ref w, condition);
        w.WriteBool(o.ConditionsIgnoreRth);
        w.WriteBool(o.ConditionsCancelOrder);
    }

    private static OrderCondition ReadCondition(ref TextFieldReader f)
    {
        var start = f.Position;
        var type = f.ReadInt("conditionType");
        if (type is not (PriceCondition or TimeCondition or MarginCondition or ExecutionCondition or VolumeCondition or PercentChangeCondition))
            throw f.Error($"unknown order condition type {type}", "conditionType", start);
        var c = new OrderCondition { Type = type };
        // IB's decoder: conjunction = (connector == "a"); an empty connector stays unset here.
        if (f.ReadStringOrUnset("conjunctionConnection") is { } connector) c.IsConjunctionConnection = connector == "a";
        if (type == ExecutionCondition)
        {
            if (f.ReadStringOrUnset("secType") is { } secType) c.SecType = secType;
            if (f.ReadStringOrUnset("exchange") is { } exchange) c.Exchange = exchange;
            if (f.ReadStringOrUnset("symbol") is { } symbol) c.Symbol = symbol;
            return c;
        }
        if (f.ReadBoolOrUnset("isMore") is { } isMore) c.IsMore = isMore;
        var valueAt = f.Position;
        if (f.ReadStringOrUnset("value") is { } value) SetConditionValue(ref f, c, value, valueAt);
        if (type is PriceCondition or VolumeCondition or PercentChangeCondition)
        {
            if (f.ReadIntOrUnset("conId") is { } conId) c.ConId = conId;
            if (f.ReadStringOrUnset("exchange") is { } exchange) c.Exchange = exchange;
        }
        if (type == PriceCondition && f.ReadIntOrUnset("triggerMethod") is { } trigger) c.TriggerMethod = trigger;
        return c;
    }

    private static void WriteCondition(ref TextFieldWriter w, OrderCondition c)
    {
        if (c.Type is not (PriceCondition or TimeCondition or MarginCondition or ExecutionCondition or VolumeCondition or PercentChangeCondition))
            throw new ProtocolException($"order condition type {c.Type} has no text form");
        w.WriteInt(c.Type);
        if (c.HasIsConjunctionConnection) w.WriteString(c.IsConjunctionConnection ? "a" : "o");
        else w.WriteEmpty();
        if (c.Type == ExecutionCondition)
        {
            w.WriteString(c.SecType);
            w.WriteString(c.Exchange);
            w.WriteString(c.Symbol);
            return;
        }
        w.WriteBoolOrUnset(c.HasIsMore, c.IsMore);
        w.WriteString(ConditionValue(c));
        if (c.Type is PriceCondition or VolumeCondition or PercentChangeCondition)
        {
            w.WriteIntOrUnset(c.HasConId, c.ConId);
            w.WriteString(c.Exchange);
        }
        if (c.Type == PriceCondition) w.WriteIntOrUnset(c.HasTriggerMethod, c.TriggerMethod);
    }

    // The operator conditions carry their threshold as one string field whose meaning depends on the type.
    private static void SetConditionValue(ref TextFieldReader f, OrderCondition c, string value, int position)
    {
        const NumberStyles style = NumberStyles.Float;
        var culture = CultureInfo.InvariantCulture;
        switch (c.Type)
        {
            case TimeCondition:
                c.Time = value;
                return;
            case PriceCondition when double.TryParse(value, style, culture, out var price):
                c.Price = price;
                return;
            case PercentChangeCondition when double.TryParse(value, style, culture, out var change):
                c.ChangePercent = change;
                return;
            // IB's Python keeps margin percent as float ("30.0"); the proto has an int32, so integral values only.
            case MarginCondition when double.TryParse(value, style, culture, out var percent) && percent == Math.Floor(percent) && Math.Abs(percent) <= int.MaxValue:
                c.Percent = (int)percent;
                return;
            case VolumeCondition when int.TryParse(value, NumberStyles.AllowLeadingSign, culture, out var volume):
                c.Volume = volume;
                return;
            default:
                throw f.Error($"'{value}' is not a valid value for condition type {c.Type}", "value", position);
        }
    }

    private static string ConditionValue(OrderCondition c)
    {
        var culture = CultureInfo.InvariantCulture;
        return c.Type switch
        {
            TimeCondition => c.Time,
            PriceCondition when c.HasPrice => c.Price.ToString("R", culture),
            PercentChangeCondition when c.HasChangePercent => c.ChangePercent.ToString("R", culture),
            MarginCondition when c.HasPercent => c.Percent.ToString(culture),
            VolumeCondition when c.HasVolume => c.Volume.ToString(culture),
            _ => "",
        };
    }
}
