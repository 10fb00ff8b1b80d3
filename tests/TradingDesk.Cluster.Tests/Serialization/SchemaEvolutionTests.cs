using Akka.Serialization;
using Google.Protobuf;
using TradingDesk.Cluster.Serialization;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;
using Next = TradingDesk.Cluster.Tests.Serialization.Next;

namespace TradingDesk.Cluster.Tests.Serialization;

/// <summary>
/// The contract keeps decoding what it wrote before (golden bytes of the first schema, frozen here: a change that
/// breaks one of them breaks every node still running the old schema), and a node one schema newer and a node on
/// this one read each other's messages.
/// </summary>
public sealed class SchemaEvolutionTests() : Akka.TestKit.Xunit2.TestKit(DeskSerialization.Config, "evolution")
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 15, 30, 0, 123, TimeSpan.FromHours(1));

    // Written by the first schema (tradingdesk.v1). Never edit these: add new fixtures instead. The RequestFailed
    // carries its request as a nested payload: serializer id 711, manifest "md.subscribe", the SubscribeMarketData bytes.
    private const string TickHex = "082A10041A063138392E31302A05C3BC6EC3AF30033A0D08E8B3BBD80610C0A9D33A183C";
    private const string PlaceOrderHex =
        "0A2C0A0353505910021A05534D4152542203555344320832303236313231383A063630302E353040024A033130301215080212013218022204312E313040016202733178011A0273312204302E3030";
    private const string RequestFailedHex =
        "0A2908C705120C6D642E7375627363726962651A160A140A044141504C10011A05534D4152542203555344121A22180A0C6D61782D7175616E746974791208313030203E203130";

    private static MarketDataMessages.Tick Tick => new(new SubscriptionId(42), TickType.Last, 189.10m, null, "ünï", 3, At);

    private static OrderCommands.PlaceOrder PlaceOrder => new(
        Contract.Option("SPY", "20261218", 600.50m, OptionRight.Put), Order.Limit(OrderAction.Sell, 2, 1.10m) with { OrderRef = "s1" },
        new StrategyId("s1"), 0.00m);

    private static RequestFailed RequestFailed =>
        new(new MarketDataMessages.SubscribeMarketData(Contract.Stock("AAPL")), new RiskDenied("max-quantity", "100 > 10"));

    public static TheoryData<string, string> Golden() => new()
    {
        { Manifests.Tick, TickHex },
        { Manifests.PlaceOrder, PlaceOrderHex },
        { Manifests.RequestFailed, RequestFailedHex },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void Bytes_written_by_the_first_schema_still_decode(string manifest, string hex)
    {
        var expected = manifest switch { Manifests.Tick => (object)Tick, Manifests.PlaceOrder => PlaceOrder, _ => RequestFailed };
        var decoded = Sys.Serialization.Deserialize(Convert.FromHexString(hex), DeskMessageSerializer.Id, manifest);
        Assert.Equal(SampleBuilder.Dump(expected), SampleBuilder.Dump(decoded));
        // The writer still writes them the same way (the manifest included), so the fixtures describe today's bytes.
        var serializer = Sys.Serialization.FindSerializerFor(expected);
        Assert.Equal(manifest, Akka.Serialization.Serialization.ManifestFor(serializer, expected));
        Assert.Equal(hex, Convert.ToHexString(serializer.ToBinary(expected)));
    }

    [Fact]
    public void A_message_from_the_next_schema_decodes_here_ignoring_the_new_field()
    {
        var newer = new Next.Tick
        {
            Subscription = 42, Type = (int)TickType.Last, Price = "189.10", Text = "ünï", Attributes = 3, Venue = "IEX",
            LocalTime = new Next.Instant { UnixSeconds = At.ToUnixTimeSeconds(), Nanos = 123_000_000, OffsetMinutes = 60 },
        };
        var decoded = Sys.Serialization.Deserialize(newer.ToByteArray(), DeskMessageSerializer.Id, Manifests.Tick);
        Assert.Equal(SampleBuilder.Dump(Tick), SampleBuilder.Dump(decoded));

        var register = new Next.RegisterStrategy { Strategy = "s1", CancelOrdersOnDisconnect = true, Label = "maker" };
        var command = Sys.Serialization.Deserialize(register.ToByteArray(), DeskMessageSerializer.Id, Manifests.RegisterStrategy);
        Assert.Equal(new OrderCommands.RegisterStrategy(new StrategyId("s1"), true), command);
    }

    [Fact]
    public void A_message_from_this_schema_decodes_in_the_next_with_the_new_field_absent()
    {
        var older = Sys.Serialization.FindSerializerFor(Tick).ToBinary(Tick);
        var read = Next.Tick.Parser.ParseFrom(older);
        Assert.Equal((42L, 4, "189.10", false, "ünï", 3, false), (read.Subscription, read.Type, read.Price, read.HasSize, read.Text, read.Attributes, read.HasVenue));
        Assert.Equal((At.ToUnixTimeSeconds(), 123_000_000, 60), (read.LocalTime.UnixSeconds, read.LocalTime.Nanos, read.LocalTime.OffsetMinutes));

        var register = new OrderCommands.RegisterStrategy(new StrategyId("s1"), true);
        var next = Next.RegisterStrategy.Parser.ParseFrom(Sys.Serialization.FindSerializerFor(register).ToBinary(register));
        Assert.Equal(("s1", true, false), (next.Strategy, next.CancelOrdersOnDisconnect, next.HasLabel));
    }
}
