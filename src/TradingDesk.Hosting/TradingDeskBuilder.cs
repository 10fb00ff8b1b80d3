using TradingDesk.Actors;

namespace TradingDesk.Hosting;

/// <summary>
/// Configures the hosted desk, in the style of Akka.Hosting:
/// <c>services.AddTradingDesk(config, desk => desk.WithGateway("127.0.0.1", 4002).WithStrategyType("X", ctx => ...))</c>.
/// Values set here override the ones bound from configuration.
/// </summary>
public sealed class TradingDeskBuilder
{
    private readonly Dictionary<string, Func<StrategyContext, Props>> _types = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, Func<StrategyContext, Props> Factory)> _strategies = [];
    private readonly List<Func<TradingDeskOptions, TradingDeskOptions>> _edits = [];

    internal IReadOnlyDictionary<string, Func<StrategyContext, Props>> Types => _types;

    internal IReadOnlyList<(string Name, Func<StrategyContext, Props> Factory)> Strategies => _strategies;

    /// <summary>Connects to TWS / IB Gateway at host:port instead of starting the embedded simulator.</summary>
    public TradingDeskBuilder WithGateway(string host, int port, int? clientId = null) =>
        WithOptions(o => o with { Gateway = $"{host}:{port}", ClientId = clientId ?? o.ClientId });

    /// <summary>Starts the embedded simulator (real time) and connects to it.</summary>
    public TradingDeskBuilder WithEmbeddedSimulator(long? seed = null) =>
        WithOptions(o => o with { Gateway = null, SimulatorSeed = seed ?? o.SimulatorSeed });

    /// <summary>Any change to the options (applied after configuration binding, in order).</summary>
    public TradingDeskBuilder WithOptions(Func<TradingDeskOptions, TradingDeskOptions> edit)
    {
        _edits.Add(edit);
        return this;
    }

    /// <summary>Registers a strategy type that config entries (<c>Strategies:n:Type</c>) can name.</summary>
    public TradingDeskBuilder WithStrategyType(string type, Func<StrategyContext, Props> factory)
    {
        _types[type] = factory;
        return this;
    }

    /// <summary>Hosts one strategy given in code (in addition to those in configuration).</summary>
    public TradingDeskBuilder WithStrategy(string name, Func<StrategyContext, Props> factory)
    {
        _strategies.Add((name, factory));
        return this;
    }

    internal TradingDeskOptions Apply(TradingDeskOptions bound) => _edits.Aggregate(bound, (o, edit) => edit(o));
}
