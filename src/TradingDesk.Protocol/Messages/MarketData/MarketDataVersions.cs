namespace TradingDesk.Protocol.Messages.MarketData;

/// <summary>
/// Server-version gates (IB's MIN_SERVER_VER_*, ibapi/server_versions.py) that only the market-data and historical
/// families need. Kept here rather than in the shared <see cref="ServerVersions"/> so families merge cleanly.
/// </summary>
internal static class MarketDataVersions
{
    /// <summary>reqMarketDataType exists (REQ_MARKET_DATA_TYPE).</summary>
    public const int ReqMarketDataType = 55;
    /// <summary>TagValue option lists (mktDataOptions, chartOptions, …) appear in requests (LINKING).</summary>
    public const int Linking = 70;
    /// <summary>reqMktData writes regulatorySnapshot (IB gates it on REQ_SMART_COMPONENTS).</summary>
    public const int RegulatorySnapshot = 114;
    /// <summary>reqHeadTimestamp / headTimestamp exist (REQ_HEAD_TIMESTAMP).</summary>
    public const int ReqHeadTimestamp = 118;
    /// <summary>cancelHeadTimestamp exists (CANCEL_HEADTIMESTAMP).</summary>
    public const int CancelHeadTimestamp = 123;
    /// <summary>tick-by-tick requests and replies exist (TICK_BY_TICK).</summary>
    public const int TickByTick = 137;
    /// <summary>reqTickByTickData carries numberOfTicks and ignoreSize (TICK_BY_TICK_IGNORE_SIZE).</summary>
    public const int TickByTickIgnoreSize = 140;
    /// <summary>reqMktDepth carries primaryExchange (MKT_DEPTH_PRIM_EXCHANGE).</summary>
    public const int MktDepthPrimExchange = 149;
}
