using IBApi.protobuf;
using TradingDesk.Protocol.Messages.Contracts;
using TradingDesk.Protocol.Text;

namespace TradingDesk.Protocol.Messages;

/// <summary>Which optional fields a contract block carries; the rest of the block is fixed.</summary>
[Flags]
internal enum ContractFields
{
    None = 0,
    Multiplier = 1,
    Exchange = 2,
    PrimaryExch = 4,
    TradingClass = 8,

    /// <summary>IB's "standard contract block" C12 of requests: every optional field.</summary>
    Full = Multiplier | Exchange | PrimaryExch | TradingClass,
}

/// <summary>
/// The contract block every family shares (position 61, execDetails 11, updatePortfolio 7, reqContractDetails 9,
/// the C12 block of market-data and historical requests, the openOrder/completedOrder contract):
/// <c>[conId][symbol][secType][lastTradeDateOrContractMonth][strike][right]</c>, then optionally
/// <c>[multiplier][exchange][primaryExch]</c> in that order, then <c>[currency][localSymbol]</c> and optionally
/// <c>[tradingClass]</c>. Each message picks its optional fields (and gates them by version); the order never changes.
/// Multiplier is a string in IB's text and a double in the proto: "50" reads as 50 and writes back as "50".
/// </summary>
internal static class ContractText
{
    public static Contract Read(ref TextFieldReader f, ContractFields block)
    {
        var c = new Contract();
        ReadInto(ref f, c, block);
        return c;
    }

    /// <summary>Reads the block into an existing contract (openOrder fills its contract in several steps).</summary>
    public static void ReadInto(ref TextFieldReader f, Contract c, ContractFields block)
    {
        if (f.ReadIntOrUnset("conId") is { } conId) c.ConId = conId;
        if (f.ReadStringOrUnset("symbol") is { } symbol) c.Symbol = symbol;
        if (f.ReadStringOrUnset("secType") is { } secType) c.SecType = secType;
        if (f.ReadStringOrUnset("lastTradeDateOrContractMonth") is { } ltd) c.LastTradeDateOrContractMonth = ltd;
        if (f.ReadDoubleOrUnset("strike") is { } strike) c.Strike = strike;
        if (f.ReadStringOrUnset("right") is { } right) c.Right = right;
        if (block.HasFlag(ContractFields.Multiplier) && f.ReadDoubleOrUnset("multiplier") is { } multiplier) c.Multiplier = multiplier;
        if (block.HasFlag(ContractFields.Exchange) && f.ReadStringOrUnset("exchange") is { } exchange) c.Exchange = exchange;
        if (block.HasFlag(ContractFields.PrimaryExch) && f.ReadStringOrUnset("primaryExchange") is { } primary) c.PrimaryExch = primary;
        if (f.ReadStringOrUnset("currency") is { } currency) c.Currency = currency;
        if (f.ReadStringOrUnset("localSymbol") is { } localSymbol) c.LocalSymbol = localSymbol;
        if (block.HasFlag(ContractFields.TradingClass) && f.ReadStringOrUnset("tradingClass") is { } tradingClass) c.TradingClass = tradingClass;
    }

    public static void Write(ref TextFieldWriter w, Contract? contract, ContractFields block)
    {
        var c = contract ?? new Contract();
        w.WriteIntOrUnset(c.HasConId, c.ConId);
        w.WriteString(c.Symbol);
        w.WriteString(c.SecType);
        w.WriteString(c.LastTradeDateOrContractMonth);
        w.WriteDoubleOrUnset(c.HasStrike, c.Strike);
        w.WriteString(c.Right);
        if (block.HasFlag(ContractFields.Multiplier)) w.WriteDoubleOrUnset(c.HasMultiplier, c.Multiplier);
        if (block.HasFlag(ContractFields.Exchange)) w.WriteString(c.Exchange);
        if (block.HasFlag(ContractFields.PrimaryExch)) w.WriteString(c.PrimaryExch);
        w.WriteString(c.Currency);
        w.WriteString(c.LocalSymbol);
        if (block.HasFlag(ContractFields.TradingClass)) w.WriteString(c.TradingClass);
    }

    /// <summary>
    /// A count that prefixes a repeated group. Empty reads as 0 (IB's decoders do the same); a negative or
    /// absurdly large count is hostile and rejected before anything is allocated.
    /// </summary>
    public static int ReadCount(ref TextFieldReader f, string field)
    {
        var start = f.Position;
        var count = f.ReadInt(field); // not ReadIntOrUnset: 2147483647 is a hostile count here, not "unset"
        if (count is < 0 or >= ContractVersions.MaxRepeatedCount)
            throw f.Error($"count {count} is out of range", field, start);
        return count;
    }
}
