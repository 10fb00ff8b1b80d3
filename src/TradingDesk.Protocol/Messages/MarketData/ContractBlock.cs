using System.Text;
using Google.Protobuf.Collections;
using IBApi.protobuf;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages.MarketData;

/// <summary>
/// The request-side contract fields the market-data and historical requests share (the
/// standard contract block), plus the pieces some requests append: BAG combo legs, the delta-neutral
/// contract and TagValue option lists. Layouts from IBPY client.py (reqMktData, reqHistoricalData, …).
/// </summary>
internal static class ContractBlock
{
    /// <summary>Repeated groups with this many entries or more are treated as hostile.</summary>
    public const int MaxGroupCount = 10_000;

    /// <summary>
    /// C12: conId, symbol, secType, lastTradeDateOrContractMonth, strike, right, multiplier, exchange,
    /// primaryExchange, currency, localSymbol, tradingClass. conId and tradingClass exist from TRADING_CLASS (68),
    /// below this codec's floor, so they are always there. reqMktDepth drops primaryExchange below 149.
    /// </summary>
    public static Contract Read(ref TextFieldReader f, bool withPrimaryExchange = true) =>
        ContractText.Read(ref f, Fields(withPrimaryExchange));

    /// <summary>
    /// Writes C12 the way IBPY does: conId as a number (0 when the caller left it 0), strike through
    /// make_field_handle_empty (unset → empty). IBPY prints a zero strike as "0.0" where this writes "0"; TWS
    /// parses both as the same number.
    /// </summary>
    public static void Write(Contract? c, ref TextFieldWriter w, bool withPrimaryExchange = true) =>
        ContractText.Write(ref w, c, Fields(withPrimaryExchange));

    private static ContractFields Fields(bool withPrimaryExchange) =>
        withPrimaryExchange ? ContractFields.Full : ContractFields.Full & ~ContractFields.PrimaryExch;


    public static bool IsBag(Contract? c) => c is not null && c.SecType == "BAG";

    /// <summary>BAG legs as requests carry them: [count]{[conId][ratio][action][exchange]}.</summary>
    public static void ReadComboLegs(ref TextFieldReader f, Contract c)
    {
        var count = f.ReadIntOrUnset("comboLegsCount") ?? 0;
        if (count is < 0 or >= MaxGroupCount)
            throw f.Error($"combo leg count {count} is out of range", "comboLegsCount");
        for (var i = 0; i < count; i++)
        {
            var leg = new ComboLeg();
            if (f.ReadIntOrUnset("comboLeg.conId") is { } conId) leg.ConId = conId;
            if (f.ReadIntOrUnset("comboLeg.ratio") is { } ratio) leg.Ratio = ratio;
            if (f.ReadStringOrUnset("comboLeg.action") is { } action) leg.Action = action;
            if (f.ReadStringOrUnset("comboLeg.exchange") is { } exchange) leg.Exchange = exchange;
            c.ComboLegs.Add(leg);
        }
    }

    /// <summary>Only the four leg fields requests carry; openClose, shortSaleSlot … belong to orders.</summary>
    public static void WriteComboLegs(Contract? c, ref TextFieldWriter w)
    {
        if (c is null)
        {
            w.WriteInt(0);
            return;
        }
        w.WriteInt(c.ComboLegs.Count);
        foreach (var leg in c.ComboLegs)
        {
            w.WriteIntOrUnset(leg.HasConId, leg.ConId);
            w.WriteIntOrUnset(leg.HasRatio, leg.Ratio);
            w.WriteString(leg.Action);
            w.WriteString(leg.Exchange);
        }
    }

    /// <summary>reqMktData's delta-neutral block: [flag], then [conId][delta][price] when the flag is 1.</summary>
    public static void ReadDeltaNeutral(ref TextFieldReader f, Contract c)
    {
        if (!f.ReadBool("deltaNeutralContract")) return;
        var d = new DeltaNeutralContract();
        if (f.ReadIntOrUnset("deltaNeutralContract.conId") is { } conId) d.ConId = conId;
        if (f.ReadDoubleOrUnset("deltaNeutralContract.delta") is { } delta) d.Delta = delta;
        if (f.ReadDoubleOrUnset("deltaNeutralContract.price") is { } price) d.Price = price;
        c.DeltaNeutralContract = d;
    }

    public static void WriteDeltaNeutral(Contract? c, ref TextFieldWriter w)
    {
        var d = c?.DeltaNeutralContract;
        w.WriteBool(d is not null);
        if (d is null) return;
        w.WriteIntOrUnset(d.HasConId, d.ConId);
        w.WriteDoubleOrUnset(d.HasDelta, d.Delta);
        w.WriteDoubleOrUnset(d.HasPrice, d.Price);
    }

    /// <summary>
    /// A TagValue list in one field, as IB's clients build it: "tag=value;" for each entry (IBPY str(TagValue)).
    /// IBPY refuses to send mktDataOptions / mktDepthOptions at all (always ""); the Java client sends them in
    /// this same form, so the codec accepts and writes them that way for every option list.
    /// </summary>
    public static void ReadOptions(ref TextFieldReader f, string field, MapField<string, string> into)
    {
        var start = f.Position;
        var text = f.ReadStringOrUnset(field);
        if (text is null) return;
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) throw f.Error($"option '{pair}' is not tag=value", field, start);
            into[pair[..eq]] = pair[(eq + 1)..];
        }
    }

    public static void WriteOptions(MapField<string, string> options, ref TextFieldWriter w, string field)
    {
        if (options.Count == 0)
        {
            w.WriteEmpty();
            return;
        }
        var text = new StringBuilder();
        foreach (var (tag, value) in options)
        {
            if (tag.Length == 0 || tag.AsSpan().IndexOfAny('=', ';') >= 0 || value.Contains(';'))
                throw new ProtocolException($"{field} entry '{tag}={value}' cannot be written as text tag=value;");
            text.Append(tag).Append('=').Append(value).Append(';');
        }
        w.WriteString(text.ToString());
    }
}
