using System.Runtime.Serialization;
using Google.Protobuf;

namespace TradingDesk.Cluster.Serialization;

/// <summary>One bound type: its manifest and how it maps to and from its protobuf twin.</summary>
internal abstract class WireEntry(Type type, string manifest)
{
    public Type Type { get; } = type;
    public string Manifest { get; } = manifest;
    public abstract byte[] Write(object message, WireContext context);
    /// <summary>The protobuf twin itself, before it becomes bytes (the gRPC front hands it to its response as it is).</summary>
    public abstract IMessage ToWire(object message, WireContext context);
    public abstract object Read(byte[] bytes, WireContext context);
}

internal sealed class WireEntry<T, TWire>(string manifest, MessageParser<TWire> parser, Func<T, WireContext, TWire> write, Func<TWire, WireContext, T> read)
    : WireEntry(typeof(T), manifest)
    where T : notnull
    where TWire : IMessage<TWire>
{
    public override byte[] Write(object message, WireContext context) => write((T)message, context).ToByteArray();

    public override IMessage ToWire(object message, WireContext context) => write((T)message, context);

    public override object Read(byte[] bytes, WireContext context) => read(parser.ParseFrom(bytes), context);
}

/// <summary>Every bound type by CLR type and by manifest. Built once; a duplicate type or manifest is a bug at start.</summary>
internal sealed class WireTable
{
    private readonly Dictionary<Type, WireEntry> _byType = new();
    private readonly Dictionary<string, WireEntry> _byManifest = new(StringComparer.Ordinal);

    /// <summary>The desk's table: every message of the contract (the manifests are listed in <see cref="Manifests"/>).</summary>
    public static WireTable Desk { get; } = Build();

    public IReadOnlyCollection<WireEntry> Entries => _byManifest.Values;

    public WireEntry? ForType(Type type) => _byType.GetValueOrDefault(type);

    public WireEntry? ForManifest(string manifest) => _byManifest.GetValueOrDefault(manifest);

    public void Add<T, TWire>(string manifest, MessageParser<TWire> parser, Func<T, WireContext, TWire> write, Func<TWire, WireContext, T> read)
        where T : notnull where TWire : IMessage<TWire>
    {
        var entry = new WireEntry<T, TWire>(manifest, parser, write, read);
        if (!_byType.TryAdd(typeof(T), entry)) throw new InvalidOperationException($"{typeof(T)} is bound twice");
        if (!_byManifest.TryAdd(manifest, entry)) throw new InvalidOperationException($"manifest '{manifest}' is used twice");
    }

    public void Add<T, TWire>(string manifest, MessageParser<TWire> parser, Func<T, TWire> write, Func<TWire, T> read)
        where T : notnull where TWire : IMessage<TWire> =>
        Add<T, TWire>(manifest, parser, (m, _) => write(m), (w, _) => read(w));

    private static WireTable Build()
    {
        var table = new WireTable();
        DomainEntries.Register(table);
        SubscriptionWire.Register(table);
        MarketDataWire.Register(table);
        AccountWire.Register(table);
        HistoricalWire.Register(table);
        ReferenceDataWire.Register(table);
        OrderCommandWire.Register(table);
        OrderEventWire.Register(table);
        ConnectionWire.Register(table);
        ClusterWire.Register(table);
        SessionWire.Register(table);
        ResearchWire.Register(table);
        TickHistoryWire.Register(table);
        OptionWire.Register(table);
        ScannerWire.Register(table);
        GatewayConfigWire.Register(table);
        return table;
    }
}
