using System.Text;

namespace TradingDesk.Actors;

/// <summary>
/// The hierarchical address of an actor, e.g. <c>desk://trading/user/router/req-17</c>.
/// Paths are immutable and compare by value; two incarnations of an actor with the same name share a path
/// but not an <see cref="IActorRef"/> (refs also compare by incarnation uid).
/// </summary>
public sealed class ActorPath : IEquatable<ActorPath>
{
    private string? _text;

    private ActorPath(string systemName)
    {
        SystemName = systemName;
        Name = "";
    }

    private ActorPath(ActorPath parent, string name)
    {
        Parent = parent;
        SystemName = parent.SystemName;
        Name = name;
    }

    /// <summary>The name of the actor system this path belongs to.</summary>
    public string SystemName { get; }

    /// <summary>The last element of the path (the actor's name); empty for the root.</summary>
    public string Name { get; }

    /// <summary>The parent path; null for the root.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The path elements below the root, e.g. <c>["user", "router"]</c>.</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var list = new List<string>();
            for (var p = this; p.Parent is not null; p = p.Parent) list.Add(p.Name);
            list.Reverse();
            return list;
        }
    }

    internal static ActorPath Root(string systemName) => new(systemName);

    /// <summary>Creates the path of a child with the given name.</summary>
    public ActorPath Child(string name) => new(this, name);

    /// <summary>Appends a child name: <c>path / "child"</c>.</summary>
    public static ActorPath operator /(ActorPath parent, string name) => parent.Child(name);

    // Built lazily and cached: most actors never have their path printed, so we save the string per actor.
    public override string ToString() => _text ??= Build();

    private string Build()
    {
        var sb = new StringBuilder("desk://").Append(SystemName);
        var elements = Elements;
        if (elements.Count == 0) return sb.Append('/').ToString();
        foreach (var e in elements) sb.Append('/').Append(e);
        return sb.ToString();
    }

    public bool Equals(ActorPath? other)
    {
        var a = this;
        var b = other;
        while (a is not null && b is not null)
        {
            if (ReferenceEquals(a, b)) return true;
            if (a.Name != b.Name) return false;
            a = a.Parent;
            b = b.Parent;
        }
        return a is null && b is null && other is not null && SystemName == other.SystemName;
    }

    public override bool Equals(object? obj) => obj is ActorPath p && Equals(p);

    public override int GetHashCode()
    {
        var h = new HashCode();
        for (var p = this; p is not null; p = p.Parent) h.Add(p.Name);
        return h.ToHashCode();
    }

    public static bool operator ==(ActorPath? a, ActorPath? b) => a is null ? b is null : a.Equals(b);

    public static bool operator !=(ActorPath? a, ActorPath? b) => !(a == b);
}
