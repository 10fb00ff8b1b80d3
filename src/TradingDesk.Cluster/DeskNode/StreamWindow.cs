namespace TradingDesk.Cluster.DeskNode;

/// <summary>
/// Flow control between a desk outlet and a node's link. Without it, streaming small messages to a remote actor runs at
/// the raw remote rate and starves the nodes' heartbeats (members flap unreachable); with a window acknowledged every
/// quarter window the stream stays healthy, and batches carry several items per remote message once the window fills.
/// </summary>
public static class StreamWindow
{
    /// <summary>Batches an outlet may have unacknowledged in flight.</summary>
    public const int Batches = 32;

    /// <summary>The link acknowledges (cumulatively) every this many batches.</summary>
    public const int AckEvery = Batches / 4;

    /// <summary>Most entries in one batch.</summary>
    public const int MaxEntries = 256;

    /// <summary>
    /// Most targets in one batch, over all its entries. A target crosses as its actor path (about 90 bytes on loopback,
    /// more with longer host and actor names), and a batch must stay under Akka.Remote's maximum frame (128,000 bytes by
    /// default; a larger one is discarded, its items lost): 256 entries for 10 strategies each came to 205 kB.
    /// </summary>
    public const int MaxTargets = 768;

    /// <summary>No acknowledgement for this long while batches are in flight: they are taken as lost (the association dropped).</summary>
    public static readonly TimeSpan AckOverdue = TimeSpan.FromSeconds(5);
}
