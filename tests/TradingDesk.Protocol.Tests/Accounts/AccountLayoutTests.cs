using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.Accounts;

/// <summary>Hand-written frames in IB's field order (as IBPY reads them) for messages no capture covers.</summary>
public sealed class AccountLayoutTests
{
    private const int Version = 176;

    [Fact]
    public void Update_portfolio_decodes_in_ibpy_order()
    {
        var m = CodecAssert.DecodeText<PortfolioValue>(
            @"7\08\0265598\0AAPL\0STK\0\00.0\0\0\0NASDAQ\0USD\0AAPL\0NMS\0-110\0210.5\0-23155\0201.8829709\0-1000.5\00.0\0DU1234567\0",
            Version, ServerToClient);
        Assert.Equal(265598, m.Contract.ConId);
        Assert.Equal("AAPL", m.Contract.Symbol);
        Assert.False(m.Contract.HasMultiplier);
        Assert.Equal("NASDAQ", m.Contract.PrimaryExch);
        Assert.False(m.Contract.HasExchange);
        Assert.Equal("USD", m.Contract.Currency);
        Assert.Equal("NMS", m.Contract.TradingClass);
        Assert.Equal("-110", m.Position);
        Assert.Equal(210.5, m.MarketPrice);
        Assert.Equal(-23155, m.MarketValue);
        Assert.Equal(201.8829709, m.AverageCost);
        Assert.Equal(-1000.5, m.UnrealizedPNL);
        Assert.Equal(0.0, m.RealizedPNL);
        Assert.Equal("DU1234567", m.AccountName);
    }

    [Fact]
    public void Account_value_time_and_download_end_decode()
    {
        var value = CodecAssert.DecodeText<AccountValue>(@"6\02\0NetLiquidation\0246447.83\0USD\0DU1234567\0", Version, ServerToClient);
        Assert.Equal(("NetLiquidation", "246447.83", "USD", "DU1234567"), (value.Key, value.Value, value.Currency, value.AccountName));
        Assert.Equal("19:05", CodecAssert.DecodeText<AccountUpdateTime>(@"8\01\019:05\0", Version, ServerToClient).TimeStamp);
        Assert.Equal("DU1234567", CodecAssert.DecodeText<AccountDataEnd>(@"54\01\0DU1234567\0", Version, ServerToClient).AccountName);
    }

    [Fact]
    public void Req_account_updates_writes_subscribe_as_a_digit()
    {
        var m = new AccountDataRequest { Subscribe = true, AcctCode = "DU1234567" };
        CodecAssert.ReencodesTo(m, @"6\02\01\0DU1234567\0", Version);
        CodecAssert.ReencodesTo(new AccountDataRequest { Subscribe = false }, @"6\02\00\0\0", Version);
    }

    [Fact]
    public void PnL_replies_decode()
    {
        var pnl = CodecAssert.DecodeText<PnL>(@"94\09001\0-12.5\0100.25\01.7976931348623157E308\0", Version, ServerToClient);
        Assert.Equal((9001, -12.5, 100.25), (pnl.ReqId, pnl.DailyPnL, pnl.UnrealizedPnL));
        Assert.False(pnl.HasRealizedPnL);
        var single = CodecAssert.DecodeText<PnLSingle>(@"95\09002\0-110\0-5\0-1000.5\00\0-23155\0", Version, ServerToClient);
        Assert.Equal(("-110", -5.0, -1000.5, 0.0, -23155.0),
            (single.Position, single.DailyPnL, single.UnrealizedPnL, single.RealizedPnL, single.Value));
    }

    [Fact]
    public void PnL_requests_have_no_version_field()
    {
        CodecAssert.ReencodesTo(new PnLRequest { ReqId = 9001, Account = "DU1234567" }, @"92\09001\0DU1234567\0\0", Version);
        CodecAssert.ReencodesTo(new PnLSingleRequest { ReqId = 9002, Account = "DU1234567", ConId = 265598 }, @"94\09002\0DU1234567\0\0265598\0", Version);
        CodecAssert.ReencodesTo(new CancelPnLSingle { ReqId = 9002 }, @"95\09002\0", Version);
        CodecAssert.ReencodesTo(new CancelAccountSummary { ReqId = 9000 }, @"63\01\09000\0", Version);
        CodecAssert.ReencodesTo(new CancelPositions(), @"64\01\0", Version);
    }
}
