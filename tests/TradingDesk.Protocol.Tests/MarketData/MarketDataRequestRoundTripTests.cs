using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;

namespace TradingDesk.Protocol.Tests.MarketData;

/// <summary>Market-data requests: encode → decode over random field values, both encodings, every test version.</summary>
public sealed class MarketDataRequestRoundTripTests
{
    public static TheoryData<int> Versions => CodecAssert.VersionData();

    [Theory, MemberData(nameof(Versions))]
    public void ReqMktData(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from contract in MarketDataGens.WithOptionalBag(MarketDataGens.C12())
        from deltaNeutral in MarketDataGens.DeltaNeutral
        from ticks in MarketDataGens.OptText
        from snapshot in Gens.Bool
        from regulatory in Gens.Bool
        from options in MarketDataGens.Options
        select BuildReqMktData(reqId, contract, deltaNeutral, ticks, snapshot, regulatory, options),
        m => CodecAssert.RoundTripAllEncodings(m, version, ClientToServer));

    private static MarketDataRequest BuildReqMktData(int? reqId, Contract contract, DeltaNeutralContract? deltaNeutral,
        string? ticks, bool snapshot, bool regulatory, KeyValuePair<string, string>[] options)
    {
        // The text form always carries snapshot and (from 114, below every test version) regulatorySnapshot.
        var m = new MarketDataRequest { Contract = contract, Snapshot = snapshot, RegulatorySnapshot = regulatory };
        if (reqId is { } id) m.ReqId = id;
        if (deltaNeutral is not null) contract.DeltaNeutralContract = deltaNeutral;
        if (ticks is not null) m.GenericTickList = ticks;
        MarketDataGens.Fill(m.MarketDataOptions, options);
        return m;
    }

    [Theory, MemberData(nameof(Versions))]
    public void CancelMktData_and_ReqMarketDataType(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from type in Gens.OptionalValue(Gen.Choose(1, 4))
        select (reqId, type),
        x =>
        {
            var cancel = new CancelMarketData();
            if (x.reqId is { } id) cancel.ReqId = id;
            CodecAssert.RoundTripAllEncodings(cancel, version, ClientToServer);
            var type = new MarketDataTypeRequest();
            if (x.type is { } t) type.MarketDataType = t;
            CodecAssert.RoundTripAllEncodings(type, version, ClientToServer);
        });

    [Theory, MemberData(nameof(Versions))]
    public void ReqMktDepth_and_cancel(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from contract in MarketDataGens.C12(withPrimaryExchange: version >= 149)
        from rows in MarketDataGens.OptInt
        from smart in Gens.Bool
        from options in MarketDataGens.Options
        select (reqId, contract, rows, smart, options),
        x =>
        {
            var m = new MarketDepthRequest { Contract = x.contract, IsSmartDepth = x.smart };
            if (x.reqId is { } id) m.ReqId = id;
            if (x.rows is { } r) m.NumRows = r;
            MarketDataGens.Fill(m.MarketDepthOptions, x.options);
            CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);

            var cancel = new CancelMarketDepth { IsSmartDepth = x.smart };
            if (x.reqId is { } cid) cancel.ReqId = cid;
            CodecAssert.RoundTripAllEncodings(cancel, version, ClientToServer);
        });

    [Theory, MemberData(nameof(Versions))]
    public void ReqTickByTickData_and_cancel(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from contract in MarketDataGens.C12()
        from type in Gens.Optional(Gen.Elements("Last", "AllLast", "BidAsk", "MidPoint"))
        from count in MarketDataGens.OptInt
        from ignore in Gens.Bool
        select (reqId, contract, type, count, ignore),
        x =>
        {
            var m = new TickByTickRequest { Contract = x.contract, IgnoreSize = x.ignore };
            if (x.reqId is { } id) m.ReqId = id;
            if (x.type is not null) m.TickType = x.type;
            if (x.count is { } n) m.NumberOfTicks = n;
            CodecAssert.RoundTripAllEncodings(m, version, ClientToServer);

            var cancel = new CancelTickByTick();
            if (x.reqId is { } cid) cancel.ReqId = cid;
            CodecAssert.RoundTripAllEncodings(cancel, version, ClientToServer);
        });
}
