using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.ReferenceData.ReferenceDataVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class ReferenceDataCodecs
{
    /// <summary>
    /// Before 120 the text carries an isL2 flag where later versions carry serviceDataType. IB's decoders (IBCS
    /// MarketDepthExchangesEvent, IB's C++ EDecoder) map the flag to "Deep2" (1) or "Deep" (0); so do we, both ways.
    /// </summary>
    private const string DeepL2 = "Deep2";
    private const string DeepL1 = "Deep";

    private static void RegisterDepthExchanges(CodecRegistry r)
    {
        // reqMktDepthExchanges (out 82), IBPY client.reqMktDepthExchanges: [82] and nothing else.
        r.Add<MarketDepthExchangesRequest>(OutgoingIds.ReqMarketDepthExchanges, ClientToServer, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) => new MarketDepthExchangesRequest(),
            (MarketDepthExchangesRequest m, ref TextFieldWriter w, int v) => { },
            minVersion: V.ReqMktDepthExchanges);

        // mktDepthExchanges (in 80), IBPY processMktDepthExchanges: [80][count]{description}×count, each description
        // [exchange][secType][listingExch][serviceDataType][aggGroup] from 120 (SERVICE_DATA_TYPE),
        // [exchange][secType][isL2] before. No request id: one owner serialises these requests.
        r.Add<MarketDepthExchanges>(IncomingIds.MarketDepthExchanges, ServerToClient, ServerVersions.ProtobufRestMessages3,
            (ref TextFieldReader f, int v) =>
            {
                var m = new MarketDepthExchanges();
                var count = ContractText.ReadCount(ref f, "depthMarketDataDescriptionCount");
                for (var i = 0; i < count; i++) m.DepthMarketDataDescriptions.Add(ReadDepthDescription(ref f, v));
                return m;
            },
            (MarketDepthExchanges m, ref TextFieldWriter w, int v) =>
            {
                w.WriteInt(m.DepthMarketDataDescriptions.Count);
                foreach (var d in m.DepthMarketDataDescriptions) WriteDepthDescription(ref w, d, v);
            },
            minVersion: V.ReqMktDepthExchanges);
    }

    private static DepthMarketDataDescription ReadDepthDescription(ref TextFieldReader f, int v)
    {
        var d = new DepthMarketDataDescription();
        if (f.ReadStringOrUnset("exchange") is { } exchange) d.Exchange = exchange;
        if (f.ReadStringOrUnset("secType") is { } secType) d.SecType = secType;
        if (v >= V.ServiceDataType)
        {
            if (f.ReadStringOrUnset("listingExch") is { } listing) d.ListingExch = listing;
            if (f.ReadStringOrUnset("serviceDataType") is { } service) d.ServiceDataType = service;
            if (f.ReadIntOrUnset("aggGroup") is { } group) d.AggGroup = group;
        }
        else if (f.ReadBoolOrUnset("isL2") is { } isL2)
        {
            d.ServiceDataType = isL2 ? DeepL2 : DeepL1;
        }
        return d;
    }

    private static void WriteDepthDescription(ref TextFieldWriter w, DepthMarketDataDescription d, int v)
    {
        w.WriteString(d.Exchange);
        w.WriteString(d.SecType);
        if (v >= V.ServiceDataType)
        {
            w.WriteString(d.ListingExch);
            w.WriteString(d.ServiceDataType);
            w.WriteIntOrUnset(d.HasAggGroup, d.AggGroup);
        }
        else if (!d.HasServiceDataType)
        {
            w.WriteEmpty();
        }
        else
        {
            // listingExch and aggGroup have no place before 120 and are dropped, as every gated field is; a service
            // type other than the two the flag can say would be silently turned into one of them, so it is refused.
            w.WriteBool(d.ServiceDataType switch
            {
                DeepL2 => true,
                DeepL1 => false,
                _ => throw new ProtocolException(
                    $"serviceDataType '{d.ServiceDataType}' cannot be sent before server version {V.ServiceDataType} (only {DeepL1} or {DeepL2})",
                    IncomingIds.MarketDepthExchanges),
            });
        }
    }
}
