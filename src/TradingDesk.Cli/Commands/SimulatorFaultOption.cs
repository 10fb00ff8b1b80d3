using System.CommandLine;
using System.CommandLine.Parsing;
using TradingDesk.Simulator;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>--fault KIND [ARG] [at TIME]</c>, repeatable: the simulator's scheduled faults on the command line. A fault is
/// several words (<c>--fault refuse 10s at 20s</c>) or one quoted string (<c>--fault "refuse 10s at 20s"</c>).
/// </summary>
public static class SimulatorFaultOption
{
    public static Option<string[]> Create() => new("--fault")
    {
        Description = "Inject a fault, repeatable: " + FaultGrammar.Summary +
            ". T, P, D are durations (500ms, 30s, 2m, 1h); T counts from the start, and without 'at' the fault fires at start " +
            "(drop-every: after one period). Example: --fault drop-every 30s --fault stall 5s at 40s.",
        HelpName = "FAULT",
        // Each --fault takes every word up to the next option; the words of one occurrence are told apart from the
        // next one's by their position in the token list (see Groups).
        AllowMultipleArgumentsPerToken = true,
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>The words given after each occurrence of <paramref name="option"/>, one list per occurrence, in order.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Groups(ParseResult parse, Option option)
    {
        var groups = new List<List<string>>();
        List<string>? current = null;
        foreach (var token in parse.Tokens)
        {
            switch (token.Type)
            {
                case TokenType.Option when token.Value == option.Name || option.Aliases.Contains(token.Value):
                    current = [];
                    groups.Add(current);
                    break;
                case TokenType.Argument when current is not null:
                    // A quoted fault is one token with spaces inside.
                    current.AddRange(token.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
                    break;
                default:
                    current = null;
                    break;
            }
        }
        return groups;
    }

    /// <summary>Parses every occurrence; null and one line on <paramref name="stderr"/> for the first bad one.</summary>
    public static IReadOnlyList<ScheduledFault>? Parse(IReadOnlyList<IReadOnlyList<string>> groups, TextWriter stderr)
    {
        var faults = new List<ScheduledFault>();
        foreach (var words in groups)
        {
            try
            {
                faults.Add(FaultGrammar.Parse(words));
            }
            catch (FaultSyntaxException ex)
            {
                stderr.WriteLine($"desk simulator: --fault '{ex.Given}': {ex.Problem}; expected {ex.Expected}");
                return null;
            }
        }
        return faults;
    }
}
