using System.Globalization;

namespace TradingDesk.Hosting;

/// <summary>
/// The <c>TradingDesk</c> section of <c>config/appsettings*.json</c> (and <c>TRADINGDESK_</c> environment variables,
/// e.g. <c>TRADINGDESK_TradingDesk__Gateway=127.0.0.1:4002</c>). Immutable; <see cref="Validated"/> at start.
/// </summary>
public sealed record TradingDeskOptions
{
    /// <summary>"host:port" of TWS / IB Gateway. Default empty: start the embedded simulator on a free port.</summary>
    public string? Gateway { get; init; }

    /// <summary>API client id of the desk. Default 1 (0 is the master client).</summary>
    public int ClientId { get; init; } = 1;

    /// <summary>Seed of the embedded simulator's price paths. Default 42.</summary>
    public long SimulatorSeed { get; init; } = 42;

    /// <summary>
    /// Simulated instant the embedded simulator starts at (then runs in real time). Default empty: the most recent
    /// weekday at 15:00 UTC (10:00 in New York, market open), so the paper market trades on nights and weekends too.
    /// </summary>
    public DateTimeOffset? SimulatorStart { get; init; }

    /// <summary>On stop (Ctrl-C or end of --duration), cancel the strategies' working orders. Default true; false keeps them.</summary>
    public bool CancelOrdersOnStop { get; init; } = true;

    /// <summary>How often the console view refreshes (plain lines when not a terminal). Default 00:00:02.</summary>
    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for the first connection before giving up with exit code 2. Default 00:00:20.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The strategies to host. Default none.</summary>
    public StrategyConfig[] Strategies { get; init; } = [];

    /// <summary>Returns these options, or throws <see cref="ArgumentException"/> saying which setting to change.</summary>
    public TradingDeskOptions Validated()
    {
        if (!string.IsNullOrWhiteSpace(Gateway) && ParseGateway(Gateway) is null)
            throw new ArgumentException($"TradingDesk:Gateway must be host:port (for example 127.0.0.1:4002), not '{Gateway}'");
        if (ClientId is < 0 or > 32767) throw new ArgumentException($"TradingDesk:ClientId must be 0..32767, not {ClientId}");
        if (StatusInterval <= TimeSpan.Zero) throw new ArgumentException($"TradingDesk:StatusInterval must be positive, not {StatusInterval}");
        if (ConnectTimeout <= TimeSpan.Zero) throw new ArgumentException($"TradingDesk:ConnectTimeout must be positive, not {ConnectTimeout}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Strategies.Length; i++)
        {
            var s = Strategies[i];
            if (string.IsNullOrWhiteSpace(s.Name)) throw new ArgumentException($"TradingDesk:Strategies:{i}:Name must be set");
            if (!System.Text.RegularExpressions.Regex.IsMatch(s.Name, "^[A-Za-z0-9_.-]{1,64}$"))
                throw new ArgumentException($"TradingDesk:Strategies:{i}:Name must be letters, digits, '-', '_' or '.', not '{s.Name}'");
            if (string.IsNullOrWhiteSpace(s.Type)) throw new ArgumentException($"TradingDesk:Strategies:{i}:Type must be set (strategy '{s.Name}')");
            if (!names.Add(s.Name)) throw new ArgumentException($"TradingDesk:Strategies: the name '{s.Name}' is used twice");
        }
        return this;
    }

    /// <summary>Parses "host:port"; null when malformed.</summary>
    public static (string Host, int Port)? ParseGateway(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return null;
        var host = text[..colon].Trim();
        return int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535 && host.Length > 0
            ? (host, port)
            : null;
    }

    /// <summary>The default simulator start: the most recent weekday (today included) at 15:00 UTC.</summary>
    public static DateTimeOffset DefaultSimulatorStart(DateTimeOffset now)
    {
        var day = now.UtcDateTime.Date;
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(-1);
        return new DateTimeOffset(day.AddHours(15), TimeSpan.Zero);
    }
}

/// <summary>One hosted strategy: a registered <see cref="Type"/> and its parameters.</summary>
public sealed record StrategyConfig
{
    /// <summary>Unique name (actor name, StrategyId, orderRef).</summary>
    public string Name { get; init; } = "";

    /// <summary>A strategy type registered with <see cref="TradingDeskBuilder.WithStrategyType"/>, e.g. MovingAverageCrossover.</summary>
    public string Type { get; init; } = "";

    /// <summary>Set false to keep the entry without running it. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The strategy's own settings, as strings (each sample's README lists them).</summary>
    public Dictionary<string, string> Parameters { get; init; } = [];
}
