namespace TradingDesk.Actors;

internal sealed partial class ActorCell
{
    internal Envelope? CurrentEnvelope => _current;

    /// <summary>Puts envelopes in front of the mailbox, keeping their order, ahead of earlier prepends.</summary>
    internal void Prepend(IReadOnlyList<Envelope> envelopes)
    {
        var list = Extras.Prepend ??= new LinkedList<Envelope>();
        for (var i = envelopes.Count - 1; i >= 0; i--) list.AddFirst(envelopes[i]);
    }
}
