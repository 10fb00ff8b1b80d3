using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Accounts;

/// <summary>Positions, account summary and PnL frames of the real server-173 capture decode to the listed values.</summary>
public sealed class AccountVectorTests
{
    private const int CaptureVersion = 173; // the real capture's header says server_version 173

    [Fact]
    public void ReqPositions_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<PositionsRequest>(AccountVectors.ReqPositions, CaptureVersion, ClientToServer);
        CodecAssert.ReencodesTo(m, AccountVectors.ReqPositions, CaptureVersion);
    }

    [Fact]
    public void Position_of_a_stock_decodes()
    {
        var m = CodecAssert.DecodeText<Position>(AccountVectors.PositionAapl, CaptureVersion, ServerToClient);
        Assert.Equal("ACCOUNT_ID", m.Account);
        Assert.Equal(265598, m.Contract.ConId);
        Assert.Equal("AAPL", m.Contract.Symbol);
        Assert.Equal("STK", m.Contract.SecType);
        Assert.False(m.Contract.HasLastTradeDateOrContractMonth);
        Assert.Equal(0.0, m.Contract.Strike); // TWS writes "0.0": a value, not the unset sentinel
        Assert.False(m.Contract.HasRight);
        Assert.False(m.Contract.HasMultiplier);
        Assert.Equal("NASDAQ", m.Contract.Exchange);
        Assert.Equal("USD", m.Contract.Currency);
        Assert.Equal("AAPL", m.Contract.LocalSymbol);
        Assert.Equal("NMS", m.Contract.TradingClass);
        Assert.Equal("-110", m.Position_);
        Assert.Equal(201.8829709, m.AvgCost);
    }

    [Fact]
    public void Position_of_a_future_decodes()
    {
        var m = CodecAssert.DecodeText<Position>(AccountVectors.PositionEs, CaptureVersion, ServerToClient);
        Assert.Equal(637533641, m.Contract.ConId);
        Assert.Equal("ES", m.Contract.Symbol);
        Assert.Equal("FUT", m.Contract.SecType);
        Assert.Equal("20250919", m.Contract.LastTradeDateOrContractMonth);
        Assert.Equal(50.0, m.Contract.Multiplier);
        Assert.False(m.Contract.HasExchange);
        Assert.Equal("USD", m.Contract.Currency);
        Assert.Equal("ESU5", m.Contract.LocalSymbol);
        Assert.Equal("ES", m.Contract.TradingClass);
        Assert.Equal("1", m.Position_);
        Assert.Equal(315114.75, m.AvgCost);
    }

    [Fact]
    public void PositionEnd_decodes() =>
        Assert.Equal(new PositionEnd(), CodecAssert.DecodeText<PositionEnd>(AccountVectors.PositionEnd, CaptureVersion, ServerToClient));

    [Fact]
    public void ReqAccountSummary_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<AccountSummaryRequest>(AccountVectors.ReqAccountSummary, CaptureVersion, ClientToServer);
        Assert.Equal(9000, m.ReqId);
        Assert.Equal("All", m.Group);
        Assert.Equal("NetLiquidation,TotalCashValue,GrossPositionValue", m.Tags);
        CodecAssert.ReencodesTo(m, AccountVectors.ReqAccountSummary, CaptureVersion);
    }

    [Theory]
    [InlineData(AccountVectors.AccountSummaryGross, "GrossPositionValue", "23172.60")]
    [InlineData(AccountVectors.AccountSummaryNet, "NetLiquidation", "246447.83")]
    [InlineData(AccountVectors.AccountSummaryCash, "TotalCashValue", "269339.33")]
    public void AccountSummary_decodes(string notation, string tag, string value)
    {
        var m = CodecAssert.DecodeText<AccountSummary>(notation, CaptureVersion, ServerToClient);
        Assert.Equal(9000, m.ReqId);
        Assert.Equal("ACCOUNT_ID", m.Account);
        Assert.Equal(tag, m.Tag);
        Assert.Equal(value, m.Value); // text, verbatim: the trailing zero of "23172.60" survives
        Assert.Equal("USD", m.Currency);
    }

    [Fact]
    public void AccountSummaryEnd_decodes() =>
        Assert.Equal(9000, CodecAssert.DecodeText<AccountSummaryEnd>(AccountVectors.AccountSummaryEnd, CaptureVersion, ServerToClient).ReqId);

    [Fact]
    public void CancelPnL_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<CancelPnL>(AccountVectors.CancelPnL, CaptureVersion, ClientToServer);
        Assert.Equal(9001, m.ReqId);
        CodecAssert.ReencodesTo(m, AccountVectors.CancelPnL, CaptureVersion);
    }

    [Fact]
    public void Positions_switch_to_protobuf_at_207()
    {
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(new PositionsRequest(), 206, ClientToServer));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new PositionsRequest(), 207, ClientToServer));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new Position(), 207, ServerToClient));
        Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(new PnL(), 209, ServerToClient));
        Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(new PnLRequest(), 210, ClientToServer));
    }

    [Fact]
    public void Protobuf_req_positions_is_an_empty_body_under_id_261()
    {
        Assert.Equal(Wire.Hex("00 00 00 04 00 00 01 05"), TwsCodec.Default.EncodeToArray(new PositionsRequest(), 207, ClientToServer));
    }

    [Fact]
    public void PnL_does_not_exist_before_127()
    {
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new CancelPnL { ReqId = 1 }, 126, ClientToServer));
        Assert.Contains("127", ex.Message);
    }
}
