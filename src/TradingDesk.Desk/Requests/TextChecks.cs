namespace TradingDesk.Desk.Requests;

/// <summary>
/// Free text a command carries into a TWS field. IB's text frames are NUL-separated fields, so a control character
/// would end a field early and start a forged one; an over-long field is a mistake no gateway accepts. One rule, and
/// one wording, for every family's checks.
/// </summary>
internal static class TextChecks
{
    /// <summary>Why <paramref name="text"/> cannot go to the gateway as the <paramref name="what"/>; null when it can (or is absent).</summary>
    public static string? Problem(string what, string? text, int max)
    {
        if (text is null) return null;
        if (text.Length > max) return $"the {what} is {text.Length} characters; at most {max}";
        return text.Any(char.IsControl) ? $"the {what} '{Printable(text, max)}' contains a control character" : null;
    }

    /// <summary>The user's words with control characters shown as escapes, so an error message cannot carry them on.</summary>
    public static string Printable(string text, int max)
    {
        var shown = string.Concat(text.Take(max).Select(ch => char.IsControl(ch) ? $"\\u{(int)ch:x4}" : ch.ToString()));
        return text.Length > max ? shown + "…" : shown;
    }
}
