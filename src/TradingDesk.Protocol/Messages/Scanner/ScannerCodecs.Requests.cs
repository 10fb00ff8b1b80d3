using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Protocol.Messages.MarketData;
using TradingDesk.Protocol.Text;
using static TradingDesk.Protocol.Codec.Direction;
using V = TradingDesk.Protocol.Messages.Options.OptionVersions;

namespace TradingDesk.Protocol.Messages;

internal static partial class ScannerCodecs
{
    /// <summary>The version field reqScannerSubscription carries below SCANNER_GENERIC_OPTS (143).</summary>
    private const int SubscriptionVersion = 4;

    private static void RegisterRequests(CodecRegistry r)
    {
        // reqScannerParameters (out 24): [24][v=1] (IBPY client.reqScannerParameters).
        r.Add<ScannerParametersRequest>(OutgoingIds.ReqScannerParameters, ClientToServer, ServerVersions.ProtobufScanData,
            (ref TextFieldReader f, int v) =>
            {
                f.Skip("version");
                return new ScannerParametersRequest();
            },
            (ScannerParametersRequest m, ref TextFieldWriter w, int v) => w.WriteInt(1));

        r.Add<ScannerSubscriptionRequest>(OutgoingIds.ReqScannerSubscription, ClientToServer, ServerVersions.ProtobufScanData,
            DecodeSubscription, EncodeSubscription);

        // cancelScannerSubscription (out 23): [23][v=1][reqId].
        r.AddVersionedReqId<CancelScannerSubscription>(OutgoingIds.CancelScannerSubscription, ClientToServer,
            ServerVersions.ProtobufScanData, version: 1, m => m.HasReqId, m => m.ReqId, (m, id) => m.ReqId = id);
    }

    // reqScannerSubscription (out 22), IBPY client.reqScannerSubscription:
    // [22][v=4 only below 143][reqId][numberOfRows][instrument][locationCode][scanCode][abovePrice][belowPrice]
    // [aboveVolume][marketCapAbove][marketCapBelow][moodyRatingAbove][moodyRatingBelow][spRatingAbove]
    // [spRatingBelow][maturityDateAbove][maturityDateBelow][couponRateAbove][couponRateBelow][excludeConvertible]
    // [averageOptionVolumeAbove][scannerSettingPairs][stockTypeFilter], then [scannerSubscriptionFilterOptions] from
    // 143 (SCANNER_GENERIC_OPTS), then [scannerSubscriptionOptions] (LINKING 70, below the floor: always).
    // Unset numbers go out empty (make_field_handle_empty); IBPY's default numberOfRows is -1
    // (NO_ROW_NUMBER_SPECIFIED), a value it writes as "-1". Both option lists are "tag=value;" strings. Below 143
    // IBPY refuses a non-empty filter list (UPDATE_TWS); so does this encoder, before writing anything.
    private static ScannerSubscriptionRequest DecodeSubscription(ref TextFieldReader f, int v)
    {
        if (v < V.ScannerGenericOpts) f.Skip("version");
        var m = new ScannerSubscriptionRequest();
        if (f.ReadIntOrUnset("reqId") is { } id) m.ReqId = id;
        var s = new ScannerSubscription();
        if (f.ReadIntOrUnset("numberOfRows") is { } rows) s.NumberOfRows = rows;
        if (f.ReadStringOrUnset("instrument") is { } instrument) s.Instrument = instrument;
        if (f.ReadStringOrUnset("locationCode") is { } location) s.LocationCode = location;
        if (f.ReadStringOrUnset("scanCode") is { } scanCode) s.ScanCode = scanCode;
        if (f.ReadDoubleOrUnset("abovePrice") is { } abovePrice) s.AbovePrice = abovePrice;
        if (f.ReadDoubleOrUnset("belowPrice") is { } belowPrice) s.BelowPrice = belowPrice;
        if (f.ReadLongOrUnset("aboveVolume") is { } aboveVolume) s.AboveVolume = aboveVolume;
        if (f.ReadDoubleOrUnset("marketCapAbove") is { } capAbove) s.MarketCapAbove = capAbove;
        if (f.ReadDoubleOrUnset("marketCapBelow") is { } capBelow) s.MarketCapBelow = capBelow;
        if (f.ReadStringOrUnset("moodyRatingAbove") is { } moodyAbove) s.MoodyRatingAbove = moodyAbove;
        if (f.ReadStringOrUnset("moodyRatingBelow") is { } moodyBelow) s.MoodyRatingBelow = moodyBelow;
        if (f.ReadStringOrUnset("spRatingAbove") is { } spAbove) s.SpRatingAbove = spAbove;
        if (f.ReadStringOrUnset("spRatingBelow") is { } spBelow) s.SpRatingBelow = spBelow;
        if (f.ReadStringOrUnset("maturityDateAbove") is { } maturityAbove) s.MaturityDateAbove = maturityAbove;
        if (f.ReadStringOrUnset("maturityDateBelow") is { } maturityBelow) s.MaturityDateBelow = maturityBelow;
        if (f.ReadDoubleOrUnset("couponRateAbove") is { } couponAbove) s.CouponRateAbove = couponAbove;
        if (f.ReadDoubleOrUnset("couponRateBelow") is { } couponBelow) s.CouponRateBelow = couponBelow;
        if (f.ReadBoolOrUnset("excludeConvertible") is { } exclude) s.ExcludeConvertible = exclude;
        if (f.ReadLongOrUnset("averageOptionVolumeAbove") is { } optionVolume) s.AverageOptionVolumeAbove = optionVolume;
        if (f.ReadStringOrUnset("scannerSettingPairs") is { } pairs) s.ScannerSettingPairs = pairs;
        if (f.ReadStringOrUnset("stockTypeFilter") is { } stockType) s.StockTypeFilter = stockType;
        if (v >= V.ScannerGenericOpts)
            ContractBlock.ReadOptions(ref f, "scannerSubscriptionFilterOptions", s.ScannerSubscriptionFilterOptions);
        ContractBlock.ReadOptions(ref f, "scannerSubscriptionOptions", s.ScannerSubscriptionOptions);
        m.ScannerSubscription = s;
        return m;
    }

