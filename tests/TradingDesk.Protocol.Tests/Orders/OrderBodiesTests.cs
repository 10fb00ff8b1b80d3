using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.Orders;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Orders;

/// <summary>
/// The codec's own openOrder and completedOrder parser (<see cref="OrderBodies"/>) against Google.Protobuf's generated
/// parser on the same bytes: every field of every message set, the captured order, each prefix of a body, and
/// random corruptions; the two must agree on what they build and on what they refuse.
/// </summary>
public sealed class OrderBodiesTests
{
    private static readonly JsonFormatter KnownFields = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    [Fact]
    public void The_checked_in_parser_is_what_the_generator_writes_from_the_schema()
    {
        var path = Path.Combine(RepositoryRoot(), OrderBodiesGenerator.RelativePath);
        var generated = OrderBodiesGenerator.Generate();
        if (Environment.GetEnvironmentVariable("TRADINGDESK_REGENERATE") == "1") File.WriteAllText(path, generated);
        Assert.True(File.ReadAllText(path) == generated,
            $"{OrderBodiesGenerator.RelativePath} is not what the generator writes: run TRADINGDESK_REGENERATE=1 dotnet test tests/TradingDesk.Protocol.Tests --filter OrderBodiesTests");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void An_open_order_with_every_field_set_parses_to_what_google_protobuf_parses(int seed)
    {
        var order = EveryField.Fill(new OpenOrder(), new Random(seed));
        var body = order.ToByteArray();
        var ours = OrderBodies.ParseOpenOrder(body);
        Assert.Equal(order, ours);
        Assert.Equal(OpenOrder.Parser.ParseFrom(body), ours);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_completed_order_with_every_field_set_parses_to_what_google_protobuf_parses(int seed)
    {
        var order = EveryField.Fill(new CompletedOrder(), new Random(seed));
        var body = order.ToByteArray();
        Assert.Equal(order, OrderBodies.ParseCompletedOrder(body));
    }

    [Fact]
    public void The_captured_open_order_decodes_through_the_codec_as_google_protobuf_parses_it()
    {
        var body = CapturedBody();
        var decoded = TwsCodec.Default.Decode(ProtobufPayload(body), 225, ServerToClient);
        var order = Assert.IsType<OpenOrder>(decoded.Message);
        Assert.Equal(OpenOrder.Parser.ParseFrom(body), order);
        Assert.Equal(13, order.OrderId);
        Assert.Equal("TSLA", order.Contract.Symbol);
    }

    [Fact]
    public void Every_prefix_of_a_body_is_refused_or_read_exactly_as_google_protobuf_does()
    {
        foreach (var body in new[] { CapturedBody(), EveryField.Fill(new OpenOrder(), new Random(7)).ToByteArray() })
            for (var length = 0; length <= body.Length; length++)
                AssertSameOutcome(body[..length], $"the first {length} of {body.Length} bytes");
    }

    [Fact]
    public void Corrupted_bodies_are_refused_or_read_exactly_as_google_protobuf_does()
    {
        var random = new Random(11);
        var bodies = new[] { CapturedBody(), EveryField.Fill(new OpenOrder(), new Random(8)).ToByteArray() };
        for (var i = 0; i < 4000; i++)
        {
            var body = (byte[])bodies[i % bodies.Length].Clone();
            var changes = 1 + random.Next(3);
            for (var c = 0; c < changes; c++) body[random.Next(body.Length)] = (byte)random.Next(256);
            AssertSameOutcome(body, $"corruption {i} ({Convert.ToHexString(body)})");
        }
    }

    [Fact]
    public void A_field_the_schema_lacks_or_a_known_number_with_another_wire_type_is_skipped_and_the_rest_read()
    {
        var order = new OpenOrder { OrderId = 5, Contract = new Contract { Symbol = "IBM" } };
        var extra = new MemoryStream();
        var output = new CodedOutputStream(extra);
        output.WriteTag(1, WireFormat.WireType.LengthDelimited); // orderId is a varint: this is not it
        output.WriteString("not an id");
        output.WriteTag(900, WireFormat.WireType.Fixed32);
        output.WriteFixed32(7);
        output.WriteTag(901, WireFormat.WireType.StartGroup);
        output.WriteTag(1, WireFormat.WireType.Varint);
        output.WriteInt32(3);
        output.WriteTag(901, WireFormat.WireType.EndGroup);
        output.Flush();
        var body = order.ToByteArray().Concat(extra.ToArray()).ToArray();

        var ours = OrderBodies.ParseOpenOrder(body);
        Assert.Equal(order, ours);
        Assert.Equal(KnownFields.Format(OpenOrder.Parser.ParseFrom(body)), KnownFields.Format(ours));
    }

    // End-group tags are checked only where they are skipped, so these cover known field numbers: field 1 (orderId)
    // and field 3 (order) with an end-group wire type; and field 0 in OpenOrder and inside Order.
    [Theory]
    [InlineData("0000", "a tag with field number 0")]
    [InlineData("0C", "an end-group tag outside a group")]
    [InlineData("1C", "an end-group tag outside a group")]
    [InlineData("1A020000", "a tag with field number 0")]
    public void A_tag_of_field_zero_or_an_end_group_outside_a_group_is_refused_as_google_protobuf_refuses_it(string hex, string what)
    {
        var body = Convert.FromHexString(hex);
        Assert.Throws<InvalidProtocolBufferException>(() => OpenOrder.Parser.ParseFrom(body));
        var e = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(ProtobufPayload(body), 225, ServerToClient));
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void A_malformed_body_is_a_protocol_error_naming_the_message_and_what_is_wrong()
    {
        var body = CapturedBody()[..40];
        var e = Assert.Throws<ProtocolException>(() => TwsCodec.Default.Decode(ProtobufPayload(body), 225, ServerToClient));
        Assert.Contains("invalid openOrder protobuf", e.Message);
        Assert.Contains("the body ends inside a field", e.Message);
    }

    private static void AssertSameOutcome(byte[] body, string what)
    {
        OpenOrder? theirs;
        string? refusal = null;
        try
        {
            theirs = OpenOrder.Parser.ParseFrom(body);
        }
        catch (InvalidProtocolBufferException e)
        {
            theirs = null;
            refusal = e.Message;
        }
        DecodedMessage decoded;
        try
        {
            decoded = TwsCodec.Default.Decode(ProtobufPayload(body), 225, ServerToClient);
        }
        catch (ProtocolException e)
        {
            Assert.True(theirs is null, $"{what}: refused ({e.Message}) where Google.Protobuf reads {theirs}");
            return;
        }
        Assert.True(theirs is not null, $"{what}: read where Google.Protobuf refuses it ({refusal})");
        // Google.Protobuf keeps fields the schema lacks as unknown fields; the codec skips them: compare the rest.
        Assert.Equal(KnownFields.Format(theirs), KnownFields.Format(Assert.IsType<OpenOrder>(decoded.Message)));
    }

    private static byte[] CapturedBody()
    {
        var order = TwsCodec.Default.Decode(Wire.Payload(OrderVectorTests.TslaOpenOrder), 164, ServerToClient).Message!;
        return ((OpenOrder)order).ToByteArray();
    }

    /// <summary>A protobuf openOrder payload at a binary-id version: the id plus the protobuf offset, then the body.</summary>
    private static byte[] ProtobufPayload(byte[] body)
    {
        var payload = new byte[4 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(payload, IncomingIds.OpenOrder + ServerVersions.ProtobufIdOffset);
        body.CopyTo(payload, 4);
        return payload;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TradingDesk.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no TradingDesk.sln above {AppContext.BaseDirectory}: run the tests from the checkout");
    }

    /// <summary>Sets every field of a message and of the messages it holds, from the schema, with awkward values too.</summary>
    private static class EveryField
    {
        private static readonly string[] Strings = ["", "x", "TSLA", "ÄÖü €", "𝄞 clef", "with\0nul", new string('s', 300)];
        private static readonly double[] Doubles = [0, -0.0, 1.5, -2.25, double.MaxValue, double.MinValue, double.NaN, double.PositiveInfinity, 1e-300];
        private static readonly long[] Longs = [0, 1, -1, 127, 128, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue];

        public static T Fill<T>(T message, Random random) where T : IMessage
        {
            foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
            {
                if (field.IsMap)
                {
                    var map = (IDictionary)field.Accessor.GetValue(message);
                    for (var i = random.Next(4); i > 0; i--) map[Pick(Strings, random) + i] = Pick(Strings, random);
                }
                else if (field.IsRepeated)
                {
                    var list = (IList)field.Accessor.GetValue(message);
                    for (var i = random.Next(4); i > 0; i--) list.Add(Fill(New(field), random));
                }
                else field.Accessor.SetValue(message, Value(field, random));
            }
            return message;
        }

        private static IMessage New(FieldDescriptor field) => (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;

        private static object Value(FieldDescriptor field, Random random) => field.FieldType switch
        {
            FieldType.Int32 => (int)Pick(Longs, random),
            FieldType.Int64 => Pick(Longs, random),
            FieldType.Bool => random.Next(2) == 1,
            FieldType.Double => Pick(Doubles, random),
            FieldType.String => Pick(Strings, random),
            FieldType.Message => Fill(New(field), random),
            var other => throw new NotSupportedException($"{field.FullName} is {other}"),
        };

        private static T Pick<T>(T[] values, Random random) => values[random.Next(values.Length)];
    }
}
