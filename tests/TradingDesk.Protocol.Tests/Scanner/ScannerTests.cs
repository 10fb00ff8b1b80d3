using System.Text;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages;
using TradingDesk.Protocol.Tests.Contracts;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Options;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using static TradingDesk.Protocol.Tests.Options.OptionTestSupport;
using V = TradingDesk.Protocol.Messages.Options.OptionVersions;

namespace TradingDesk.Protocol.Tests.Scanner;

/// <summary>Scanner requests and replies: constructed vectors, the 143 gate, the 210 switch, hostile frames.</summary>
public sealed class ScannerTests
{
    private const int TextVersion = 176;

    [Fact]
    public void Requests_decode_and_reencode()
    {
        DecodeAndReencode<ScannerParametersRequest>(ScannerVectors.ReqScannerParameters, TextVersion, ClientToServer);
        var m = DecodeAndReencode<ScannerSubscriptionRequest>(ScannerVectors.ReqScannerSubscription176, TextVersion, ClientToServer);
        var s = m.ScannerSubscription;
        Assert.Equal(9010, m.ReqId);
        Assert.Equal(10, s.NumberOfRows);
        Assert.Equal("STK", s.Instrument);
        Assert.Equal("STK.US.MAJOR", s.LocationCode);
        Assert.Equal("TOP_PERC_GAIN", s.ScanCode);
        Assert.Equal(5.0, s.AbovePrice);
        Assert.False(s.HasBelowPrice);
        Assert.False(s.HasAboveVolume);
        Assert.False(s.HasAverageOptionVolumeAbove);
        Assert.True(s.HasExcludeConvertible);
        Assert.False(s.ExcludeConvertible);
        Assert.Equal("5", s.ScannerSubscriptionFilterOptions["priceAbove"]);
        Assert.Empty(s.ScannerSubscriptionOptions);
        Assert.Equal(9010, DecodeAndReencode<CancelScannerSubscription>(ScannerVectors.CancelScannerSubscription, TextVersion, ClientToServer).ReqId);
    }

    [Fact]
    public void Subscription_below_143_has_a_version_and_no_filter_list()
    {
        var m = DecodeAndReencode<ScannerSubscriptionRequest>(ScannerVectors.ReqScannerSubscription140, 140, ClientToServer);
        Assert.Equal(9010, m.ReqId);
        Assert.Equal("TOP_PERC_GAIN", m.ScannerSubscription.ScanCode);
        Assert.Empty(m.ScannerSubscription.ScannerSubscriptionFilterOptions);

        // The same request at 142 and 143: the version field goes, the filter list comes.
        var request = new ScannerSubscriptionRequest { ReqId = 1, ScannerSubscription = new ScannerSubscription { ScanCode = "HOT" } };
        string Text(int v) => Encoding.UTF8.GetString(TextFrame(request, v, ClientToServer)[4..]).Replace("\0", "|");
        Assert.Equal("22|4|1||||HOT|||||||||||||||||||", Text(142));
        Assert.Equal("22|1||||HOT||||||||||||||||||||", Text(143));

        request.ScannerSubscription.ScannerSubscriptionFilterOptions["priceAbove"] = "5";
        Assert.Throws<ProtocolException>(() => TextFrame(request, 142, ClientToServer));
        Assert.Contains("|priceAbove=5;|", Text(143));
    }

    [Fact]
    public void ScannerParameters_xml_passes_through()
    {
        var m = DecodeAndReencode<ScannerParameters>(ScannerVectors.ScannerParameters, TextVersion, ServerToClient);
        Assert.Equal("<ScanParameterResponse><InstrumentList/></ScanParameterResponse>", m.Xml);
    }

    [Fact]
    public void ScannerData_rows_decode_with_contract_and_market_name()
    {
        var m = DecodeAndReencode<ScannerData>(ScannerVectors.ScannerData, TextVersion, ServerToClient);
        Assert.Equal(9010, m.ReqId);
        Assert.Equal(2, m.ScannerDataElement.Count);
        var aapl = m.ScannerDataElement[0];
        Assert.Equal(0, aapl.Rank);
        Assert.Equal(265598, aapl.Contract.ConId);
        Assert.Equal("AAPL", aapl.Contract.Symbol);
        Assert.Equal("SMART", aapl.Contract.Exchange);
        Assert.Equal("USD", aapl.Contract.Currency);
        Assert.Equal("NMS", aapl.MarketName);
        Assert.Equal("NMS", aapl.Contract.TradingClass);
        Assert.False(aapl.HasDistance);
        Assert.False(aapl.HasComboKey);
        var spy = m.ScannerDataElement[1];
        Assert.Equal(1, spy.Rank);
        Assert.Equal("OPT", spy.Contract.SecType);
        Assert.Equal("20261218", spy.Contract.LastTradeDateOrContractMonth);
        Assert.Equal(500.0, spy.Contract.Strike);
        Assert.Equal("C", spy.Contract.Right);
        Assert.Equal("SPY  261218C00500000", spy.Contract.LocalSymbol);
        Assert.Equal("1.5", spy.Distance);
        Assert.Equal("bm", spy.Benchmark);
        Assert.Equal("proj", spy.Projection);
        Assert.Equal("legs;1", spy.ComboKey);

        Assert.Empty(DecodeAndReencode<ScannerData>(ScannerVectors.ScannerDataEmpty, TextVersion, ServerToClient).ScannerDataElement);
    }

