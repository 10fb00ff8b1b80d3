using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;

namespace TradingDesk.Hosting.Dashboard;

/// <summary>
/// Hands the <see cref="DashboardActor"/>'s snapshots to the <c>/events</c> streams. <see cref="Publish"/> never blocks
/// (it is called from the actor): each open page has a channel holding only the newest snapshot, so a slow browser
/// skips snapshots instead of slowing the desk or piling them up. A page that connects gets the latest one at once.
/// </summary>
public sealed class DashboardFeed
{
    /// <summary>The page's JSON: camelCase, enums as names.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly object _gate = new();
    private readonly List<Channel<string>> _pages = [];
    private string? _latest;

    /// <summary>The newest snapshot as JSON (null before the first).</summary>
    public string? Latest
    {
        get
        {
            lock (_gate) return _latest;
        }
    }

    /// <summary>How many pages are connected.</summary>
    public int Pages
    {
        get
        {
            lock (_gate) return _pages.Count;
        }
    }

    public void Publish(DashboardSnapshot snapshot)
    {
        var json = JsonSerializer.Serialize(snapshot, Json);
        lock (_gate)
        {
            _latest = json;
            foreach (var page in _pages) page.Writer.TryWrite(json);
        }
    }

    /// <summary>A page's stream of snapshots, the latest first; it ends when <paramref name="cancel"/> fires (the page went away).</summary>
    public async IAsyncEnumerable<string> Subscribe([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            if (_latest is not null) channel.Writer.TryWrite(_latest);
            _pages.Add(channel);
        }
        try
        {
            while (true)
            {
                string json;
                try
                {
                    json = await channel.Reader.ReadAsync(cancel);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
                yield return json;
            }
        }
        finally
        {
            lock (_gate) _pages.Remove(channel);
        }
    }
}
