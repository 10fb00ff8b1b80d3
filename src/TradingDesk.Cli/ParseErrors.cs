using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace TradingDesk.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into lines in the user's words: each distinct problem once, missing
/// arguments named with the verb's usage, and any "Cannot parse argument … as expected type 'System.…'" that a
/// custom parser did not already replace said with the kind of value expected instead of a .NET type name.
/// </summary>
public static partial class ParseErrors
{
    /// <summary>True when no command was given and nothing else is wrong (<c>desk</c>): the caller prints the usage.</summary>
    public static bool IsMissingCommand(ParseResult parsed) =>
        parsed.CommandResult.Command is RootCommand && parsed.Errors.Count > 0 && parsed.Errors.All(IsMissingCommandError);

    private static bool IsMissingCommandError(ParseError error) =>
        error.Message.StartsWith("Required command was not provided", StringComparison.Ordinal);

    /// <summary>One line per distinct problem, each starting with "desk" or "desk VERB".</summary>
    public static IReadOnlyList<string> Lines(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var prefix = Prefix(parsed.CommandResult);
        var lines = new List<string>();
        var missing = command.Arguments
            .Where(a => a.Arity.MinimumNumberOfValues > 0 && (parsed.GetResult(a) is not ArgumentResult r || r.Tokens.Count == 0))
            .Select(a => a.Name).ToList();
        if (missing.Count > 0)
        {
            var usage = string.Join(' ', command.Arguments.Select(a => $"<{a.Name}>"));
            lines.Add($"{prefix}: missing {Join(missing)} (usage: {prefix} {usage} [options]; see '{prefix} --help')");
        }
        // "desk bars AAPL --count x": System.CommandLine says each unknown token apart; one line names them all.
        var unknown = parsed.Errors.Select(e => Unrecognized().Match(e.Message)).Where(m => m.Success).Select(m => m.Groups["token"].Value).ToList();
        if (unknown.Count > 1)
            lines.Add($"{prefix}: Unrecognized command or arguments {string.Join(" ", unknown.Select(t => $"'{t}'"))}; see '{prefix} --help'");
        foreach (var error in parsed.Errors)
        {
            if (unknown.Count > 1 && Unrecognized().IsMatch(error.Message)) continue;
            // The missing arguments are already said above, in one line for all of them.
            if (missing.Count > 0 && error.Message.StartsWith("Required argument missing", StringComparison.Ordinal)) continue;
            // "desk --bogus": the unknown token is the problem worth saying, not the missing command.
            if (command is RootCommand && IsMissingCommandError(error) && parsed.Errors.Count > 1) continue;
            var line = $"{prefix}: {InUserWords(error.Message)}";
            if (!lines.Contains(line)) lines.Add(line);
        }
        return lines;
    }

    /// <summary>"desk", "desk VERB" or, for a verb of a group, "desk GROUP VERB" (desk cluster status).</summary>
    private static string Prefix(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is CommandResult { Command: not RootCommand } c; r = c.Parent) names.Insert(0, c.Command.Name);
        return string.Join(' ', ["desk", .. names]);
    }

    /// <summary>System.CommandLine's conversion message with the .NET type replaced by what the value should be.</summary>
    public static string InUserWords(string message)
    {
        var match = CannotParse().Match(message);
        if (!match.Success) return message;
        var (value, kind, name, type) = (match.Groups["value"].Value, match.Groups["kind"].Value, match.Groups["name"].Value, match.Groups["type"].Value);
        var subject = kind == "option" ? name : "an argument";
        return $"{subject}: '{value}' is not {Expected(type)}";
    }

    private static string Expected(string type)
    {
        var nullable = NullableOf().Match(type);
        var inner = nullable.Success ? nullable.Groups["inner"].Value : type;
        return inner switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt32" or "System.UInt64" => "a whole number (e.g. 17)",
            "System.Decimal" or "System.Double" or "System.Single" => "a number (e.g. 101.25; a dot for decimals)",
            "System.Boolean" => "true or false",
            "System.TimeSpan" => "a duration (e.g. 00:00:30)",
            "System.DateTime" or "System.DateTimeOffset" => "a date and time (e.g. 2026-03-10T15:00:00Z)",
            "System.DateOnly" => "a date (e.g. 2026-03-10)",
            _ => $"a valid value ({inner[(inner.LastIndexOf('.') + 1)..]})",
        };
    }

    private static string Join(IReadOnlyList<string> names) =>
        names.Count == 1 ? names[0] : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?<kind>option|command) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"^Unrecognized command or argument '(?<token>.*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex Unrecognized();

    [GeneratedRegex(@"^System\.Nullable`1\[(?<inner>.*)\]$")]
    private static partial Regex NullableOf();
}
