namespace TradingDesk.Desk.Orders;

/// <summary>How a journal failure reads in the desk's one-line log messages and failures.</summary>
internal static class StoreFailure
{
    /// <summary>
    /// The causes' messages on one line, outermost first, each once ("Failed to initialize SQL Journal. | Failed to
    /// connect to 127.0.0.1:5432 | Connection refused"). Store drivers do not put the connection string in them.
    /// </summary>
    public static string Describe(Exception cause) => string.Join(" | ", Chain(cause).Select(e => e.Message.ReplaceLineEndings(" ")).Distinct());

    /// <summary>
    /// The part of the chain from the first database driver's exception on (what the store itself said), or null
    /// when a database driver is not among the causes.
    /// </summary>
    public static string? DescribeStore(Exception? cause)
    {
        var chain = Chain(cause).ToList();
        var at = chain.FindIndex(e => e is System.Data.Common.DbException);
        return at < 0 ? null : Describe(chain[at]);
    }

    private static IEnumerable<Exception> Chain(Exception? cause)
    {
        for (var e = cause; e is not null; e = e.InnerException) yield return e;
    }
}
