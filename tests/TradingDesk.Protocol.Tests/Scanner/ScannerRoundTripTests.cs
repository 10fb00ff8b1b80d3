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

/// <summary>Scanner requests and replies: encode → decode over random field values, text and protobuf, at the shared versions and each gate.</summary>
public sealed class ScannerRoundTripTests
{
    public static TheoryData<int> Versions => OptionTestSupport.Versions();

    private static FsCheck.Gen<ScannerSubscription> Subscription(int version)
    {
        var g = new FieldGen<ScannerSubscription>()
            .Int((s, x) => s.NumberOfRows = x)
            .Text((s, x) => s.Instrument = x)
            .Text((s, x) => s.LocationCode = x)
            .Text((s, x) => s.ScanCode = x)
            .Double((s, x) => s.AbovePrice = x)
            .Double((s, x) => s.BelowPrice = x)
            .Long((s, x) => s.AboveVolume = x)
            .Double((s, x) => s.MarketCapAbove = x)
            .Double((s, x) => s.MarketCapBelow = x)
            .Text((s, x) => s.MoodyRatingAbove = x)
            .Text((s, x) => s.MoodyRatingBelow = x)
            .Text((s, x) => s.SpRatingAbove = x)
            .Text((s, x) => s.SpRatingBelow = x)
            .Text((s, x) => s.MaturityDateAbove = x)
            .Text((s, x) => s.MaturityDateBelow = x)
            .Double((s, x) => s.CouponRateAbove = x)
            .Double((s, x) => s.CouponRateBelow = x)
            .Bool((s, x) => s.ExcludeConvertible = x)
            .Long((s, x) => s.AverageOptionVolumeAbove = x)
            .Text((s, x) => s.ScannerSettingPairs = x)
            .Text((s, x) => s.StockTypeFilter = x)
            .With(MarketDataGens.Options.Select(o => (Action<ScannerSubscription>)(s => MarketDataGens.Fill(s.ScannerSubscriptionOptions, o))));
        if (version >= V.ScannerGenericOpts)
            g.With(MarketDataGens.Options.Select(o => (Action<ScannerSubscription>)(s => MarketDataGens.Fill(s.ScannerSubscriptionFilterOptions, o))));
        return g.Gen();
    }

    private static FsCheck.Gen<ScannerDataElement> Row =>
        new FieldGen<ScannerDataElement>()
            .Int((e, x) => e.Rank = x)
            .With(ContractGens.Block(ContractFields.Exchange | ContractFields.TradingClass)
                .Select(c => (Action<ScannerDataElement>)(e => { if (c.CalculateSize() > 0) e.Contract = c; })))
            .Text((e, x) => e.MarketName = x)
            .Text((e, x) => e.Distance = x)
            .Text((e, x) => e.Benchmark = x)
            .Text((e, x) => e.Projection = x)
            .Text((e, x) => e.ComboKey = x)
            .Gen();

    [Theory, MemberData(nameof(Versions))]
    public void Round_trips(int version)
    {
        CodecAssert.RoundTripAllEncodings(new ScannerParametersRequest(), version, ClientToServer);
        Property.ForAll(
            from id in MarketDataGens.OptInt
            from s in Subscription(version)
            select (id, s),
            x =>
            {
                var m = new ScannerSubscriptionRequest { ScannerSubscription = x.s };
                if (x.id is { } id) m.ReqId = id;
                CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);
            });
        Property.ForAll(Gens.Int, id =>
            CodecAssert.RoundTripAllEncodings(new CancelScannerSubscription { ReqId = id }, version, ClientToServer));
        Property.ForAll(Gens.Optional(Gens.Text), xml =>
        {
            var m = new ScannerParameters();
            if (xml is not null) m.Xml = xml;
            CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
        });
        Property.ForAll(
            from id in MarketDataGens.OptInt
            from rows in List(Row, 8)
            select (id, rows),
            x =>
            {
                var m = new ScannerData();
                if (x.id is { } id) m.ReqId = id;
                m.ScannerDataElement.AddRange(x.rows);
                CodecAssert.RoundTripAllEncodings(m, version, ServerToClient);
            });
    }
}
