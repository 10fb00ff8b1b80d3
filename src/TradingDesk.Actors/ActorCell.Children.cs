namespace TradingDesk.Actors;

/// <summary>Children: creation with unique names, lookup, and bookkeeping when they stop.</summary>
internal sealed partial class ActorCell
{
    // Guarded by lock(this): the user guardian's children are created from any thread through
    // ActorSystem.ActorOf; every other cell only touches its map on its own turn.
    private Dictionary<string, LocalActorRef>? _children;
    private long _childCounter;
    private bool _closedForChildren;

    public IReadOnlyCollection<IActorRef> Children
    {
        get
        {
            lock (this) return _children is null ? [] : [.. _children.Values];
        }
    }

    internal int ChildCount
    {
        get
        {
            lock (this) return _children?.Count ?? 0;
        }
    }

    public IActorRef Child(string name)
    {
        lock (this) return _children is not null && _children.TryGetValue(name, out var c) ? c : ActorRefs.Nobody;
    }

    private bool IsCurrentChild(LocalActorRef child)
    {
        lock (this) return _children is not null && _children.TryGetValue(child.Path.Name, out var c) && c == child;
    }

    public IActorRef ActorOf(Props props, string? name = null)
    {
        EnsureOnTurn();
        return MakeChild(props, name);
    }

    internal LocalActorRef MakeChild(Props props, string? name)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (name is not null) ValidateName(name);
        ActorCell child;
        lock (this)
        {
            if (_closedForChildren)
                throw new InvalidOperationException($"Cannot create a child of [{_self.Path}]: it is stopping or stopped.");
            name ??= GeneratedName(_childCounter++);
            _children ??= [];
            if (_children.ContainsKey(name))
                throw new InvalidActorNameException($"Actor name [{name}] is not unique among the children of [{_self.Path}].");
            child = new ActorCell(_system, this, props, _self.Path / name);
            _children.Add(name, child._self);
        }
        child.SendSystem(Create.Instance);
        return child._self;
    }

    private static void ValidateName(string name)
    {
        if (name.Length == 0) throw new InvalidActorNameException("Actor name must not be empty.");
        if (name[0] == '$') throw new InvalidActorNameException($"Actor name [{name}] must not start with '$' (reserved for generated names).");
        foreach (var ch in name)
        {
            if (char.IsLetterOrDigit(ch) || "-_.*$+:@&=,!~';".Contains(ch)) continue;
            throw new InvalidActorNameException($"Actor name [{name}] contains the invalid character '{ch}'.");
        }
    }

    /// <summary>"$" plus the counter in a base-64 alphabet: short, unique among siblings, one allocation.</summary>
    private static string GeneratedName(long n)
    {
        const string chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";
        Span<char> buf = stackalloc char[12];
        var i = buf.Length;
        do
        {
            buf[--i] = chars[(int)(n & 63)];
            n >>= 6;
        } while (n != 0);
        buf[--i] = '$';
        return new string(buf[i..]);
    }

    private LocalActorRef[] SnapshotChildren()
    {
        lock (this) return _children is null ? [] : [.. _children.Values];
    }

    /// <summary>Remembers that we asked this child to stop, so a restart can wait for it.</summary>
    private void MarkChildStopping(ActorCell child)
    {
        if (child._stopRequestedByParent) return;
        child._stopRequestedByParent = true;
        Extras.StoppingChildren++;
    }

    private void HandleChildTerminated(IActorRef child)
    {
        var cell = ((LocalActorRef)child).Cell;
        int remaining;
        lock (this)
        {
            if (_children is not null && _children.TryGetValue(child.Path.Name, out var c) && c == child)
            {
                _children.Remove(child.Path.Name);
                // Drop the map when empty so a guardian that once had 100,000 children does not keep
                // the grown table forever.
                if (_children.Count == 0) _children = null;
            }
            remaining = _children?.Count ?? 0;
        }
        if (_extras is { } x)
        {
            if (cell._stopRequestedByParent) x.StoppingChildren--;
            x.RestartStats?.Remove(child);
        }

        if (_state == CellState.Terminating && remaining == 0) FinishTerminate();
        else if (_state == CellState.Restarting && (_extras?.StoppingChildren ?? 0) == 0) FinishRecreate();
    }
}
