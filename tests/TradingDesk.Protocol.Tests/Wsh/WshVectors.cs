namespace TradingDesk.Protocol.Tests.Wsh;

/// <summary>
/// Wall Street Horizon frames CONSTRUCTED in captured-vectors notation from IBPY client.reqWshEventData and
/// decoder.processWsh*Msg; no capture of them exists in the fact sheet. The JSON bodies are illustrative.
/// </summary>
internal static class WshVectors
{
    public const string ReqMetaData = @"100\09010\0";
    public const string CancelMetaData = @"101\09010\0";
    public const string CancelEventData = @"103\09011\0";

    /// <summary>reqWshEventData before 171: reqId and conId only.</summary>
    public const string ReqEventDataByConId170 = @"102\09012\0265598\0";

    /// <summary>From 171 the filter and the three fill flags follow; conId unset travels as 2147483647 (IBPY make_field).</summary>
    public const string ReqEventDataByFilter172 = @"102\09013\02147483647\0{""watchlist"":[""8314""]}\01\00\01\0";

    /// <summary>From 173 startDate, endDate and totalLimit follow.</summary>
    public const string ReqEventDataByConId173 = @"102\09014\0265598\0\00\00\00\020261101\020261130\050\0";

    /// <summary>A 173 request without a limit: totalLimit unset is written as 2147483647 too.</summary>
    public const string ReqEventDataNoLimit173 = @"102\09015\0265598\0\00\01\00\0\0\02147483647\0";

    public const string MetaData = @"104\09010\0{""validated"":true,""meta_data"":{""event_types"":[]}}\0";

    public const string EventData = @"105\09014\0{""validated"":true,""data"":[{""event_type"":""wshe_ed"",""index_date_type"":""ED""}]}\0";
}
