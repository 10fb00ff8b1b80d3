using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.MultiAccount;

/// <summary>Constructed positionsMulti / accountUpdatesMulti frames decode to their fields; requests re-encode byte for byte.</summary>
public sealed class MultiAccountVectorTests
{
    private const int Version = 176;

    [Fact]
    public void ReqPositionsMulti_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<PositionsMultiRequest>(MultiAccountVectors.ReqPositionsMulti, Version, ClientToServer);
        Assert.Equal(9001, m.ReqId);
        Assert.Equal("DU1234567", m.Account);
        Assert.False(m.HasModelCode);
        CodecAssert.ReencodesTo(m, MultiAccountVectors.ReqPositionsMulti, Version);
    }

    [Fact]
    public void CancelPositionsMulti_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<CancelPositionsMulti>(MultiAccountVectors.CancelPositionsMulti, Version, ClientToServer);
        Assert.Equal(9001, m.ReqId);
        CodecAssert.ReencodesTo(m, MultiAccountVectors.CancelPositionsMulti, Version);
    }

    [Fact]
    public void PositionMulti_of_a_stock_decodes()
    {
        var m = CodecAssert.DecodeText<PositionMulti>(MultiAccountVectors.PositionMultiAapl, Version, ServerToClient);
        Assert.Equal(9001, m.ReqId);
        Assert.Equal("DU1234567", m.Account);
        Assert.Equal(265598, m.Contract.ConId);
        Assert.Equal("AAPL", m.Contract.Symbol);
        Assert.Equal("STK", m.Contract.SecType);
        Assert.False(m.Contract.HasLastTradeDateOrContractMonth);
        Assert.Equal(0.0, m.Contract.Strike);
        Assert.False(m.Contract.HasMultiplier);
        Assert.Equal("NASDAQ", m.Contract.Exchange);
        Assert.False(m.Contract.HasPrimaryExch);
        Assert.Equal("USD", m.Contract.Currency);
        Assert.Equal("AAPL", m.Contract.LocalSymbol);
        Assert.Equal("NMS", m.Contract.TradingClass);
        Assert.Equal("-110", m.Position);
        Assert.Equal(201.8829709, m.AvgCost);
        Assert.Equal("Model1", m.ModelCode);
    }

    [Fact]
    public void PositionMulti_of_a_future_decodes()
    {
        var m = CodecAssert.DecodeText<PositionMulti>(MultiAccountVectors.PositionMultiEs, Version, ServerToClient);
        Assert.Equal(637533641, m.Contract.ConId);
        Assert.Equal("20250919", m.Contract.LastTradeDateOrContractMonth);
        Assert.Equal(50.0, m.Contract.Multiplier);
        Assert.False(m.Contract.HasExchange);
        Assert.Equal("ESU5", m.Contract.LocalSymbol);
        Assert.Equal("1", m.Position);
        Assert.Equal(315114.75, m.AvgCost);
        Assert.False(m.HasModelCode);
    }

    [Fact]
    public void PositionMultiEnd_decodes() =>
        Assert.Equal(9001, CodecAssert.DecodeText<PositionMultiEnd>(MultiAccountVectors.PositionMultiEnd, Version, ServerToClient).ReqId);

    [Fact]
    public void ReqAccountUpdatesMulti_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<AccountUpdatesMultiRequest>(MultiAccountVectors.ReqAccountUpdatesMulti, Version, ClientToServer);
        Assert.Equal(9002, m.ReqId);
        Assert.Equal("DU1234567", m.Account);
        Assert.False(m.HasModelCode);
        Assert.True(m.LedgerAndNLV);
        CodecAssert.ReencodesTo(m, MultiAccountVectors.ReqAccountUpdatesMulti, Version);
    }

    [Fact]
    public void ReqAccountUpdatesMulti_always_writes_the_ledger_flag() =>
        CodecAssert.ReencodesTo(new AccountUpdatesMultiRequest { ReqId = 9002, Account = "DU1234567", ModelCode = "M" },
            @"76\01\09002\0DU1234567\0M\00\0", Version);

    [Fact]
    public void CancelAccountUpdatesMulti_decodes_and_reencodes()
    {
        var m = CodecAssert.DecodeText<CancelAccountUpdatesMulti>(MultiAccountVectors.CancelAccountUpdatesMulti, Version, ClientToServer);
        Assert.Equal(9002, m.ReqId);
        CodecAssert.ReencodesTo(m, MultiAccountVectors.CancelAccountUpdatesMulti, Version);
    }

    [Fact]
    public void AccountUpdateMulti_decodes()
    {
        var m = CodecAssert.DecodeText<AccountUpdateMulti>(MultiAccountVectors.AccountUpdateMulti, Version, ServerToClient);
        Assert.Equal(9002, m.ReqId);
        Assert.Equal("DU1234567", m.Account);
        Assert.False(m.HasModelCode);
        Assert.Equal("NetLiquidation", m.Key);
        Assert.Equal("246447.83", m.Value);
        Assert.Equal("USD", m.Currency);
    }

    [Fact]
    public void AccountUpdateMultiEnd_decodes() =>
        Assert.Equal(9002, CodecAssert.DecodeText<AccountUpdateMultiEnd>(MultiAccountVectors.AccountUpdateMultiEnd, Version, ServerToClient).ReqId);

    [Fact]
    public void Text_with_a_binary_id_decodes_between_201_and_206()
    {
        var decoded = TwsCodec.Default.Decode(Wire.BinaryIdTextPayload(MultiAccountVectors.PositionMultiAapl), 206, ServerToClient);
        Assert.Equal(WireEncoding.Text, decoded.Encoding);
        Assert.Equal("Model1", Assert.IsType<PositionMulti>(decoded.Message).ModelCode);
        var request = CodecAssert.DecodeText<PositionsMultiRequest>(MultiAccountVectors.ReqPositionsMulti, Version, ClientToServer);
        Assert.Equal(Wire.Frame(Wire.BinaryIdTextPayload(MultiAccountVectors.ReqPositionsMulti)),
            TwsCodec.Default.EncodeToArray(request, 206, ClientToServer));
    }

    [Fact]
    public void The_family_switches_to_protobuf_at_207()
    {
        foreach (var (message, direction) in new (Google.Protobuf.IMessage, Direction)[]
                 {
                     (new PositionsMultiRequest(), ClientToServer), (new CancelPositionsMulti(), ClientToServer),
                     (new AccountUpdatesMultiRequest(), ClientToServer), (new CancelAccountUpdatesMulti(), ClientToServer),
                     (new PositionMulti(), ServerToClient), (new PositionMultiEnd(), ServerToClient),
                     (new AccountUpdateMulti(), ServerToClient), (new AccountUpdateMultiEnd(), ServerToClient),
                 })
        {
            Assert.Equal(WireEncoding.Text, TwsCodec.Default.PreferredEncoding(message, 206, direction));
            Assert.Equal(WireEncoding.Protobuf, TwsCodec.Default.PreferredEncoding(message, 207, direction));
        }
    }

    [Fact]
    public void Protobuf_req_positions_multi_is_id_274_with_its_fields()
    {
        // 74 + 200 = 274 = 0x112; reqId 9001 = varint A9 46; account "DU1" = 12 03 44 55 31.
        Assert.Equal(Wire.Hex("00 00 00 0C | 00 00 01 12 | 08 A9 46 12 03 44 55 31"),
            TwsCodec.Default.EncodeToArray(new PositionsMultiRequest { ReqId = 9001, Account = "DU1" }, 207, ClientToServer));
    }

    [Fact]
    public void Protobuf_account_update_multi_end_decodes_under_id_274()
    {
        var decoded = TwsCodec.Default.Decode(Wire.Hex("00 00 01 12 | 08 AA 46"), 213, ServerToClient);
        Assert.Equal(WireEncoding.Protobuf, decoded.Encoding);
        Assert.Equal(9002, Assert.IsType<AccountUpdateMultiEnd>(decoded.Message).ReqId);
    }

    [Theory]
    [InlineData(102)]
    [InlineData(100)]
    public void The_family_does_not_exist_before_103(int version)
    {
        var ex = Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new CancelPositionsMulti { ReqId = 1 }, version, ClientToServer));
        Assert.Contains("103", ex.Message);
        Assert.Throws<ProtocolException>(() => TwsCodec.Default.EncodeToArray(new AccountUpdateMultiEnd { ReqId = 1 }, version, ServerToClient));
        Assert.NotEmpty(TwsCodec.Default.EncodeToArray(new AccountUpdateMultiEnd { ReqId = 1 }, 103, ServerToClient));
    }
}
