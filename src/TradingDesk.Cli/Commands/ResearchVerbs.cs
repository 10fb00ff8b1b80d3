using System.CommandLine;

namespace TradingDesk.Cli.Commands;

/// <summary>The research verbs (news, fundamentals, historical ticks, histograms), for Program.cs to register in one line.</summary>
public static class ResearchVerbs
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr) =>
        [NewsVerbs.News(stdout, stderr), NewsVerbs.Fundamentals(stdout, stderr), TickHistoryVerbs.Ticks(stdout, stderr), TickHistoryVerbs.Histogram(stdout, stderr)];
}
