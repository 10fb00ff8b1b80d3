using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.FundamentalsMessages;
using static TradingDesk.Desk.Messages.NewsMessages;
using static TradingDesk.Desk.Messages.TickHistoryMessages;
using static TradingDesk.Desk.Messages.WshMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// What is wrong with a news, fundamentals, WSH or tick-history command, in words its sender can act on; null when
/// nothing is. Pure. The router asks before anything is sent: a command from another node or a gRPC client may carry
/// anything, and a control character inside a text field would split IB's NUL-separated text frames, so every text that
/// reaches the wire is checked here.
/// </summary>
public static partial class ResearchValidation
{
    private const int MaxText = 128;
    private const int MaxFilterJson = 8192;

    public static string? Problem(object command) => command switch
    {
        GetNewsProviders => null,
        GetNewsArticle c => First(Code(c.ProviderCode, "provider code"), Text(c.ArticleId, "article id", required: true)),
        GetHistoricalNews c => First(
            c.ConId.Value <= 0 ? $"conId must be positive, not {c.ConId.Value}" : null,
            c.ProviderCodes is not { Count: > 0 } ? "name at least one news provider code (GetNewsProviders lists them)" : null,
            First((c.ProviderCodes ?? []).Select(p => Code(p, "provider code")).ToArray()),
            c.TotalResults is < 1 or > 300 ? $"totalResults must be between 1 and 300, not {c.TotalResults}" : null,
            c.Start is { } s && c.End is { } e && s > e ? $"start {s:u} is after end {e:u}" : null),
        SubscribeNewsBulletins => null,
        GetFundamentals c => First(Contract(c.Contract), Enum.IsDefined(c.Report) ? null : $"{(int)c.Report} is not a fundamentals report"),
        GetWshMetaData => null,
        GetWshEvents c => Wsh(c),
        GetHistoricalTicks c => First(Contract(c.Contract),
            Enum.IsDefined(c.What) ? null : $"{(int)c.What} is not TRADES, BID_ASK or MIDPOINT",
            (c.Start is null) == (c.End is null) ? "give exactly one of start and end for historical ticks" : null,
            c.Count is < 1 or > 1000 ? $"count must be between 1 and 1000, not {c.Count}" : null),
        GetHistogram c => First(Contract(c.Contract),
            c.Period is not null && PeriodPattern().IsMatch(c.Period) ? null : $"period '{c.Period}' is not a count and a unit such as \"3 days\", \"1 week\", \"2 months\" or \"1 year\""),
        GetHistoricalSchedule c => First(Contract(c.Contract),
            c.Duration is not null && DurationPattern().IsMatch(c.Duration) ? null : $"duration '{c.Duration}' is not a count and a unit such as \"1 W\", \"5 D\", \"1 M\" or \"1 Y\"",
            c.EndDateTime is null ? "endDateTime must be empty (now) or yyyyMMdd-HH:mm:ss" : null,
            c.EndDateTime is { Length: > 0 } end && !DateTime.TryParseExact(end, "yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? $"endDateTime '{end}' is not yyyyMMdd-HH:mm:ss (UTC) or empty for now" : null),
        _ => $"{command.GetType().Name} is not a research request",
    };

    private static string? Wsh(GetWshEvents c)
    {
        var hasFilter = !string.IsNullOrWhiteSpace(c.FilterJson);
        if ((c.ConId is null) == !hasFilter) return "give exactly one of conId and filter JSON for WSH events";
        if (c.ConId is { Value: <= 0 } id) return $"conId must be positive, not {id.Value}";
        if (hasFilter)
        {
            if (c.FilterJson!.Length > MaxFilterJson) return $"the filter JSON is {c.FilterJson.Length} characters; at most {MaxFilterJson}";
            try
            {
                using var doc = JsonDocument.Parse(c.FilterJson);
                if (doc.RootElement.ValueKind != JsonValueKind.Object) return "the filter must be a JSON object";
            }
            catch (JsonException e) { return $"the filter is not JSON: {e.Message}"; }
            if (c.FilterJson.Any(ch => ch == '\0')) return "the filter JSON contains a NUL character";
        }
        return First(Date(c.StartDate, "start date"), Date(c.EndDate, "end date"),
            c.Limit is < 1 ? $"limit must be positive, not {c.Limit}" : null);
    }

    private static string? Contract(ContractSpec? c)
    {
        if (c is null) return "a contract is required";
        if (c.FrontMonth) return $"{c}: resolve the front month (GetContractDetails) first, then ask for the contract it returns";
        if (string.IsNullOrWhiteSpace(c.Symbol) && c.ConId is null && c.SecId is null) return "the contract needs a symbol, a conId or a security id";
        if (!Enum.IsDefined(c.SecType)) return $"{(int)c.SecType} is not a security type";
        return First(Text(c.Symbol, "symbol"), Text(c.Exchange, "exchange"), Text(c.Currency, "currency"), Text(c.PrimaryExchange, "primary exchange"),
            Text(c.LastTradeDateOrContractMonth, "expiry"), Text(c.Multiplier, "multiplier"), Text(c.LocalSymbol, "local symbol"),
            Text(c.TradingClass, "trading class"), Text(c.SecIdType, "security id type"), Text(c.SecId, "security id"));
    }

    private static string? Code(string? code, string what) =>
        string.IsNullOrWhiteSpace(code) ? $"a {what} is required" :
        CodePattern().IsMatch(code) ? null : $"{what} '{Printable(code)}' is not a provider code (letters, digits and '_', at most 16)";

    private static string? Text(string? text, string what, bool required = false)
    {
        if (string.IsNullOrEmpty(text)) return required ? $"a {what} is required" : null;
        return TextChecks.Problem(what, text, MaxText);
    }

    private static string? Date(string? text, string what) =>
        string.IsNullOrEmpty(text) || DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null : $"the {what} '{Printable(text)}' is not yyyyMMdd";

    private static string Printable(string text) => TextChecks.Printable(text, MaxText);

    private static string? First(params string?[] problems) => problems.FirstOrDefault(p => p is not null);

    [GeneratedRegex("^[A-Za-z0-9_]{1,16}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[1-9][0-9]{0,3} (day|days|week|weeks|month|months|year|years)$", RegexOptions.IgnoreCase)]
    private static partial Regex PeriodPattern();

    [GeneratedRegex("^[1-9][0-9]{0,4} [SDWMY]$")]
    private static partial Regex DurationPattern();
}
