using System.Reflection;
using TradingDesk.Protocol.Codec;
using Xunit;

namespace TradingDesk.Protocol.Tests.Core;

/// <summary>Every id of IB's message tables has a codec: nothing a gateway or a client sends decodes as unknown.</summary>
public sealed class CoverageTests
{
    public static TheoryData<string, int> Incoming() => Ids(typeof(IncomingIds));
    public static TheoryData<string, int> Outgoing() => Ids(typeof(OutgoingIds));

    [Theory]
    [MemberData(nameof(Incoming))]
    public void Every_incoming_id_has_a_codec(string name, int id) =>
        Assert.True(TwsCodec.Default.Registry.Find(Direction.ServerToClient, id) is not null, $"in {id} ({name}) has no codec");

    [Theory]
    [MemberData(nameof(Outgoing))]
    public void Every_outgoing_id_has_a_codec(string name, int id) =>
        Assert.True(TwsCodec.Default.Registry.Find(Direction.ClientToServer, id) is not null, $"out {id} ({name}) has no codec");

    [Fact]
    public void The_tables_hold_every_id_IB_defines()
    {
        // IB's IN table runs 1–21, 45–47, 49–111 (no 48, 60); its OUT table 1–25, 49–59, 61–109 (no 60).
        Assert.Equal(21 + 3 + 63 - 1, Ids(typeof(IncomingIds)).Count);
        Assert.Equal(25 + 11 + 49, Ids(typeof(OutgoingIds)).Count);
    }

    private static TheoryData<string, int> Ids(Type table)
    {
        var data = new TheoryData<string, int>();
        foreach (var field in table.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(int)))
            data.Add(field.Name, (int)field.GetRawConstantValue()!);
        return data;
    }
}
