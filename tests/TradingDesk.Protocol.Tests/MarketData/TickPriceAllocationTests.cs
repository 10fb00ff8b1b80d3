using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using TradingDesk.Protocol.Text;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.MarketData;

/// <summary>
/// The tickPrice text decoder is the hottest path of the family: it must allocate nothing but the message and its
/// size string. (Time is measured by a benchmark, not here: a shared CI machine makes timing asserts flaky.)
/// </summary>
public sealed class TickPriceAllocationTests
{
    [Fact]
    public void Text_tick_price_decoder_allocates_only_the_message_and_size()
    {
        var payload = Wire.BinaryIdTextPayload("1\\06\\09001\\01\\0187.25\\0300\\03\\0");
        var codec = TwsCodec.Default.Registry.Find(ServerToClient, IncomingIds.TickPrice)!;
        Decode(codec, payload); // warm up (JIT, statics)

        const int Runs = 1_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Runs; i++) Decode(codec, payload);
        var perDecode = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Runs;

        // A TickPrice object (~64 bytes on x64) plus the 3-char string "300" (~32 bytes).
        Assert.True(perDecode <= 112, $"tickPrice decode allocates {perDecode} bytes");
    }

    private static TickPrice Decode(MessageCodec codec, byte[] payload)
    {
        var reader = new TextFieldReader(payload, 4, IncomingIds.TickPrice, 0);
        var m = (TickPrice)codec.DecodeText(ref reader, 205);
        reader.EnsureEnd();
        return m;
    }
}
