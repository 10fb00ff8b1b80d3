using System.Runtime.Serialization;
using Akka.Actor;
using Akka.Serialization;
using TradingDesk.Cluster.Serialization;
using Wire = TradingDesk.Contracts.Wire;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Pacing;
using Xunit;

namespace TradingDesk.Cluster.Tests.Serialization;

/// <summary>Every desk message is bound to the protobuf serializer and comes back from it equal, field by field.</summary>
public sealed class DeskSerializerTests() : Akka.TestKit.Xunit2.TestKit(DeskSerialization.Config, "wire")
{
    public static TheoryData<string> TypeNames()
    {
        var data = new TheoryData<string>();
        foreach (var type in MessageTypes.All.Concat(DeskSerialization.BoundTypes).Distinct()) data.Add(type.AssemblyQualifiedName!);
        return data;
    }

    [Fact]
    public void The_walk_finds_the_desks_messages()
    {
        // Guards the walk itself: a filter that found nothing would make every other check here vacuous.
        Assert.Contains(typeof(MarketDataMessages.Tick), MessageTypes.All);
        Assert.Contains(typeof(OrderCommands.PlaceOrder), MessageTypes.All);
        Assert.Contains(typeof(ContractSpec), MessageTypes.All);
        Assert.Contains(typeof(Desk.Risk.RiskLimits), MessageTypes.All);
        Assert.Contains(typeof(Cluster.Messages.StreamMessages.StreamBatch), MessageTypes.All);
        Assert.True(MessageTypes.All.Count > 100, $"only {MessageTypes.All.Count} types found");
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_message_is_bound_to_the_desk_serializer_and_not_the_json_fallback(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        var serializer = Sys.Serialization.FindSerializerForType(type);
        Assert.IsNotType<NewtonSoftJsonSerializer>(serializer);
        Assert.IsType<DeskMessageSerializer>(serializer);
        Assert.Contains(type, DeskSerialization.BoundTypes);
    }

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Every_message_round_trips_with_every_field(string typeName)
    {
        var type = Type.GetType(typeName, throwOnError: true)!;
        var sample = new SampleBuilder(TestActor).Build(type);
        var back = RoundTrip(sample);
        Assert.IsType(type, back);
        Assert.Equal(SampleBuilder.Dump(sample), SampleBuilder.Dump(back));
    }

    [Theory]
    [InlineData("1.10")]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("-0.5")]
    [InlineData("7922816251426433759354395033")]
    [InlineData("-7.922816251426433759354395033")]
    [InlineData("0.0000000000000000000000000001")]
    public void Decimals_cross_exactly_with_their_scale(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var tick = new MarketDataMessages.Tick(new SubscriptionId(long.MaxValue), TickType.Last, value, value, null, 0, DateTimeOffset.UnixEpoch);
        var back = (MarketDataMessages.Tick)RoundTrip(tick);
        Assert.Equal(text, back.Price!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(decimal.GetBits(value), decimal.GetBits(back.Size!.Value));
    }

    [Fact]
    public void Zero_and_null_decimals_stay_apart()
    {
        var tick = new MarketDataMessages.Tick(new SubscriptionId(1), TickType.Bid, 0m, null, null, 0, DateTimeOffset.UnixEpoch);
        var back = (MarketDataMessages.Tick)RoundTrip(tick);
        Assert.Equal(0m, back.Price);
        Assert.Null(back.Size);
    }

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(1L, 330)]
    [InlineData(-1L, -720)]
    [InlineData(638_999_999_999_999_999L, 840)]
    public void Times_cross_to_the_tick_with_their_offset(long ticks, int offsetMinutes)
    {
        var offset = TimeSpan.FromMinutes(offsetMinutes);
        var at = new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + ticks + offset.Ticks, offset);
        var back = (SubscriptionMessages.Resubscribed)RoundTrip(new SubscriptionMessages.Resubscribed(new SubscriptionId(1), "r", at));
        Assert.Equal((at.UtcTicks, at.Offset), (back.At.UtcTicks, back.At.Offset));
    }

    [Fact]
    public void Big_ids_unicode_and_unnamed_tick_types_cross()
    {
        var fill = new OrderEvents.Filled(new OrderId(int.MaxValue), new PermId(long.MaxValue), new ExecId("0000e0d5.65d8b1c2.01.01"),
            new StrategyId("stratégie-日本-🚀"), null, "BOT", 1m, 2m, 3m, 4m, "DU1", "SMART", null, DateTimeOffset.MaxValue);
        Assert.Equal(SampleBuilder.Dump(fill), SampleBuilder.Dump(RoundTrip(fill)));
        var odd = new MarketDataMessages.Tick(new SubscriptionId(long.MinValue), (TickType)999, null, null, "ünïcødé", -1, DateTimeOffset.MinValue);
        Assert.Equal(SampleBuilder.Dump(odd), SampleBuilder.Dump(RoundTrip(odd)));
    }

    [Fact]
    public void A_nested_request_comes_back_as_the_message_it_was()
    {
        var request = new OrderCommands.PlaceOrder(Contract.Option("SPY", "20261218", 600.50m, OptionRight.Call), Order.Limit(OrderAction.Buy, 1, 1.10m), new StrategyId("s"));
        var back = (RequestFailed)RoundTrip(new RequestFailed(request, new GatewayError(201, "rejected", "{\"a\":1}")));
        Assert.Equal(SampleBuilder.Dump(request), SampleBuilder.Dump(back.Request));
        Assert.Equal(new GatewayError(201, "rejected", "{\"a\":1}"), back.Failure);
    }

    [Fact]
    public void Place_commands_carry_the_trace_they_belong_to_to_the_desk_node()
    {
        const string traceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var aapl = Contract.Stock("AAPL");
        var place = new OrderCommands.PlaceOrder(aapl, Order.Limit(OrderAction.Buy, 1, 1m), new StrategyId("s")) { TraceParent = traceParent };
        var bracket = new OrderCommands.PlaceBracket(aapl, new Bracket(Order.Limit(OrderAction.Buy, 1, 1m), Order.Limit(OrderAction.Sell, 1, 2m), Order.Limit(OrderAction.Sell, 1, 0.5m)), new StrategyId("s")) { TraceParent = traceParent };
        var oca = new OrderCommands.PlaceOca(aapl, [Order.Limit(OrderAction.Buy, 1, 1m)], "g", new StrategyId("s")) { TraceParent = traceParent };
        Assert.Equal(traceParent, ((OrderCommands.PlaceOrder)RoundTrip(place)).TraceParent);
        Assert.Equal(traceParent, ((OrderCommands.PlaceBracket)RoundTrip(bracket)).TraceParent);
        Assert.Equal(traceParent, ((OrderCommands.PlaceOca)RoundTrip(oca)).TraceParent);
        Assert.Null(((OrderCommands.PlaceOrder)RoundTrip(place with { TraceParent = null })).TraceParent);
    }

    [Fact]
    public void The_pacer_status_keeps_its_wait_p99_or_its_absence_across_nodes()
    {
        var status = new PacerStatus(1, 2, 3, TimeSpan.FromMilliseconds(4), 5, true, DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(2.5));
        Assert.Equal(status, RoundTrip(status));
        Assert.Equal(status with { WaitP99 = null }, RoundTrip(status with { WaitP99 = null }));
    }

    [Fact]
    public void An_unknown_manifest_is_a_serialization_exception_naming_it()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(MarketDataMessages.Tick));
        var e = Assert.Throws<SerializationException>(() => serializer.FromBinary([], "md.from-the-future"));
        Assert.Contains("md.from-the-future", e.Message);
        Assert.Throws<SerializationException>(() => Sys.Serialization.Deserialize([], DeskMessageSerializer.Id, "md.from-the-future"));
    }

    [Fact]
    public void Bytes_that_break_the_contract_fail_in_the_serializer_naming_the_manifest()
    {
        var serializer = (SerializerWithStringManifest)Sys.Serialization.FindSerializerForType(typeof(MarketDataMessages.Tick));
        // A tick without its local time: field 7 absent.
        var noTime = new Wire.Tick { Subscription = 1, Type = 1 }.ToByteArrayOf();
        var e = Assert.Throws<SerializationException>(() => serializer.FromBinary(noTime, Manifests.Tick));
        Assert.Contains(Manifests.Tick, e.Message);
        Assert.Contains("local_time", e.Message);
        var badDecimal = new Wire.Tick { Subscription = 1, Type = 1, Price = "1e5", LocalTime = new Wire.Instant() }.ToByteArrayOf();
        Assert.Throws<SerializationException>(() => serializer.FromBinary(badDecimal, Manifests.Tick));
    }

    [Fact]
    public void Manifests_are_short_and_unique()
    {
        var manifests = typeof(Manifests).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(manifests.Count, manifests.Distinct().Count());
        Assert.Equal(manifests.Count, DeskSerialization.BoundTypes.Count);
        Assert.All(manifests, m => Assert.True(m.Length <= 24 && !m.Contains("TradingDesk"), m));
    }

    private object RoundTrip(object message)
    {
        var serializer = Sys.Serialization.FindSerializerFor(message);
        var bytes = serializer.ToBinary(message);
        return Sys.Serialization.Deserialize(bytes, serializer.Identifier, Akka.Serialization.Serialization.ManifestFor(serializer, message));
    }
}

internal static class WireBytes
{
    public static byte[] ToByteArrayOf(this Google.Protobuf.IMessage message) => Google.Protobuf.MessageExtensions.ToByteArray(message);
}
