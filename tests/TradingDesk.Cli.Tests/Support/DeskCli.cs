namespace TradingDesk.Cli.Tests;

/// <summary>The <c>desk</c> command line run in this process with empty stdin, its output captured.</summary>
internal static class DeskCli
{
    public static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(args, new StringReader(""), stdout, stderr, () => Stream.Null);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
