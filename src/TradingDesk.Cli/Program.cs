using System.CommandLine;
using TradingDesk.Cli.Commands;
using TradingDesk.Hosting;

namespace TradingDesk.Cli;

/// <summary>The <c>desk</c> command.</summary>
public static class Program
{
    /// <summary>Exit code for bad input, bad arguments and unreachable gateways: one line on stderr, never a stack trace.</summary>
    public const int BadInput = 2;

    public static int Main(string[] args) => Run(args, Console.In, Console.Out, Console.Error, Console.OpenStandardInput);

    /// <summary>Runs the command line against the given streams (tests call this in-process).</summary>
    /// <summary>
    /// A desk's start holds thread-pool threads for a while: SQLite's async calls complete synchronously, and the
    /// journal's SQL layer compiles its queries on first use. With the pool's default minimum (one thread per core) and
    /// its slow growth beyond it (about one thread per half second), the gateway connect then waited behind the journal's
    /// recovery, close to a second on two cores. A few more threads up front let both go on at once.
    /// </summary>
    private static void EnsureStartupThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < MinWorkerThreads) ThreadPool.SetMinThreads(MinWorkerThreads, completionPorts);
    }

    private const int MinWorkerThreads = 8;

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, Func<Stream> openStdin)
    {
        EnsureStartupThreads();
        var root = CreateRoot(stdout, stderr, openStdin);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            if (ParseErrors.IsMissingCommand(parsed))
            {
                // `desk` alone: the usage once (on stderr: stdout stays data), not "Required command was not provided."
                root.Parse(["--help"]).Invoke(new InvocationConfiguration { Output = stderr, Error = stderr });
                return BadInput;
            }
            foreach (var line in ParseErrors.Lines(parsed)) stderr.WriteLine(line);
            return BadInput;
        }
        // After Ctrl-C / SIGTERM the command's token is cancelled and the command gets this long to finish before the
        // process is ended (System.CommandLine's default is 2 s): `desk run` waits for its cancels (StopTimeout, at most
        // 60 s) and then stops the desk.
        var termination = TradingDeskOptions.LongestStopTimeout + TimeSpan.FromSeconds(30);
        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = termination });
    }

    /// <summary>Parses without running anything (the tests check that the commands written in docker-compose.yml parse).</summary>
    public static ParseResult Parse(IReadOnlyList<string> args) => CreateRoot(TextWriter.Null, TextWriter.Null, () => Stream.Null).Parse(args);

    private static RootCommand CreateRoot(TextWriter stdout, TextWriter stderr, Func<Stream> openStdin)
    {
        var root = new RootCommand("TradingDesk: an actor-based trading desk for Interactive Brokers.")
        {
            DecodeCommand.Create(stdout, stderr, openStdin),
            SimulatorCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            NodeCommand.Create(stdout, stderr),
            ClusterCommand.Create(stdout, stderr),
            JournalCommand.Create(stdout, stderr),
            TokenCommand.Create(stdout, stderr),
        };
        foreach (var verb in GatewayVerbs.Create(stdout, stderr)) root.Subcommands.Add(verb);
        foreach (var verb in SessionVerbs.Create(stdout, stderr)) root.Subcommands.Add(verb);
        foreach (var verb in ResearchVerbs.Create(stdout, stderr)) root.Subcommands.Add(verb);
        foreach (var verb in OptionVerbs.Create(stdout, stderr)) root.Subcommands.Add(verb);
        return root;
    }
}
