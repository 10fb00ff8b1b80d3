using System.Globalization;
using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;

namespace TradingDesk.Simulator.Gateway;

/// <summary>Conversions between the paper market's domain types and the wire's protobuf types and strings.</summary>
internal static class WireFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Decimal quantities travel as strings ("100", "0.5"): no trailing zeros, as IB's Decimal output.</summary>
    public static string Qty(decimal d) => d.ToString("0.##########", Inv);

    public static string Money(decimal d) => Math.Round(d, 2).ToString("0.00", Inv);

    public static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, Inv, out var d) ? d : null;

    public static Contract ToWire(ContractDefinition c)
    {
        var w = new Contract
        {
            ConId = c.ConId.Value,
            Symbol = c.Symbol,
            SecType = c.SecType.ToIb(),
            LastTradeDateOrContractMonth = c.LastTradeDateOrContractMonth,
            Strike = (double)c.Strike,
            Right = c.Right.ToIb(),
            Exchange = c.Exchange,
            PrimaryExch = c.PrimaryExchange,
            Currency = c.Currency,
            LocalSymbol = c.LocalSymbol,
            TradingClass = c.TradingClass,
        };
        // IB leaves the multiplier empty for stocks and FX.
        if (c.SecType is SecType.Future or SecType.Option) w.Multiplier = (double)c.Multiplier;
        return w;
    }

    /// <summary>The catalogue query a request's contract stands for; null when its secType is one the simulator does not list (BOND, IND, …).</summary>
    public static ContractQuery? ToQuery(Contract? c)
    {
        if (c is null) return new ContractQuery();
        SecType? secType = null;
        if (!string.IsNullOrWhiteSpace(c.SecType))
        {
            secType = SecTypeCodes.FromIb(c.SecType);
            if (secType is null) return null;
        }
        return new ContractQuery
        {
            ConId = c.HasConId && c.ConId != 0 ? new ConId(c.ConId) : null,
            Symbol = c.Symbol,
            SecType = secType,
            Exchange = c.Exchange,
            PrimaryExchange = c.PrimaryExch,
            Currency = c.Currency,
            LocalSymbol = c.LocalSymbol,
            TradingClass = c.TradingClass,
            Expiry = c.LastTradeDateOrContractMonth,
            Strike = c.HasStrike && c.Strike != 0 ? (decimal)c.Strike : null,
            Right = SecTypeCodes.RightFromIb(c.Right),
            Multiplier = c.HasMultiplier && c.Multiplier != 0 ? (decimal)c.Multiplier : null,
        };
    }

    /// <summary>"yyyyMMdd HH:mm:ss US/Eastern": how TWS writes times in execDetails and intraday bars.</summary>
    public static string EasternTime(DateTimeOffset t) =>
        ExchangeTimeZone.Eastern.ToLocal(t).ToString("yyyyMMdd HH:mm:ss", Inv) + " US/Eastern";

    /// <summary>
    /// IB's request times: "" (now), "yyyyMMdd HH:mm:ss" (UTC here: the simulator's gateway runs on UTC),
    /// "yyyyMMdd HH:mm:ss US/Eastern" or another IB zone id, "yyyyMMdd-HH:mm:ss" (UTC), or "yyyyMMdd".
    /// </summary>
    public static bool TryParseTime(string? text, DateTimeOffset now, out DateTimeOffset time)
    {
        time = now;
        var s = (text ?? "").Trim();
        if (s.Length == 0) return true;
        if (s.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase)) s = s[..^4];
        string? zone = null;
        var parts = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 3)
        {
            zone = parts[2];
            s = parts[0] + " " + parts[1];
        }
        string[] formats = ["yyyyMMdd HH:mm:ss", "yyyyMMdd-HH:mm:ss", "yyyyMMdd"];
        if (!DateTime.TryParseExact(s, formats, Inv, DateTimeStyles.None, out var local)) return false;
        if (zone is null || zone is "GMT" or "UTC" or "Etc/UTC")
        {
            time = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero);
            return true;
        }
        try
        {
            time = ExchangeTimeZone.ForIbId(zone).ToInstant(local);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
