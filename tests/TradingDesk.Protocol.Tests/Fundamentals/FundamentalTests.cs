using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Options;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using static TradingDesk.Protocol.Tests.Options.OptionTestSupport;

namespace TradingDesk.Protocol.Tests.Fundamentals;

/// <summary>Fundamental data: round trips, constructed vectors (built from IBPY client.py, not captured), hostile frames.</summary>
public sealed class FundamentalTests
{
    private const int TextVersion = 176;

    // reqFundamentalData: [52][v=2][reqId 9030][conId 265598][AAPL][STK][SMART][NASDAQ][USD][no localSymbol]
    // [ReportsFinSummary][1 option]["a=b;"]
    private const string Request = @"52\02\09030\0265598\0AAPL\0STK\0SMART\0NASDAQ\0USD\0\0ReportsFinSummary\01\0a=b;\0";
    private const string RequestNoOptions = @"52\02\09030\0265598\0AAPL\0STK\0SMART\0NASDAQ\0USD\0\0ReportSnapshot\00\0\0";
    private const string Cancel = @"53\01\09030\0";
    private const string Data = @"51\01\09030\0<ReportSnapshot Major=""1""/>\0";

    public static TheoryData<int> Versions => OptionTestSupport.Versions();

    private static FsCheck.Gen<Contract> RequestContract =>
        new FieldGen<Contract>()
            .Int((c, x) => c.ConId = x).Text((c, x) => c.Symbol = x).Text((c, x) => c.SecType = x)
            .Text((c, x) => c.Exchange = x).Text((c, x) => c.PrimaryExch = x).Text((c, x) => c.Currency = x)
            .Text((c, x) => c.LocalSymbol = x).Gen();

    [Theory, MemberData(nameof(Versions))]
    public void Round_trips(int version)
    {
        Property.ForAll(
            from id in MarketDataGens.OptInt
            from contract in RequestContract
            from report in MarketDataGens.OptText
            from options in MarketDataGens.Options
            select (id, contract, report, options),
            x =>
            {
                var m = new FundamentalsDataRequest { Contract = x.contract };
                if (x.id is { } id) m.ReqId = id;
                if (x.report is not null) m.ReportType = x.report;
                MarketDataGens.Fill(m.FundamentalsDataOptions, x.options);
                CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);
            });
        Property.ForAll(Gens.Int, id =>
            CodecAssert.RoundTripAllEncodings(new CancelFundamentalsData { ReqId = id }, version, ClientToServer));
        Property.ForAll(new FieldGen<FundamentalsData>().Int((m, x) => m.ReqId = x).Text((m, x) => m.Data = x).Gen(),
            m => CodecAssert.RoundTripAllEncodings(m, version, ServerToClient));
    }

    [Fact]
    public void Request_decodes_and_reencodes()
    {
        var m = DecodeAndReencode<FundamentalsDataRequest>(Request, TextVersion, ClientToServer);
        Assert.Equal(9030, m.ReqId);
        Assert.Equal(265598, m.Contract.ConId);
        Assert.Equal("AAPL", m.Contract.Symbol);
        Assert.Equal("STK", m.Contract.SecType);
        Assert.Equal("SMART", m.Contract.Exchange);
        Assert.Equal("NASDAQ", m.Contract.PrimaryExch);
        Assert.Equal("USD", m.Contract.Currency);
        Assert.False(m.Contract.HasLocalSymbol);
        Assert.False(m.Contract.HasStrike); // the short block has no strike, expiry, right or multiplier
        Assert.Equal("ReportsFinSummary", m.ReportType);
        Assert.Equal("b", m.FundamentalsDataOptions["a"]);

        var bare = DecodeAndReencode<FundamentalsDataRequest>(RequestNoOptions, TextVersion, ClientToServer);
        Assert.Equal("ReportSnapshot", bare.ReportType);
        Assert.Empty(bare.FundamentalsDataOptions);
    }

    [Fact]
    public void Cancel_and_data_decode_and_reencode()
    {
        Assert.Equal(9030, DecodeAndReencode<CancelFundamentalsData>(Cancel, TextVersion, ClientToServer).ReqId);
        var data = DecodeAndReencode<FundamentalsData>(Data, TextVersion, ServerToClient);
        Assert.Equal(9030, data.ReqId);
        Assert.Equal(@"<ReportSnapshot Major=""1""/>", data.Data);
    }

    [Theory]
    [InlineData(209, WireEncoding.Text)]
    [InlineData(210, WireEncoding.Protobuf)]
    public void Fundamentals_switch_to_protobuf_at_210(int version, WireEncoding expected)
    {
        Assert.Equal(expected, TwsCodec.Default.PreferredEncoding(new FundamentalsDataRequest(), version, ClientToServer));
        Assert.Equal(expected, TwsCodec.Default.PreferredEncoding(new CancelFundamentalsData(), version, ClientToServer));
        Assert.Equal(expected, TwsCodec.Default.PreferredEncoding(new FundamentalsData(), version, ServerToClient));
    }

    [Theory]
    [InlineData(@"\01\0a=b;\0", @"\02\0a=b;\0")]
    [InlineData(@"\01\0a=b;\0", @"\00\0a=b;\0")]
    [InlineData(@"\01\0a=b;\0", @"\099999\0a=b;\0")]
    public void Option_count_must_match_the_list(string from, string to) =>
        Assert.Equal("tagValuesCount", Reject(Request.Replace(from, to, StringComparison.Ordinal), TextVersion, ClientToServer).Field);

    [Fact]
    public void Hostile_fundamental_frames_are_rejected()
    {
        Assert.Equal("reqId", Reject(@"51\01\0abc\0<x/>\0", TextVersion).Field);
        Assert.Equal("(trailing)", Reject(Data + @"more\0", TextVersion).Field);
        EveryTruncationIsRejected(Request, TextVersion, ClientToServer);
        EveryTruncationIsRejected(Cancel, TextVersion, ClientToServer);
        EveryTruncationIsRejected(Data, TextVersion, ServerToClient);
    }
}
