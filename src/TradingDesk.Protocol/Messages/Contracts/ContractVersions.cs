namespace TradingDesk.Protocol.Messages.Contracts;

/// <summary>
/// IB's MIN_SERVER_VER_* gates (IBPY <c>server_versions.py</c>) that the contract, execution and account layouts need
/// and the shared <see cref="ServerVersions"/> does not carry. Kept family-local so the shared file stays untouched.
/// </summary>
internal static class ContractVersions
{
    /// <summary>MIN_SERVER_VER_MODELS_SUPPORT: execDetails carries modelCode.</summary>
    public const int ModelsSupport = 103;
    /// <summary>MIN_SERVER_VER_MD_SIZE_MULTIPLIER: contractData carries mdSizeMultiplier (dropped again at SIZE_RULES 164).</summary>
    public const int MdSizeMultiplier = 110;
    /// <summary>MIN_SERVER_VER_AGG_GROUP.</summary>
    public const int AggGroup = 121;
    /// <summary>MIN_SERVER_VER_UNDERLYING_INFO: underSymbol, underSecType.</summary>
    public const int UnderlyingInfo = 122;
    /// <summary>MIN_SERVER_VER_MARKET_RULES: marketRuleIds.</summary>
    public const int MarketRules = 126;
    /// <summary>MIN_SERVER_VER_PNL: reqPnL / pnl and the single-position variants exist.</summary>
    public const int PnL = 127;
    /// <summary>MIN_SERVER_VER_UNREALIZED_PNL: pnl and pnlSingle carry unrealizedPnL.</summary>
    public const int UnrealizedPnL = 129;
    /// <summary>MIN_SERVER_VER_REAL_EXPIRATION_DATE.</summary>
    public const int RealExpirationDate = 134;
    /// <summary>MIN_SERVER_VER_REALIZED_PNL: pnl and pnlSingle carry realizedPnL.</summary>
    public const int RealizedPnL = 135;
    /// <summary>MIN_SERVER_VER_STOCK_TYPE.</summary>
    public const int StockType = 152;
    /// <summary>MIN_SERVER_VER_FRACTIONAL_SIZE_SUPPORT: contractData carries sizeMinTick (only until SIZE_RULES 164).</summary>
    public const int FractionalSizeSupport = 163;
    /// <summary>MIN_SERVER_VER_BOND_TRADING_HOURS: bondContractData carries timeZoneId, tradingHours, liquidHours.</summary>
    public const int BondTradingHours = 188;

    /// <summary>Repeated groups (secIdList, ineligibility reasons, specific dates) larger than this are hostile.</summary>
    public const int MaxRepeatedCount = 10_000;
}
