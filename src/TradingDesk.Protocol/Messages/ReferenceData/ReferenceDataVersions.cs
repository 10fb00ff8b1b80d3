namespace TradingDesk.Protocol.Messages.ReferenceData;

/// <summary>
/// IB's MIN_SERVER_VER_* gates (IBPY <c>server_versions.py</c>) the reference-data layouts need and the shared
/// <see cref="ServerVersions"/> does not carry. Kept family-local so the shared file stays untouched.
/// </summary>
internal static class ReferenceDataVersions
{
    /// <summary>MIN_SERVER_VER_SOFT_DOLLAR_TIER: reqSoftDollarTiers / softDollarTiers exist.</summary>
    public const int SoftDollarTier = 106;
    /// <summary>MIN_SERVER_VER_REQ_MATCHING_SYMBOLS: reqMatchingSymbols / symbolSamples exist.</summary>
    public const int ReqMatchingSymbols = 108;
    /// <summary>MIN_SERVER_VER_REQ_MKT_DEPTH_EXCHANGES: reqMktDepthExchanges / mktDepthExchanges exist.</summary>
    public const int ReqMktDepthExchanges = 112;
    /// <summary>MIN_SERVER_VER_REQ_SMART_COMPONENTS: reqSmartComponents / smartComponents exist.</summary>
    public const int ReqSmartComponents = 114;
    /// <summary>MIN_SERVER_VER_SERVICE_DATA_TYPE: mktDepthExchanges carries listingExch, serviceDataType and aggGroup instead of an isL2 flag.</summary>
    public const int ServiceDataType = 120;
    /// <summary>MIN_SERVER_VER_CFD_REROUTE: the gateway may send rerouteMktDataReq / rerouteMktDepthReq.</summary>
    public const int CfdReroute = 125;
    /// <summary>MIN_SERVER_VER_USER_INFO: reqUserInfo / userInfo exist.</summary>
    public const int UserInfo = 167;
}
