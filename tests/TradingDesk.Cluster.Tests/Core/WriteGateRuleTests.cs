using TradingDesk.Cluster.DeskNode;
using Xunit;

namespace TradingDesk.Cluster.Tests.Core;

/// <summary>The write gate keeps a side exactly when keep-oldest with down-if-alone would.</summary>
public sealed class WriteGateRuleTests
{
    [Theory]
    [InlineData(true, 1, 0, true)]   // everyone answers
    [InlineData(true, 3, 1, true)]   // a strategy node died: the oldest's side goes on
    [InlineData(true, 1, 3, false)]  // the oldest woke from a freeze alone: the others took over
    [InlineData(true, 1, 1, true)]   // two nodes: the oldest stays even alone (the other is no better)
    [InlineData(false, 3, 1, true)]  // the oldest crashed alone: the rest go on
    [InlineData(false, 1, 1, false)] // two nodes, this one the younger: it goes
    [InlineData(false, 2, 2, false)] // the oldest's side is as large: it stays, this side goes
    public void Mirrors_keep_oldest_with_down_if_alone(bool oldestHere, int thisSide, int otherSide, bool keeps) =>
        Assert.Equal(keeps, ClusterWriteGate.KeepsThisSide(oldestHere, thisSide, otherSide));
}
