namespace TradingDesk.Simulator.Orders;

/// <summary>A state and the events that produced it from the previous state.</summary>
public sealed record MarketUpdate(EngineState State, IReadOnlyList<MarketEvent> Events);

/// <summary>
/// Decide-then-apply accumulator: every decision is emitted as an event and applied at once, so later decisions
/// in the same command see its effect (a fill cancelling its OCA siblings, a parent fill releasing children).
/// </summary>
internal sealed class Transition(EngineState state)
{
    private readonly List<MarketEvent> _events = [];

    public EngineState State { get; private set; } = state;

    public void Emit(MarketEvent e)
    {
        State = State.Apply(e);
        _events.Add(e);
    }

    public MarketUpdate ToUpdate() => new(State, _events);
}
