using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>Field groups of the ContractDetails text that contractDetails (10) and bondContractDetails (18) share.</summary>
internal static partial class ContractCodecs
{
    // contractMonth … liquidHours (contractData version ≥ 6).
    private static void ReadDescriptiveBlock(ref TextFieldReader f, ContractDetails d)
    {
        if (f.ReadStringOrUnset("contractMonth") is { } month) d.ContractMonth = month;
        if (f.ReadStringOrUnset("industry") is { } industry) d.Industry = industry;
        if (f.ReadStringOrUnset("category") is { } category) d.Category = category;
        if (f.ReadStringOrUnset("subcategory") is { } subcategory) d.Subcategory = subcategory;
        ReadTradingHours(ref f, d);
    }

    private static void WriteDescriptiveBlock(ref TextFieldWriter w, ContractDetails d)
    {
        w.WriteString(d.ContractMonth);
        w.WriteString(d.Industry);
        w.WriteString(d.Category);
        w.WriteString(d.Subcategory);
        WriteTradingHours(ref w, d);
    }

    private static void ReadTradingHours(ref TextFieldReader f, ContractDetails d)
    {
        if (f.ReadStringOrUnset("timeZoneId") is { } zone) d.TimeZoneId = zone;
        if (f.ReadStringOrUnset("tradingHours") is { } trading) d.TradingHours = trading;
        if (f.ReadStringOrUnset("liquidHours") is { } liquid) d.LiquidHours = liquid;
    }

    private static void WriteTradingHours(ref TextFieldWriter w, ContractDetails d)
    {
        w.WriteString(d.TimeZoneId);
        w.WriteString(d.TradingHours);
        w.WriteString(d.LiquidHours);
    }

    // evRule, evMultiplier. IBPY reads evMultiplier as an int here (a double in the proto and in execDetails).
    private static void ReadEvBlock(ref TextFieldReader f, ContractDetails d)
    {
        if (f.ReadStringOrUnset("evRule") is { } rule) d.EvRule = rule;
        if (f.ReadDoubleOrUnset("evMultiplier") is { } multiplier) d.EvMultiplier = multiplier;
    }

    private static void WriteEvBlock(ref TextFieldWriter w, ContractDetails d)
    {
        w.WriteString(d.EvRule);
        w.WriteDoubleOrUnset(d.HasEvMultiplier, d.EvMultiplier);
    }

    // [secIdListCount]{[tag][value]}×n, a map in the proto (a repeated tag keeps its last value, as a map must).
    private static void ReadSecIdList(ref TextFieldReader f, ContractDetails d)
    {
        var count = ContractText.ReadCount(ref f, "secIdListCount");
        for (var i = 0; i < count; i++)
        {
            var tag = f.ReadString("secIdList.tag");
            d.SecIdList[tag] = f.ReadString("secIdList.value");
        }
    }

    private static void WriteSecIdList(ref TextFieldWriter w, ContractDetails d)
    {
        w.WriteInt(d.SecIdList.Count);
        foreach (var pair in d.SecIdList)
        {
            w.WriteString(pair.Key);
            w.WriteString(pair.Value);
        }
    }

    // minSize, sizeIncrement, suggestedSizeIncrement (from 164, SIZE_RULES): decimal strings, kept verbatim.
    private static void ReadSizeRules(ref TextFieldReader f, ContractDetails d)
    {
        if (f.ReadStringOrUnset("minSize") is { } minSize) d.MinSize = minSize;
        if (f.ReadStringOrUnset("sizeIncrement") is { } increment) d.SizeIncrement = increment;
        if (f.ReadStringOrUnset("suggestedSizeIncrement") is { } suggested) d.SuggestedSizeIncrement = suggested;
    }

    private static void WriteSizeRules(ref TextFieldWriter w, ContractDetails d)
    {
        w.WriteString(d.MinSize);
        w.WriteString(d.SizeIncrement);
        w.WriteString(d.SuggestedSizeIncrement);
    }

    // [ineligibilityReasonCount]{[id][description]}×n (from 186, INELIGIBILITY_REASONS).
    private static void ReadIneligibilityReasons(ref TextFieldReader f, ContractDetails d)
    {
        var count = ContractText.ReadCount(ref f, "ineligibilityReasonCount");
        for (var i = 0; i < count; i++)
        {
            var reason = new IneligibilityReason();
            if (f.ReadStringOrUnset("ineligibilityReason.id") is { } id) reason.Id = id;
            if (f.ReadStringOrUnset("ineligibilityReason.description") is { } text) reason.Description = text;
            d.IneligibilityReasonList.Add(reason);
        }
    }

    private static void WriteIneligibilityReasons(ref TextFieldWriter w, ContractDetails d)
    {
        w.WriteInt(d.IneligibilityReasonList.Count);
        foreach (var reason in d.IneligibilityReasonList)
        {
            w.WriteString(reason.Id);
            w.WriteString(reason.Description);
        }
    }
}
