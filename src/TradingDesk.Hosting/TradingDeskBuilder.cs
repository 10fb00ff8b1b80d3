using Akka.Actor;
using Akka.Hosting;

namespace TradingDesk.Hosting;

/// <summary>
/// Configures the hosted desk, in the style of Akka.Hosting:
/// <c>services.AddTradingDesk(config, desk => desk.WithGateway("127.0.0.1", 4002).WithStrategyType("X", ctx => ...))</c>.
/// Values set here override the ones bound from configuration.
/// </summary>
public sealed class TradingDeskBuilder
{
    private readonly Dictionary<string, StrategyType> _types = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Name, Func<StrategyContext, Props> Factory)> _strategies = [];
    private readonly List<Func<TradingDeskOptions, TradingDeskOptions>> _edits = [];

    /// <summary>A registered strategy type: the parameter names it takes and how to build it.</summary>
    internal sealed record StrategyType(string Name, IReadOnlyCollection<string> Parameters, Func<StrategyContext, Props> Factory);

    internal IReadOnlyDictionary<string, StrategyType> Types => _types;

    private readonly List<Action<AkkaConfigurationBuilder>> _akka = [];

    internal IReadOnlyList<Action<AkkaConfigurationBuilder>> Akka => _akka;

    /// <summary>
    /// More of the actor system's composition, applied after the desk's own (<c>AddHocon</c>, more actors, …). Tests use
    /// it to run the desk on Akka's TestScheduler: <c>desk.WithAkka(a =&gt; a.AddHocon("akka.scheduler.implementation = \"Akka.TestKit.TestScheduler, Akka.TestKit\"", HoconAddMode.Prepend))</c>.
    /// Users configure the desk through the TradingDesk settings; HOCON is the actor system's own business.
    /// </summary>
    public TradingDeskBuilder WithAkka(Action<AkkaConfigurationBuilder> configure)
    {
        _akka.Add(configure);
        return this;
    }

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

    /// <summary>
    /// Registers a strategy type that config entries (<c>Strategies:n:Type</c>) can name, with the names of the
    /// parameters it takes: any other name in an entry's <c>Parameters</c> stops the run with the nearest valid name,
    /// and the factory may read only these.
    /// </summary>
    public TradingDeskBuilder WithStrategyType(string type, IReadOnlyCollection<string> parameters, Func<StrategyContext, Props> factory)
    {
        _types[type] = new StrategyType(type, parameters, factory);
        return this;
    }

    /// <summary>Registers a strategy type that takes no parameters.</summary>
    public TradingDeskBuilder WithStrategyType(string type, Func<StrategyContext, Props> factory) => WithStrategyType(type, [], factory);

    /// <summary>Hosts one strategy given in code (in addition to those in configuration).</summary>
    public TradingDeskBuilder WithStrategy(string name, Func<StrategyContext, Props> factory)
    {
        _strategies.Add((name, factory));
        return this;
    }

    internal TradingDeskOptions Apply(TradingDeskOptions bound) => _edits.Aggregate(bound, (o, edit) => edit(o));

    /// <summary>A strategy to start: its name, factory and parameters (declared names only).</summary>
    public sealed record HostedStrategy(string Name, Func<StrategyContext, Props> Factory, IReadOnlyDictionary<string, string> Parameters, IReadOnlyCollection<string>? Declared);

    /// <summary>
    /// The enabled config entries and the strategies given in code. Throws <see cref="DeskStartException"/> for an
    /// unknown type or parameter name (with the nearest valid one) and for a name used twice.
    /// </summary>
    internal IReadOnlyList<HostedStrategy> Resolve(TradingDeskOptions options, SettingLocations where)
    {
        var binder = new SettingsBinder(where);
        var list = new List<HostedStrategy>();
        for (var i = 0; i < options.Strategies.Length; i++)
        {
            var s = options.Strategies[i];
            if (!s.Enabled) continue;
            var at = $"{DeskConfiguration.Section}:Strategies:{i}";
            if (!_types.TryGetValue(s.Type, out var type))
            {
                var nearest = NearestName.Of(s.Type, _types.Keys);
                throw new DeskStartException($"strategy '{s.Name}': unknown Type '{s.Type}'{where.Suffix($"{at}:Type")}" +
                    (nearest is null ? "; no strategy types are registered" : $"; did you mean {nearest}? (known types: {string.Join(", ", _types.Keys.Order(StringComparer.Ordinal))})"));
            }
            foreach (var key in s.Parameters.Keys)
                if (!type.Parameters.Contains(key, StringComparer.OrdinalIgnoreCase))
                    throw new DeskStartException($"strategy '{s.Name}' ({type.Name}): " + binder.Unknown($"{at}:Parameters:{key}", key, type.Parameters, "parameter"));
            list.Add(new HostedStrategy(s.Name, type.Factory, s.Parameters, type.Parameters));
        }
        foreach (var (name, factory) in _strategies) list.Add(new HostedStrategy(name, factory, new Dictionary<string, string>(), null));
        var duplicate = list.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new DeskStartException($"the strategy name '{duplicate.Key}' is used twice");
        return list;
    }
}
