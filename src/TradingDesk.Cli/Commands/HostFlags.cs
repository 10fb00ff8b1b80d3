using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>The flags <c>desk run</c> and <c>desk node</c> share: how long to run, which config, and how to show it.</summary>
public sealed class HostFlags
{
    public Option<TimeSpan?> Duration { get; } = new("--duration")
    {
        Description = "Stop by itself after this long, counted from the start: seconds (60) or a duration (90s, 2m). Default: run until Ctrl-C.",
        CustomParser = ParseDuration,
    };

    public Option<string?> Config { get; } = new("--config") { Description = "Directory holding appsettings.json (default: ./config, else the one next to the program)." };

    public Option<string?> Environment { get; } = new("--environment") { Description = "Also read appsettings.NAME.json, e.g. Paper or Live (default: $TRADINGDESK_ENVIRONMENT)." };

    public Option<bool> Plain { get; } = new("--plain") { Description = "Plain periodic lines instead of the live view, even on a terminal." };

    public static HostFlags Create() => new();

    public void AddTo(Command command)
    {
        command.Options.Add(Duration);
        command.Options.Add(Config);
        command.Options.Add(Environment);
        command.Options.Add(Plain);
    }

    /// <summary>The run settings these flags say, for <c>desk <paramref name="verb"/></c>.</summary>
    public RunCommand.RunSettings Read(ParseResult parse, TextWriter stdout, string verb) => new(
        parse.GetValue(Duration),
        null,
        null,
        parse.GetValue(Config) ?? DefaultConfigDirectory(),
        parse.GetValue(Environment) ?? System.Environment.GetEnvironmentVariable("TRADINGDESK_ENVIRONMENT"),
        parse.GetValue(Plain) || !ReferenceEquals(stdout, Console.Out) || Console.IsOutputRedirected) { Verb = verb };

    internal static string DefaultConfigDirectory() =>
        File.Exists(Path.Combine("config", "appsettings.json")) ? "config" : Path.Combine(AppContext.BaseDirectory, "config");

    private static TimeSpan? ParseDuration(ArgumentResult r)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        TimeSpan value;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) value = TimeSpan.FromSeconds(seconds);
        else if (!Durations.TryParse(text, out value, out _))
        {
            r.AddError($"--duration must be a number of seconds (60) or a duration (90s, 2m, 00:01:30), not '{text}'");
            return null;
        }
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1)) r.AddError($"--duration must be positive and at most a day, not '{text}'");
        return value;
    }
}
