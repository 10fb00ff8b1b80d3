using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator;

/// <summary>
/// Faults a test or demo can inject: the connection layer's (<see cref="Gateway"/>) plus the market's order
/// rejections and restarts that keep or lose state.
/// </summary>
public sealed class SimulatorFaults(GatewaySimulator simulator)
{
    /// <summary>Drops, refusals, stalls, 1100/1101/1102, garbage and truncated frames.</summary>
    public GatewayFaults Gateway => simulator.Server.Faults;

    public void DropAllConnections() => Gateway.DropAllConnections();

    public void RefuseConnections(TimeSpan period) => Gateway.RefuseConnections(period);

    public void StallResponses(TimeSpan period) => Gateway.StallResponses(period);

    public void ConnectivityLost() => Gateway.ConnectivityLost();

    public void ConnectivityRestored(bool dataLost) => Gateway.ConnectivityRestored(dataLost);

    public void SendGarbageFrame(int clientId, int seed = 1) => Gateway.SendGarbageFrame(clientId, seed);

    public void SendTruncatedFrameAndClose(int clientId) => Gateway.SendTruncatedFrameAndClose(clientId);

    /// <summary>The next <paramref name="count"/> new orders are rejected with error 201 and this reason.</summary>
    public Task RejectNextOrdersAsync(int count, string reason = "Simulated rejection") =>
        simulator.InvokeAsync(m => m.RejectNextOrders(count, reason));

    /// <summary>
    /// A gateway restart that keeps its state: every connection drops, orders, positions and executions survive,
    /// and matching catches up over the downtime on the next sync.
    /// </summary>
    public Task RestartKeepingStateAsync() => simulator.InvokeAsync(m =>
    {
        var snapshot = m.Snapshot();
        Restart();
        m.Restore(snapshot);
    });

    /// <summary>
    /// A restart that loses state (a fresh paper session): connections drop, orders, executions and positions are
    /// forgotten and nextValidId starts again from 1, so a client sees it go backwards. Exec and perm ids stay unique.
    /// A deliberate fault: IB itself keeps a client id's order id sequence across restarts (it starts again only when
    /// the user resets it in the API settings), so this rehearses the worst case a desk must survive. Returns the
    /// executions it forgot (every client's), read in the same step as the reset: a test that checks fills against the
    /// gateway's record across such a restart has nothing else to count the old session's by.
    /// </summary>
    public Task<IReadOnlyList<Orders.Execution>> RestartLosingStateAsync() => simulator.InvokeAsync(m =>
    {
        var forgotten = m.Executions();
        m.Reset();
        Restart();
        return forgotten;
    });

    private void Restart()
    {
        simulator.Backend.DropAllClients();
        Gateway.DropAllConnections();
    }
}