    private static void EncodeSubscription(ScannerSubscriptionRequest m, ref TextFieldWriter w, int v)
    {
        var s = m.ScannerSubscription ?? new ScannerSubscription();
        if (v < V.ScannerGenericOpts && s.ScannerSubscriptionFilterOptions.Count > 0)
            throw new ProtocolException($"server {v} does not support scanner subscription filter options", OutgoingIds.ReqScannerSubscription);
        if (v < V.ScannerGenericOpts) w.WriteInt(SubscriptionVersion);
        w.WriteIntOrUnset(m.HasReqId, m.ReqId);
        w.WriteIntOrUnset(s.HasNumberOfRows, s.NumberOfRows);
        w.WriteString(s.Instrument);
        w.WriteString(s.LocationCode);
        w.WriteString(s.ScanCode);
        w.WriteDoubleOrUnset(s.HasAbovePrice, s.AbovePrice);
        w.WriteDoubleOrUnset(s.HasBelowPrice, s.BelowPrice);
        w.WriteLongOrUnset(s.HasAboveVolume, s.AboveVolume);
        w.WriteDoubleOrUnset(s.HasMarketCapAbove, s.MarketCapAbove);
        w.WriteDoubleOrUnset(s.HasMarketCapBelow, s.MarketCapBelow);
        w.WriteString(s.MoodyRatingAbove);
        w.WriteString(s.MoodyRatingBelow);
        w.WriteString(s.SpRatingAbove);
        w.WriteString(s.SpRatingBelow);
        w.WriteString(s.MaturityDateAbove);
        w.WriteString(s.MaturityDateBelow);
        w.WriteDoubleOrUnset(s.HasCouponRateAbove, s.CouponRateAbove);
        w.WriteDoubleOrUnset(s.HasCouponRateBelow, s.CouponRateBelow);
        w.WriteBoolOrUnset(s.HasExcludeConvertible, s.ExcludeConvertible);
        w.WriteLongOrUnset(s.HasAverageOptionVolumeAbove, s.AverageOptionVolumeAbove);
        w.WriteString(s.ScannerSettingPairs);
        w.WriteString(s.StockTypeFilter);
        if (v >= V.ScannerGenericOpts)
            ContractBlock.WriteOptions(s.ScannerSubscriptionFilterOptions, ref w, "scannerSubscriptionFilterOptions");
        ContractBlock.WriteOptions(s.ScannerSubscriptionOptions, ref w, "scannerSubscriptionOptions");
    }
}
