using System.Globalization;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>From the codec's messages to the desk's typed replies: decimals, typed ids, parsed times.</summary>
internal static class Mapping
{
    public static decimal? Price(double value) => ProtoMapping.ToDecimal(value);

    public static decimal? Size(string? text) =>
        string.IsNullOrEmpty(text) ? null :
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static decimal? Amount(string? text) => Size(text);

    /// <summary>A decimal the gateway sends as text where the proto has a string (e.g. tickReqParams' minTick).</summary>
    public static decimal? Number(string? text) => Size(text);

    public static ContractDetail ToDetail(ContractData data)
    {
        var c = data.Contract ?? new IBApi.protobuf.Contract();
        var d = data.ContractDetails ?? new ContractDetails();
        return new ContractDetail(
            c.ToSpec(), new ConId(c.ConId), d.LongName, Size(d.MinTick), d.TimeZoneId, d.TradingHours, d.LiquidHours,
            d.ValidExchanges, d.OrderTypes, d.MarketRuleIds, d.ContractMonth,
            string.IsNullOrEmpty(d.RealExpirationDate) ? null : d.RealExpirationDate,
            Size(d.MinSize) ?? 0m, Size(d.SizeIncrement) ?? 0m, d.Industry, d.Category);
    }

    public static Bar ToBar(HistoricalDataBar b) =>
        new(b.Date, Price(b.Open), Price(b.High), Price(b.Low), Price(b.Close), Size(b.Volume) ?? 0m, Size(b.WAP), b.BarCount);

    public static DateTimeOffset FromUnixSeconds(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    /// <summary>"20240102-14:30:00" (formatDate=1, UTC when asked with formatDate=2 it is epoch seconds).</summary>
    public static DateTimeOffset? ParseGatewayTime(string text)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)) return DateTimeOffset.FromUnixTimeSeconds(epoch);
        string[] formats = ["yyyyMMdd-HH:mm:ss", "yyyyMMdd HH:mm:ss", "yyyyMMdd"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
    }
}
