namespace TradingDesk.Actors;

/// <summary>The actor runtime's root. Not built yet: the runtime arrives with its own issue.</summary>
public sealed class ActorSystem
{
    private ActorSystem() => throw new NotImplementedException("The actor runtime is not built yet.");
}
