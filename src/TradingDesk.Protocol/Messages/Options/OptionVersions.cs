namespace TradingDesk.Protocol.Messages.Options;

/// <summary>
/// IB's MIN_SERVER_VER_* gates (IBPY <c>server_versions.py</c>) the option, scanner, news and fundamentals layouts
/// need and the shared <see cref="ServerVersions"/> does not carry. Kept family-local so the shared file stays untouched.
/// Gates below the codec floor (100) are listed only where a comment needs their name.
/// </summary>
internal static class OptionVersions
{
    /// <summary>MIN_SERVER_VER_SEC_DEF_OPT_PARAMS_REQ: reqSecDefOptParams and its two replies exist.</summary>
    public const int SecDefOptParamsReq = 104;
    /// <summary>MIN_SERVER_VER_TICK_NEWS: tickNews exists.</summary>
    public const int TickNews = 113;
    /// <summary>MIN_SERVER_VER_REQ_NEWS_PROVIDERS: reqNewsProviders / newsProviders exist.</summary>
    public const int ReqNewsProviders = 115;
    /// <summary>MIN_SERVER_VER_REQ_NEWS_ARTICLE: reqNewsArticle / newsArticle exist.</summary>
    public const int ReqNewsArticle = 116;
    /// <summary>MIN_SERVER_VER_REQ_HISTORICAL_NEWS: reqHistoricalNews / historicalNews / historicalNewsEnd exist.</summary>
    public const int ReqHistoricalNews = 117;
    /// <summary>MIN_SERVER_VER_NEWS_QUERY_ORIGINS: reqNewsArticle and reqHistoricalNews carry a TagValue option list.</summary>
    public const int NewsQueryOrigins = 128;
    /// <summary>MIN_SERVER_VER_SCANNER_GENERIC_OPTS: reqScannerSubscription drops its version field and carries filter options.</summary>
    public const int ScannerGenericOpts = 143;
    /// <summary>MIN_SERVER_VER_PRICE_BASED_VOLATILITY: tickOptionComputation drops its version field and carries tickAttrib.</summary>
    public const int PriceBasedVolatility = 156;
    /// <summary>MIN_SERVER_VER_MANUAL_ORDER_TIME_EXERCISE_OPTIONS: exerciseOptions carries manualOrderTime.</summary>
    public const int ManualOrderTimeExerciseOptions = 180;
    /// <summary>MIN_SERVER_VER_CUSTOMER_ACCOUNT: exerciseOptions carries customerAccount.</summary>
    public const int CustomerAccount = 183;
    /// <summary>MIN_SERVER_VER_PROFESSIONAL_CUSTOMER: exerciseOptions carries professionalCustomer.</summary>
    public const int ProfessionalCustomer = 184;

    /// <summary>Repeated groups (expirations, strikes, scanner rows, news providers) this large or larger are hostile.</summary>
    public const int MaxRepeatedCount = 10_000;
}
