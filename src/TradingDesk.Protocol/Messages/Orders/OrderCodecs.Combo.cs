using Google.Protobuf.Collections;
using IBApi.protobuf;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>Combo legs, their per-leg prices, tag/value lists and the delta-neutral contract (shared field blocks).</summary>
internal static partial class OrderCodecs
{
    // Combo legs: [count]{[conId][ratio][action][exchange][openClose][shortSaleSlot][designatedLocation][exemptCode]}.
    private static void ReadComboLegs(ref TextFieldReader f, Contract c)
    {
        var count = ReadCount(ref f, "comboLegsCount");
        for (var i = 0; i < count; i++)
        {
            var leg = new ComboLeg();
            if (f.ReadIntOrUnset("comboLeg.conId") is { } conId) leg.ConId = conId;
            if (f.ReadIntOrUnset("comboLeg.ratio") is { } ratio) leg.Ratio = ratio;
            if (f.ReadStringOrUnset("comboLeg.action") is { } action) leg.Action = action;
            if (f.ReadStringOrUnset("comboLeg.exchange") is { } exchange) leg.Exchange = exchange;
            if (f.ReadIntOrUnset("comboLeg.openClose") is { } openClose) leg.OpenClose = openClose;
            if (f.ReadIntOrUnset("comboLeg.shortSaleSlot") is { } slot) leg.ShortSalesSlot = slot;
            if (f.ReadStringOrUnset("comboLeg.designatedLocation") is { } location) leg.DesignatedLocation = location;
            if (f.ReadIntOrUnset("comboLeg.exemptCode") is { } exempt) leg.ExemptCode = exempt;
            c.ComboLegs.Add(leg);
        }
    }

    private static void WriteComboLegs(ref TextFieldWriter w, Contract c)
    {
        w.WriteInt(c.ComboLegs.Count);
        foreach (var leg in c.ComboLegs)
        {
            w.WriteIntOrUnset(leg.HasConId, leg.ConId);
            w.WriteIntOrUnset(leg.HasRatio, leg.Ratio);
            w.WriteString(leg.Action);
            w.WriteString(leg.Exchange);
            w.WriteIntOrUnset(leg.HasOpenClose, leg.OpenClose);
            w.WriteIntOrUnset(leg.HasShortSalesSlot, leg.ShortSalesSlot);
            w.WriteString(leg.DesignatedLocation);
            w.WriteIntOrUnset(leg.HasExemptCode, leg.ExemptCode);
        }
    }

    // Order combo legs: [count]{[price]}. IB keeps these prices in Order.orderComboLegs; the proto keeps them in
    // Contract.comboLegs[i].perLegPrice, so price i goes to leg i. Prices beyond the last leg have nowhere to go in
    // the proto and are dropped.
    private static void ReadOrderComboLegPrices(ref TextFieldReader f, Contract c)
    {
        var count = ReadCount(ref f, "orderComboLegsCount");
        for (var i = 0; i < count; i++)
        {
            if (f.ReadDoubleOrUnset("orderComboLeg.price") is { } price && i < c.ComboLegs.Count)
                c.ComboLegs[i].PerLegPrice = price;
        }
    }

    // Written only when some leg has a price: otherwise IB's client sends an empty orderComboLegs list (count 0).
    private static void WriteOrderComboLegPrices(ref TextFieldWriter w, Contract c)
    {
        var any = false;
        foreach (var leg in c.ComboLegs) any |= leg.HasPerLegPrice;
        if (!any)
        {
            w.WriteInt(0);
            return;
        }
        w.WriteInt(c.ComboLegs.Count);
        foreach (var leg in c.ComboLegs) w.WriteDoubleOrUnset(leg.HasPerLegPrice, leg.PerLegPrice);
    }

    // Tag/value lists (smartComboRoutingParams, algoParams): [count]{[tag][value]}; proto maps keep insertion order.
    private static void ReadTagValues(ref TextFieldReader f, MapField<string, string> map, string countField)
    {
        var count = ReadCount(ref f, countField);
        for (var i = 0; i < count; i++)
        {
            var tag = f.ReadString("tag");
            map[tag] = f.ReadString("value");
        }
    }

    private static void WriteTagValues(ref TextFieldWriter w, MapField<string, string> map)
    {
        w.WriteInt(map.Count);
        foreach (var pair in map)
        {
            w.WriteString(pair.Key);
            w.WriteString(pair.Value);
        }
    }

    // Delta-neutral contract: [present], then [conId][delta][price] when present.
    private static void ReadDeltaNeutralContract(ref TextFieldReader f, Contract c)
    {
        if (f.ReadBoolOrUnset("deltaNeutralContractPresent") != true) return;
        var dn = new DeltaNeutralContract();
        if (f.ReadIntOrUnset("deltaNeutralContract.conId") is { } conId) dn.ConId = conId;
        if (f.ReadDoubleOrUnset("deltaNeutralContract.delta") is { } delta) dn.Delta = delta;
        if (f.ReadDoubleOrUnset("deltaNeutralContract.price") is { } price) dn.Price = price;
        c.DeltaNeutralContract = dn;
    }

    private static void WriteDeltaNeutralContract(ref TextFieldWriter w, Contract c)
    {
        var dn = c.DeltaNeutralContract;
        w.WriteBool(dn is not null);
        if (dn is null) return;
        w.WriteIntOrUnset(dn.HasConId, dn.ConId);
        w.WriteDoubleOrUnset(dn.HasDelta, dn.Delta);
        w.WriteDoubleOrUnset(dn.HasPrice, dn.Price);
    }
}
