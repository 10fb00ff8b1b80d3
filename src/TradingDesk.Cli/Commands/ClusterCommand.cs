using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TradingDesk.Hosting;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk cluster status --seed-node URI [--json] [--timeout 10s]</c>: asks one node (any member; a seed node is the
/// one whose address is known) for the members, their roles, status and reachability, where the desk singleton runs,
/// the gateway connection state and which strategies run on which node. No answer in time is one line on stderr and
/// exit code 2.
/// </summary>
public static class ClusterCommand
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var node = new Option<string?>("--seed-node") { Description = $"The node to ask, {ClusterAddresses.Example} (any running member)." };
        node.Validators.Add(r =>
        {
            if (r.Tokens.Count == 1 && ClusterAddresses.Problem(r.Tokens[0].Value) is { } problem) r.AddError($"--seed-node: {problem}");
        });
        var json = new Option<bool>("--json") { Description = "One JSON document instead of lines." };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "How long to wait for the answer: seconds (10) or a duration (10s, 1m). Default 10s.",
            DefaultValueFactory = _ => DefaultTimeout,
            CustomParser = ParseTimeout,
        };
        var status = new Command("status", "Print the cluster's members, where the desk runs, its gateway connection and where each strategy runs.") { node, json, timeout };
        status.Validators.Add(r =>
        {
            if (r.GetResult(node) is null)
                r.AddError($"--seed-node is required: the node to ask, like {ClusterAddresses.Example}");
        });
        status.SetAction(async (parse, cancellation) =>
        {
            var address = ClusterAddresses.Normalize(parse.GetValue(node)!);
            var wait = parse.GetValue(timeout);
            var answer = await ClusterStatusClient.AskAsync(address, wait, cancellation);
            if (answer is null)
            {
                stderr.WriteLine($"desk cluster status: no answer from {address} within {Durations.Format(wait)} (is a desk or strategy node running there, and is the address the one it advertises?)");
                return Program.BadInput;
            }
            if (parse.GetValue(json)) stdout.WriteLine(ClusterStatusClient.Json(answer));
            else foreach (var line in ClusterStatusClient.Lines(answer)) stdout.WriteLine(line);
            return 0;
        });
        return new Command("cluster", "Look at a running cluster of desk and strategy nodes.") { status };
    }

    private static TimeSpan ParseTimeout(ArgumentResult r)
    {
        var text = r.Tokens.Count == 1 ? r.Tokens[0].Value : "";
        TimeSpan value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < 1e6)
            value = TimeSpan.FromSeconds(seconds);
        else if (!Durations.TryParse(text, out value, out _))
        {
            r.AddError($"--timeout must be a number of seconds (10) or a duration (10s, 500ms, 1m), not '{text}'");
            return DefaultTimeout;
        }
        if (value <= TimeSpan.Zero || value > TimeSpan.FromMinutes(10)) r.AddError($"--timeout must be more than 0 and at most 10m, not '{text}'");
        return value;
    }
}
