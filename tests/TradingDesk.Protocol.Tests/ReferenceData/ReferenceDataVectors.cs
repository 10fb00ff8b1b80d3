namespace TradingDesk.Protocol.Tests.ReferenceData;

/// <summary>
/// Frames CONSTRUCTED in IB's field order (IBPY client.reqMatchingSymbols …, decoder.processSymbolSamplesMsg …), in
/// the captured-vectors notation; no capture of these messages is known.
/// </summary>
internal static class ReferenceDataVectors
{
    public const string ReqMatchingSymbols = @"81\09003\0IBM\0";

    /// <summary>symbolSamples at ≥ 176: each description ends in [description][issuerId].</summary>
    public const string SymbolSamples176 =
        @"79\09003\02\0" +
        @"8314\0IBM\0STK\0NYSE\0USD\03\0OPT\0WAR\0CFD\0INTL BUSINESS MACHINES CORP\0e1234\0" +
        @"38709473\0IBM\0STK\0MEXI\0MXN\00\0INTL BUSINESS MACHINES CORP\0\0";

    /// <summary>The same samples before 176: no description, no issuerId.</summary>
    public const string SymbolSamples175 =
        @"79\09003\02\0" +
        @"8314\0IBM\0STK\0NYSE\0USD\03\0OPT\0WAR\0CFD\0" +
        @"38709473\0IBM\0STK\0MEXI\0MXN\00\0";

    public const string ReqMarketRule = @"91\026\0";

    public const string MarketRule = @"93\026\02\00\00.01\01000\00.05\0";

    public const string ReqSmartComponents = @"83\09004\0a6\0";

    public const string SmartComponents = @"82\09004\02\01\0ARCA\0P\02\0NYSE\0N\0";

    public const string ReqMktDepthExchanges = @"82\0";

    /// <summary>mktDepthExchanges at ≥ 120; TWS writes an unset aggGroup as the UNSET_INTEGER sentinel.</summary>
    public const string MktDepthExchanges120 = @"80\02\0ISLAND\0STK\0NASDAQ\0Deep2\02147483647\0ARCA\0STK\0NYSE\0Deep\01\0";

    /// <summary>mktDepthExchanges before 120: [exchange][secType][isL2].</summary>
    public const string MktDepthExchanges119 = @"80\02\0ISLAND\0STK\01\0ARCA\0STK\00\0";

    public const string ReqSoftDollarTiers = @"79\09005\0";

    public const string SoftDollarTiers = @"77\09005\02\0Tier1\0T1V\0Tier One\0Tier2\0T2V\0Tier Two\0";

    public const string ReqUserInfo = @"104\09006\0";

    public const string UserInfo = @"107\09006\0WB123\0";

    public const string RerouteMktData = @"91\09007\012087792\0IDEALPRO\0";

    public const string RerouteMktDepth = @"92\09008\012087792\0IDEALPRO\0";
}
