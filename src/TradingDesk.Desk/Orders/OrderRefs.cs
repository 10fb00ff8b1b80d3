using System.Text;
using TradingDesk.Desk.Domain;

namespace TradingDesk.Desk.Orders;

/// <summary>
/// The owner of an order, written into IB's orderRef so that it lives at the gateway with the order: a desk that
/// starts without memory (a standby after failover, a restarted process) reads the owner back from openOrder and
/// execDetails, which both carry the field.
/// <para>
/// Format: <c>td:</c> + the strategy id, then, when the strategy set an <see cref="OrderSpec.OrderRef"/> of its own,
/// <c>|</c> + that reference verbatim. In the strategy id a backslash and a bar are escaped with a backslash
/// (<c>\\</c>, <c>\|</c>), so the first unescaped bar ends the id and the rest, whatever it contains, is the user's
/// reference. Most ids need no escaping, so TWS's Order Ref column reads <c>td:maker</c> or <c>td:maker|hedge-1</c>.
/// The <c>td:</c> prefix keeps references written by people or other programs (an orderRef without it) from being
/// read as an owner. IB documents no length limit for orderRef and the wire carries it as a plain string; keep
/// strategy ids short anyway, since TWS shows the field in a narrow column.
/// </para>
/// </summary>
public static class OrderRefs
{
    public const string Prefix = "td:";

    /// <summary>The orderRef sent with an order of <paramref name="strategy"/>; an empty user reference counts as none.</summary>
    public static string Compose(StrategyId strategy, string? userRef)
    {
        var text = new StringBuilder(Prefix.Length + strategy.Value.Length + (userRef?.Length ?? 0) + 1).Append(Prefix);
        foreach (var ch in strategy.Value)
        {
            if (ch is '\\' or '|') text.Append('\\');
            text.Append(ch);
        }
        if (!string.IsNullOrEmpty(userRef)) text.Append('|').Append(userRef);
        return text.ToString();
    }

    /// <summary>
    /// Reads an orderRef written by <see cref="Compose"/>. False for anything else (no prefix, an empty id, a dangling
    /// escape): such an order has no owner the desk can name.
    /// </summary>
    public static bool TryParse(string? orderRef, out StrategyId strategy, out string? userRef)
    {
        strategy = default;
        userRef = null;
        if (orderRef is null || !orderRef.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var id = new StringBuilder(orderRef.Length);
        var i = Prefix.Length;
        for (; i < orderRef.Length; i++)
        {
            var ch = orderRef[i];
            if (ch == '|') break;
            if (ch == '\\')
            {
                if (++i == orderRef.Length) return false;
                ch = orderRef[i];
            }
            id.Append(ch);
        }
        if (id.Length == 0) return false;
        strategy = new StrategyId(id.ToString());
        if (i < orderRef.Length && i + 1 < orderRef.Length) userRef = orderRef[(i + 1)..];
        return true;
    }

    /// <summary>The owner named by an orderRef, or null.</summary>
    public static StrategyId? OwnerOf(string? orderRef) => TryParse(orderRef, out var s, out _) ? s : null;
}
