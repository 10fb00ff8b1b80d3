using Akka.Actor;
using TradingDesk.Desk.Requests;

namespace TradingDesk.Desk.Routing;

// IB's scanner slots (ScannerLimit). A released scanner line holds its slot at the gateway until its actor's PostStop
// has queued the cancel at the pacer. A new distinct scan that needs that slot waits for the line actor's Terminated,
// which Akka delivers after PostStop: the cancel is then queued at the pacer before the new request, and the gateway
// never counts both. The waiting commands are told to the router again, from their requesters, and checked anew.
public sealed partial class RouterActor
{
    private readonly HashSet<IActorRef> _releasedScans = new();
    private readonly List<(object Command, IActorRef Requester)> _awaitingScannerSlot = new();

    private bool WaitsForScannerSlot(StreamRequest stream, object command)
    {
        if (!ScannerLimit.WaitsForCancel(_lines.ByKey.Keys, stream.Key, _releasedScans.Count)) return false;
        _awaitingScannerSlot.Add((command, Sender));
        return true;
    }

    private void ScannerSlotFreed(IActorRef line)
    {
        if (!_releasedScans.Remove(line) || _awaitingScannerSlot.Count == 0) return;
        var waiting = _awaitingScannerSlot.ToList();
        _awaitingScannerSlot.Clear();
        foreach (var (command, requester) in waiting) Self.Tell(command, requester);
    }
}
