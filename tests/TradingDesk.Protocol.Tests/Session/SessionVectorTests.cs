using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Session;

/// <summary>Session messages captured from real sessions decode to the listed values.</summary>
public sealed class SessionVectorTests
{
    private const int CaptureVersion = 173; // the real capture's header says server_version 173

    [Fact]
    public void ReqCurrentTime_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<CurrentTimeRequest>("49\\01\\0", CaptureVersion, ClientToServer);
        CodecAssert.ReencodesTo(m, "49\\01\\0", CaptureVersion);
    }

    [Fact]
    public void CurrentTime_decodes_epoch_seconds()
    {
        var m = CodecAssert.DecodeText<CurrentTime>("49\\01\\01752606307\\0", CaptureVersion, ServerToClient);
        Assert.Equal(1752606307L, m.CurrentTime_);
    }

    [Fact]
    public void ReqManagedAccts_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<ManagedAccountsRequest>("17\\01\\0", CaptureVersion, ClientToServer);
        CodecAssert.ReencodesTo(m, "17\\01\\0", CaptureVersion);
    }

    [Fact]
    public void ManagedAccounts_decodes_account_list()
    {
        var m = CodecAssert.DecodeText<ManagedAccounts>("15\\01\\0ACCOUNT_ID\\0", CaptureVersion, ServerToClient);
        Assert.Equal("ACCOUNT_ID", m.AccountsList);
    }

    [Theory]
    [InlineData("4\\02\\0-1\\02104\\0Market data farm connection is OK:usfarm\\0\\0", 2104, "Market data farm connection is OK:usfarm")]
    [InlineData("4\\02\\0-1\\02107\\0HMDS data farm connection is inactive but should be available upon demand.ushmds\\0\\0", 2107, "HMDS data farm connection is inactive but should be available upon demand.ushmds")]
    [InlineData("4\\02\\0-1\\02158\\0Sec-def data farm connection is OK:secdefil\\0\\0", 2158, "Sec-def data farm connection is OK:secdefil")]
    public void Farm_status_errors_decode(string notation, int code, string text)
    {
        var m = CodecAssert.DecodeText<ErrorMessage>(notation, CaptureVersion, ServerToClient);
        Assert.Equal(-1, m.Id);
        Assert.Equal(code, m.ErrorCode);
        Assert.Equal(text, m.ErrorMsg);
        Assert.False(m.HasAdvancedOrderRejectJson); // empty field: not set
        Assert.False(m.HasErrorTime);               // before 194 there is no time
    }

    [Fact]
    public void Order_cancelled_error_carries_the_order_id()
    {
        var m = CodecAssert.DecodeText<ErrorMessage>("4\\02\\041\\0202\\0Order Canceled - reason:\\0\\0", CaptureVersion, ServerToClient);
        Assert.Equal(41, m.Id);
        Assert.Equal(202, m.ErrorCode);
        Assert.Equal("Order Canceled - reason:", m.ErrorMsg);
    }

    [Fact]
    public void StartApi_text_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<StartApiRequest>("71\\02\\028\\0\\0", CaptureVersion, ClientToServer);
        Assert.Equal(28, m.ClientId);
        Assert.False(m.HasOptionalCapabilities);
        CodecAssert.ReencodesTo(m, "71\\02\\028\\0\\0", CaptureVersion);
    }

    [Fact]
    public void StartApi_reply_managed_accounts_and_next_valid_id_decode()
    {
        Assert.Equal("DU1234567", CodecAssert.DecodeText<ManagedAccounts>("15\\01\\0DU1234567\\0", CaptureVersion, ServerToClient).AccountsList);
        Assert.Equal(5, CodecAssert.DecodeText<NextValidId>("9\\01\\05\\0", CaptureVersion, ServerToClient).OrderId);
    }

    [Fact]
    public void Error_at_194_and_later_has_no_version_and_a_time()
    {
        var m = CodecAssert.DecodeText<ErrorMessage>("4\\0-1\\02104\\0ok\\0\\01752606307000\\0", 200, ServerToClient);
        Assert.Equal(2104, m.ErrorCode);
        Assert.Equal(1752606307000L, m.ErrorTime);
    }

    [Fact]
    public void Error_text_unescapes_unicode_from_153()
    {
        var m = CodecAssert.DecodeText<ErrorMessage>("4\\02\\0-1\\0200\\0caf\\u00e9\\0\\0", CaptureVersion, ServerToClient);
        Assert.Equal("café", m.ErrorMsg);
    }

    // Protobuf frames constructed from IB's schema (not captured).
    [Fact]
    public void Protobuf_start_api_matches_the_documented_bytes()
    {
        var frame = TwsCodec.Default.EncodeToArray(new StartApiRequest { ClientId = 1 }, 213, ClientToServer);
        Assert.Equal(Wire.Hex("00 00 00 06 00 00 01 0F 08 01"), frame);
    }

    [Fact]
    public void Protobuf_req_current_time_matches_the_documented_bytes()
    {
        Assert.Equal(Wire.Hex("00 00 00 04 00 00 00 F9"), TwsCodec.Default.EncodeToArray(new CurrentTimeRequest(), 213, ClientToServer));
    }

    [Fact]
    public void Binary_id_text_req_current_time_matches_the_documented_bytes()
    {
        Assert.Equal(Wire.Hex("00 00 00 06 00 00 00 31 31 00"), TwsCodec.Default.EncodeToArray(new CurrentTimeRequest(), 205, ClientToServer));
    }

    [Fact]
    public void Protobuf_next_valid_id_and_managed_accounts_match_the_documented_bytes()
    {
        Assert.Equal(Wire.Hex("00 00 00 06 00 00 00 D1 08 01"), TwsCodec.Default.EncodeToArray(new NextValidId { OrderId = 1 }, 213, ServerToClient));
        Assert.Equal(Wire.Hex("00 00 00 0F 00 00 00 D7 0A 09 44 55 31 32 33 34 35 36 37"),
            TwsCodec.Default.EncodeToArray(new ManagedAccounts { AccountsList = "DU1234567" }, 213, ServerToClient));
    }

    [Fact]
    public void Protobuf_farm_error_decodes()
    {
        var body = new ErrorMessage { Id = -1, ErrorTime = 1752606307000, ErrorCode = 2104, ErrorMsg = "Market data farm connection is OK:usfarm" };
        var frame = TwsCodec.Default.EncodeToArray(body, 201, ServerToClient);
        Assert.Equal(Wire.Hex("00 00 00 43 00 00 00 CC 08 FF FF FF FF FF FF FF FF FF 01 10 B8 E5 E7 FB 80 33 18 B8 10 22 28"), frame[..31]);
        var decoded = TwsCodec.Default.Decode(frame.AsSpan(4), 201, ServerToClient);
        Assert.Equal(WireEncoding.Protobuf, decoded.Encoding);
        Assert.Equal(body, decoded.Message);
    }
}
