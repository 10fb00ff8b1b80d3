namespace TradingDesk.Actors;

/// <summary>A parent deciding what happens to a failed child.</summary>
internal sealed partial class ActorCell
{
    private void HandleChildFailure(Failed f)
    {
        var child = (LocalActorRef)f.Child;
        lock (this)
        {
            // A failure report from a child that already stopped (or an older incarnation) is stale.
            if (_children is null || !_children.TryGetValue(child.Path.Name, out var c) || c != child) return;
        }
        if (_state == CellState.Terminating) return; // the child is being stopped anyway

        var strategy = _props.SupervisorStrategy ?? _actor?.GetSupervisorStrategy() ?? SupervisorStrategy.DefaultStrategy;
        var directive = strategy.Decide(f.Cause);
        var affected = strategy is AllForOneStrategy ? SnapshotChildren() : [child];
        switch (directive)
        {
            case Directive.Resume:
                child.SendSystem(Resume.Instance);
                break;
            case Directive.Restart:
                var stats = RestartStatsFor(child);
                if (stats.RequestRestartPermission(strategy, _system.TimeProvider.GetUtcNow()))
                {
                    foreach (var a in affected) a.SendSystem(new Recreate(f.Cause));
                }
                else
                {
                    foreach (var a in affected) Stop(a);
                }
                break;
            case Directive.Stop:
                foreach (var a in affected) Stop(a);
                break;
            default:
                // Escalate: fail ourselves with the child's exception, so our parent decides about us.
                Fail(f.Cause);
                break;
        }
    }

    private ChildRestartStats RestartStatsFor(IActorRef child)
    {
        var map = Extras.RestartStats ??= [];
        if (!map.TryGetValue(child, out var stats)) map[child] = stats = new ChildRestartStats();
        return stats;
    }
}
