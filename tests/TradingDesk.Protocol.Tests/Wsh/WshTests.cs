using FsCheck;
using FsCheck.Fluent;
using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Tests.MarketData;
using TradingDesk.Protocol.Tests.Support;
using Xunit;
using static TradingDesk.Protocol.Codec.Direction;
using Property = TradingDesk.Protocol.Tests.Support.Property;
using V = TradingDesk.Protocol.Tests.Wsh.WshVectors;

namespace TradingDesk.Protocol.Tests.Wsh;

/// <summary>Wall Street Horizon: round trips, constructed vectors, the 161/171/173 gates and protobuf at 209.</summary>
public sealed class WshTests
{
    private static readonly TwsCodec Codec = TwsCodec.Default;

    public static TheoryData<int> Versions
    {
        get
        {
            var data = new TheoryData<int>();
            foreach (var v in CodecAssert.Versions.Concat([161, 170, 171, 172, 173, 209]).Distinct().Order()) data.Add(v);
            return data;
        }
    }

    [Theory, MemberData(nameof(Versions))]
    public void Round_trips(int version) => Property.ForAll(
        from reqId in MarketDataGens.OptInt
        from conId in MarketDataGens.OptInt
        from filter in MarketDataGens.OptText
        from flags in Gen.ArrayOf(Gens.Bool, 3)
        from start in MarketDataGens.OptText
        from end in MarketDataGens.OptText
        from limit in Gens.OptionalValue(Gen.Choose(1, 1000))
        from json in MarketDataGens.OptText
        select (reqId, conId, filter, flags, start, end, limit, json),
        x =>
        {
            var req = new WshEventDataRequest();
            if (x.reqId is { } id) req.ReqId = id;
            if (x.conId is { } conId) req.ConId = conId;
            if (version >= 171)
            {
                // The three flags are always on the wire from 171 (IBPY writes them as 0/1).
                if (x.filter is not null) req.Filter = x.filter;
                (req.FillWatchlist, req.FillPortfolio, req.FillCompetitors) = (x.flags[0], x.flags[1], x.flags[2]);
            }
            if (version >= 173)
            {
                if (x.start is not null) req.StartDate = x.start;
                if (x.end is not null) req.EndDate = x.end;
                if (x.limit is { } l) req.TotalLimit = l;
            }
            CodecAssert.RoundTripAllEncodings(req, version, ClientToServer);

            var meta = new WshMetaDataRequest();
            var cancelMeta = new CancelWshMetaData();
            var cancelEvent = new CancelWshEventData();
            var metaData = new WshMetaData();
            var eventData = new WshEventData();
            if (x.reqId is { } rid)
            {
                meta.ReqId = rid;
                cancelMeta.ReqId = rid;
                cancelEvent.ReqId = rid;
                metaData.ReqId = rid;
                eventData.ReqId = rid;
            }
            if (x.json is not null)
            {
                metaData.DataJson = x.json;
                eventData.DataJson = x.json;
            }
            CodecAssert.RoundTripAllEncodings(meta, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(cancelMeta, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(cancelEvent, version, ClientToServer);
            CodecAssert.RoundTripAllEncodings(metaData, version, ServerToClient);
            CodecAssert.RoundTripAllEncodings(eventData, version, ServerToClient);
        });

    [Fact]
    public void Meta_data_requests_and_cancels_decode_and_reencode()
    {
        Assert.Equal(9010, CodecAssert.DecodeText<WshMetaDataRequest>(V.ReqMetaData, 176, ClientToServer).ReqId);
        CodecAssert.ReencodesTo(new WshMetaDataRequest { ReqId = 9010 }, V.ReqMetaData, 176);
        Assert.Equal(9010, CodecAssert.DecodeText<CancelWshMetaData>(V.CancelMetaData, 176, ClientToServer).ReqId);
        CodecAssert.ReencodesTo(new CancelWshMetaData { ReqId = 9010 }, V.CancelMetaData, 176);
        Assert.Equal(9011, CodecAssert.DecodeText<CancelWshEventData>(V.CancelEventData, 176, ClientToServer).ReqId);
        CodecAssert.ReencodesTo(new CancelWshEventData { ReqId = 9011 }, V.CancelEventData, 176);
    }

    [Fact]
    public void Event_data_request_before_171_is_request_id_and_contract_id_only()
    {
        var m = CodecAssert.DecodeText<WshEventDataRequest>(V.ReqEventDataByConId170, 170, ClientToServer);
        Assert.Equal(new WshEventDataRequest { ReqId = 9012, ConId = 265598 }, m);
        CodecAssert.ReencodesTo(m, V.ReqEventDataByConId170, 170);
    }

    [Fact]
    public void Event_data_request_from_171_carries_the_filter_and_flags()
    {
        var m = CodecAssert.DecodeText<WshEventDataRequest>(V.ReqEventDataByFilter172, 172, ClientToServer);
        Assert.Equal(9013, m.ReqId);
        Assert.False(m.HasConId); // 2147483647 is IB's unset integer
        Assert.Equal(@"{""watchlist"":[""8314""]}", m.Filter);
        Assert.Equal((true, false, true), (m.FillWatchlist, m.FillPortfolio, m.FillCompetitors));
        Assert.False(m.HasStartDate);
        CodecAssert.ReencodesTo(m, V.ReqEventDataByFilter172, 172);
    }

    [Fact]
    public void Event_data_request_from_173_carries_dates_and_limit()
    {
        var m = CodecAssert.DecodeText<WshEventDataRequest>(V.ReqEventDataByConId173, 173, ClientToServer);
        Assert.Equal((9014, 265598), (m.ReqId, m.ConId));
        Assert.False(m.HasFilter);
        Assert.Equal(("20261101", "20261130", 50), (m.StartDate, m.EndDate, m.TotalLimit));
        CodecAssert.ReencodesTo(m, V.ReqEventDataByConId173, 173);

        var noLimit = CodecAssert.DecodeText<WshEventDataRequest>(V.ReqEventDataNoLimit173, 173, ClientToServer);
        Assert.False(noLimit.HasTotalLimit);
        Assert.True(noLimit.FillPortfolio);
        CodecAssert.ReencodesTo(noLimit, V.ReqEventDataNoLimit173, 173);
    }

    [Fact]
    public void The_same_request_grows_at_171_and_173()
    {
        var m = new WshEventDataRequest { ReqId = 1, ConId = 2 };
        Assert.Equal(Wire.Frame(Wire.Payload(@"102\01\02\0")), Codec.EncodeToArray(m, 170, ClientToServer));
        Assert.Equal(Wire.Frame(Wire.Payload(@"102\01\02\0\00\00\00\0")), Codec.EncodeToArray(m, 171, ClientToServer));
        Assert.Equal(Wire.Frame(Wire.Payload(@"102\01\02\0\00\00\00\0\0\02147483647\0")), Codec.EncodeToArray(m, 173, ClientToServer));
    }

    [Fact]
    public void Filters_before_their_gates_are_refused_not_dropped()
    {
        Assert.Contains("171", Assert.Throws<ProtocolException>(() =>
            Codec.EncodeToArray(new WshEventDataRequest { ReqId = 1, Filter = "{}" }, 170, ClientToServer)).Message);
        Assert.Contains("171", Assert.Throws<ProtocolException>(() =>
            Codec.EncodeToArray(new WshEventDataRequest { ReqId = 1, FillCompetitors = true }, 170, ClientToServer)).Message);
        Assert.Contains("173", Assert.Throws<ProtocolException>(() =>
            Codec.EncodeToArray(new WshEventDataRequest { ReqId = 1, StartDate = "20261101" }, 172, ClientToServer)).Message);
        Assert.Contains("173", Assert.Throws<ProtocolException>(() =>
            Codec.EncodeToArray(new WshEventDataRequest { ReqId = 1, TotalLimit = 5 }, 172, ClientToServer)).Message);
    }

    [Fact]
    public void Replies_decode_their_json_verbatim()
    {
        var meta = CodecAssert.DecodeText<WshMetaData>(V.MetaData, 176, ServerToClient);
        Assert.Equal(9010, meta.ReqId);
        Assert.Equal(@"{""validated"":true,""meta_data"":{""event_types"":[]}}", meta.DataJson);
        var events = CodecAssert.DecodeText<WshEventData>(V.EventData, 176, ServerToClient);
        Assert.Equal(9014, events.ReqId);
        Assert.StartsWith(@"{""validated"":true,""data"":[", events.DataJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_exists_before_161()
    {
        Assert.Contains("161", Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(new WshMetaDataRequest { ReqId = 1 }, 160, ClientToServer)).Message);
        Assert.Contains("161", Assert.Throws<ProtocolException>(() => Codec.EncodeToArray(new WshEventData { ReqId = 1 }, 160, ServerToClient)).Message);
        Assert.NotEmpty(Codec.EncodeToArray(new CancelWshEventData { ReqId = 1 }, 161, ClientToServer));
    }

    [Fact]
    public void Everything_switches_to_protobuf_at_209()
    {
        (Google.Protobuf.IMessage Message, Direction Direction)[] messages =
        [
            (new WshMetaDataRequest(), ClientToServer), (new CancelWshMetaData(), ClientToServer),
            (new WshEventDataRequest(), ClientToServer), (new CancelWshEventData(), ClientToServer),
            (new WshMetaData(), ServerToClient), (new WshEventData(), ServerToClient),
        ];
        foreach (var (message, direction) in messages)
        {
            Assert.Equal(WireEncoding.Text, Codec.PreferredEncoding(message, 208, direction));
            Assert.Equal(WireEncoding.Protobuf, Codec.PreferredEncoding(message, 209, direction));
        }
        // Binary id 300 = 100 + 200, field 1 varint 9010 (0xB2 0x46).
        Assert.Equal(Wire.Hex("00 00 00 07 | 00 00 01 2C | 08 B2 46"), Codec.EncodeToArray(new WshMetaDataRequest { ReqId = 9010 }, 209, ClientToServer));
    }
}