    [Fact]
    public void Older_scannerData_versions_lack_conId_and_legsStr()
    {
        // version 2: no conId; version 1: no conId and no legsStr (IBCS ScannerDataEvent)
        var v2 = CodecAssert.DecodeText<ScannerData>(@"20\02\07\01\00\0AAPL\0STK\0\00\0\0SMART\0USD\0AAPL\0NMS\0NMS\0d\0b\0p\0legs\0", TextVersion, ServerToClient);
        Assert.False(v2.ScannerDataElement[0].Contract.HasConId);
        Assert.Equal("AAPL", v2.ScannerDataElement[0].Contract.Symbol);
        Assert.Equal("legs", v2.ScannerDataElement[0].ComboKey);
        var v1 = CodecAssert.DecodeText<ScannerData>(@"20\01\07\01\00\0AAPL\0STK\0\00\0\0SMART\0USD\0AAPL\0NMS\0NMS\0d\0b\0p\0", TextVersion, ServerToClient);
        Assert.Equal("p", v1.ScannerDataElement[0].Projection);
        Assert.False(v1.ScannerDataElement[0].HasComboKey);
        // The encoder always writes version 3, so conId and legsStr come back.
        Assert.StartsWith("20|3|7|1|0||AAPL|", Encoding.UTF8.GetString(TextFrame(v2, TextVersion, ServerToClient)[4..]).Replace('\0', '|'));
    }

    [Theory]
    [InlineData(209, WireEncoding.Text)]
    [InlineData(210, WireEncoding.Protobuf)]
    public void Scanner_messages_switch_to_protobuf_at_210(int version, WireEncoding expected)
    {
        Assert.Equal(expected, TwsCodec.Default.PreferredEncoding(new ScannerSubscriptionRequest(), version, ClientToServer));
        Assert.Equal(expected, TwsCodec.Default.PreferredEncoding(new ScannerParametersRequest(), version, ClientToServer));
        Assert.Equal(expected, TwsCodec.Default.PreferredEncoding(new CancelScannerSubscription(), version, ClientToServer));
        Assert.Equal(expected, TwsCodec.Default.PreferredEncoding(new ScannerData(), version, ServerToClient));
        Assert.Equal(expected, TwsCodec.Default.PreferredEncoding(new ScannerParameters(), version, ServerToClient));
    }

    [Theory]
    [InlineData("10000")]
    [InlineData("2147483647")]
    [InlineData("-3")]
    public void Hostile_row_count_is_rejected_before_allocating(string count) =>
        Assert.Equal("numberOfElements", Reject($@"20\03\09010\0{count}\0", TextVersion).Field);

    [Fact]
    public void Hostile_scanner_frames_are_rejected()
    {
        Assert.Equal("legsStr", Reject(ScannerVectors.ScannerData[..^@"legs;1\0".Length], TextVersion).Field);
        Assert.Equal("rank", Reject(ScannerVectors.ScannerData.Replace(@"\02\00\0", @"\02\0first\0", StringComparison.Ordinal), TextVersion).Field);
        Assert.Equal("belowPrice", Reject(ScannerVectors.ReqScannerSubscription176.Replace(@"\05\0\0", @"\05\0cheap\0", StringComparison.Ordinal), TextVersion, ClientToServer).Field);
        Assert.Equal("scannerSubscriptionFilterOptions",
            Reject(ScannerVectors.ReqScannerSubscription176.Replace("priceAbove=5;", "=5;", StringComparison.Ordinal), TextVersion, ClientToServer).Field);
        EveryTruncationIsRejected(ScannerVectors.ScannerData, TextVersion, ServerToClient);
        EveryTruncationIsRejected(ScannerVectors.ScannerParameters, TextVersion, ServerToClient);
        EveryTruncationIsRejected(ScannerVectors.ReqScannerSubscription176, TextVersion, ClientToServer);
        EveryTruncationIsRejected(ScannerVectors.ReqScannerSubscription140, 140, ClientToServer);
        EveryTruncationIsRejected(ScannerVectors.CancelScannerSubscription, TextVersion, ClientToServer);
    }
}
