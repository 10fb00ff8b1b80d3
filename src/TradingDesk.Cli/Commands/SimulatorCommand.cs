using System.CommandLine;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using TradingDesk.Protocol;
using TradingDesk.Simulator;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// <c>desk simulator [--port 4002] [--seed 42] [--max-version N] [--accounts DU111111,DU222222] [--fault …]…</c>:
/// runs the gateway simulator standalone in real time, logging each connection, request and fault, until Ctrl-C.
/// </summary>
public static partial class SimulatorCommand
{
    /// <param name="started">called once listening (tests read the port from it).</param>
    /// <param name="stopping">stops the simulator like Ctrl-C does (tests).</param>
    public static Command Create(TextWriter stdout, TextWriter stderr, Action<GatewaySimulator>? started = null, CancellationToken stopping = default)
    {
        var port = new Option<int>("--port") { Description = "TCP port to listen on (0 picks a free one).", DefaultValueFactory = _ => 4002 };
        port.Validators.Add(r =>
        {
            if (IntToken(r) is { } p && p is < 0 or > 65535) r.AddError($"--port must be 0..65535, not {p}");
        });
        var seed = new Option<long>("--seed") { Description = "Seed of the price paths.", DefaultValueFactory = _ => 42 };
        var maxVersion = new Option<int>("--max-version")
        {
            Description = "Highest server version offered (emulates an older gateway).",
            DefaultValueFactory = _ => ServerVersions.Max,
        };
        maxVersion.Validators.Add(r =>
        {
            if (IntToken(r) is { } v && v is < ServerVersions.Min or > ServerVersions.Max)
                r.AddError($"--max-version must be {ServerVersions.Min}..{ServerVersions.Max}, not {v}");
        });
        var accounts = new Option<string>("--accounts") { Description = "Comma-separated paper accounts.", DefaultValueFactory = _ => "DU111111" };
        accounts.Validators.Add(r =>
        {
            var text = r.GetValueOrDefault<string>() ?? "";
            if (ParseAccounts(text) is null) r.AddError($"--accounts must be comma-separated account codes (letters and digits), not '{text}'");
        });

        var faults = SimulatorFaultOption.Create();

        var command = new Command("simulator",
            "Run the IB gateway simulator (paper market) until Ctrl-C; --fault rehearses outages (drops, restarts, refusals, stalls, 1100/1101/1102, rejections).")
        {
            port, seed, maxVersion, accounts, faults,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            if (SimulatorFaultOption.Parse(SimulatorFaultOption.Groups(parse, faults), stderr) is not { } scheduled) return Program.BadInput;
            // Ctrl-C (SIGINT) and SIGTERM stop the simulator cleanly; registered here so it does not depend on
            // how the command line was invoked.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation, stopping);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
            return await RunAsync(new SimulatorOptions
            {
                Port = parse.GetValue(port),
                Seed = parse.GetValue(seed),
                MaxVersion = parse.GetValue(maxVersion),
                Accounts = ParseAccounts(parse.GetValue(accounts)!)!,
                ScheduledFaults = scheduled,
            }, stdout, stderr, stop.Token, started);

            void Stop(PosixSignalContext context)
            {
                context.Cancel = true; // keep the process alive until the simulator has stopped
                stop.Cancel();
            }
        });
        return command;
    }

    // Validators run even when the token is not a number (the parser reports that itself): read the token, not the value.
    private static int? IntToken(System.CommandLine.Parsing.OptionResult r) =>
        r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    public static IReadOnlyList<string>? ParseAccounts(string text)
    {
        var list = text.Split(',', StringSplitOptions.TrimEntries);
        return list.Length > 0 && list.All(a => AccountCode().IsMatch(a)) ? list : null;
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex AccountCode();

    /// <summary>Starts the simulator, logs to <paramref name="stdout"/>, and stops cleanly when <paramref name="cancellation"/> fires.</summary>
    /// <param name="started">called once listening (tests read the port from it).</param>
    public static async Task<int> RunAsync(SimulatorOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellation,
        Action<GatewaySimulator>? started = null)
    {
        using var loggers = new TextWriterLoggerFactory(stdout);
        GatewaySimulator simulator;
        try
        {
            simulator = await GatewaySimulator.StartAsync(options with { Loggers = loggers, ClockMode = ClockMode.RealTime }, cancellation);
        }
        catch (SocketException ex)
        {
            stderr.WriteLine($"desk simulator: cannot listen on port {options.Port}: {ex.Message}");
            return Program.BadInput;
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"desk simulator: {ex.Message}");
            return Program.BadInput;
        }
        await using (simulator)
        {
            stdout.WriteLine($"desk simulator: listening on {options.Address}:{simulator.Port}, versions {options.MinVersion}..{options.MaxVersion}, " +
                $"seed {options.Seed}, accounts {string.Join(",", options.Accounts)}" +
                (options.ScheduledFaults.Count == 0 ? "" : $", faults: {string.Join("; ", options.ScheduledFaults)}") + "; Ctrl-C stops");
            started?.Invoke(simulator);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
            }
            stdout.WriteLine("desk simulator: stopping");
        }
        return 0;
    }
}
