using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingDesk.Hosting;

/// <summary>
/// Takes the journal store before the actor system starts (it is registered before the actor system's hosted service,
/// and hosted services start in order) and lets it go after the actor system has stopped (they stop in reverse). For
/// SQLite that is <see cref="SqliteJournalFile"/>: the lock, the checks and WAL, refusing the start with a
/// <see cref="JournalStoreException"/>. PostgreSQL needs nothing here: the schema is created on first use, and a
/// server that is down is the order manager's recovery failure, retried with backoff, not a reason to refuse the start.
/// </summary>
/// <remarks>
/// A node without the desk role (a strategy node) journals nothing: <see cref="Store"/> is null and no file is taken,
/// so strategy nodes may run in the desk node's working directory.
/// </remarks>
public sealed class JournalStoreService(StoreLocation? store, ILoggerFactory loggers) : IHostedService, IDisposable
{
    private readonly ILogger _log = loggers.CreateLogger("TradingDesk.Journal");
    private SqliteJournalFile? _file;

    /// <summary>The store in use, null on a node without the desk (<c>desk run</c> prints its <see cref="StoreLocation.Describe"/>).</summary>
    public StoreLocation? Store { get; } = store;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Store is null) return Task.CompletedTask;
        if (Store is SqliteStore sqlite) _file ??= SqliteJournalFile.Open(sqlite);
        _log.LogInformation("Journal: {Store}", Store.Describe());
        return Task.CompletedTask;
    }

    /// <summary>After the actor system has stopped: a host started again in the same process may take the file.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _file?.Dispose();
        _file = null;
    }
}
