namespace TradingDesk.Desk.Domain;

// The gateway's own configuration in IB's sections (ConfigResponse), as the desk's GetGatewayConfig and
// UpdateGatewayConfig carry it and the .NET client hands it out. Every setting is nullable: in a reply null means the
// gateway did not send it, in an update "leave it as it is".

/// <summary>A warning the gateway raises about an update (IB's UpdateConfigWarning).</summary>
public sealed record ConfigWarning(int MessageId, string Title, string Message);

/// <summary>
/// The gateway's settings in IB's sections (ConfigResponse: lockAndExit, messages, api.precautions, api.settings,
/// orders.smartRouting); null sections were not sent (in an update: not changed).
/// </summary>
public sealed record GatewaySettings
{
    public LockAndExitSettings? LockAndExit { get; init; }
    /// <summary>The gateway's confirmation messages (in an update: those to change, by id).</summary>
    public IReadOnlyList<MessageSetting> Messages { get; init; } = [];
    public ApiPrecautions? Precautions { get; init; }
    public ApiSettings? Api { get; init; }
    public SmartRoutingSettings? SmartRouting { get; init; }
}

/// <summary>One of the gateway's confirmation messages and whether it is shown (IB's MessageConfig).</summary>
public sealed record MessageSetting(int Id, string? Title, string? Message, string? DefaultAction, bool? Enabled);

/// <summary>The lock-and-exit page: when the gateway logs itself off. Null: the gateway did not send it (in an update: leave it as it is).</summary>
public sealed record LockAndExitSettings
{
    public string? AutoLogoffTime { get; init; }
    public string? AutoLogoffPeriod { get; init; }
    public string? AutoLogoffType { get; init; }
}

/// <summary>API precautions: which order warnings the gateway bypasses for API orders. Null: the gateway did not send it (in an update: leave it as it is).</summary>
public sealed record ApiPrecautions
{
    public bool? BypassOrderPrecautions { get; init; }
    public bool? BypassBondWarning { get; init; }
    public bool? BypassNegativeYieldConfirmation { get; init; }
    public bool? BypassCalledBondWarning { get; init; }
    public bool? BypassSameActionPairTradeWarning { get; init; }
    public bool? BypassFlaggedAccountsWarning { get; init; }
    public bool? BypassPriceBasedVolatilityWarning { get; init; }
    public bool? BypassRedirectOrderWarning { get; init; }
    public bool? BypassNoOverfillProtection { get; init; }
    public bool? BypassRouteMarketableToBbo { get; init; }
}

/// <summary>API settings: the API page of the gateway's configuration. Null: the gateway did not send it (in an update: leave it as it is).</summary>
public sealed record ApiSettings
{
    public bool? ReadOnlyApi { get; init; }
    public bool? TotalQuantityForMutualFunds { get; init; }
    public bool? DownloadOpenOrdersOnConnection { get; init; }
    public bool? IncludeVirtualFxPositions { get; init; }
    public bool? PrepareDailyPnl { get; init; }
    public bool? SendStatusUpdatesForVolatilityOrders { get; init; }
    public string? EncodeApiMessages { get; init; }
    public int? SocketPort { get; init; }
    public bool? UseNegativeAutoRange { get; init; }
    public bool? CreateApiMessageLogFile { get; init; }
    public bool? IncludeMarketDataInLogFile { get; init; }
    public bool? ExposeTradingScheduleToApi { get; init; }
    public bool? SplitInsuredDepositFromCashBalance { get; init; }
    public bool? SendZeroPositionsForTodayOnly { get; init; }
    public bool? LetApiAccountRequestsSwitchSubscription { get; init; }
    public bool? UseAccountGroupsWithAllocationMethods { get; init; }
    public string? LoggingLevel { get; init; }
    public int? MasterClientId { get; init; }
    public int? BulkDataTimeout { get; init; }
    public string? ComponentExchSeparator { get; init; }
    public bool? ShowForexDataInTenthPips { get; init; }
    public bool? AllowForexTradingInTenthPips { get; init; }
    public bool? RoundAccountValuesToNearestWholeNumber { get; init; }
    public bool? SendMarketDataInLotsForUsStocks { get; init; }
    public bool? ShowAdvancedOrderRejectInUi { get; init; }
    public bool? RejectMessagesAboveMaxRate { get; init; }
    public bool? MaintainConnectionOnIncorrectFields { get; init; }
    public bool? CompatibilityModeNasdaqStocks { get; init; }
    public string? SendInstrumentTimezone { get; init; }
    public bool? SendForexDataInCompatibilityMode { get; init; }
    public bool? MaintainAndResubmitOrdersOnReconnect { get; init; }
    public int? HistoricalDataMaxSize { get; init; }
    public bool? AutoReportNettingEventContractTrades { get; init; }
    public string? OptionExerciseRequestType { get; init; }
    public bool? AllowLocalhostOnly { get; init; }
    public IReadOnlyList<string> TrustedIps { get; init; } = [];
}

/// <summary>Order defaults for SMART routing. Null: the gateway did not send it (in an update: leave it as it is).</summary>
public sealed record SmartRoutingSettings
{
    public bool? SeekPriceImprovement { get; init; }
    public bool? PreOpenReroute { get; init; }
    public bool? DoNotRouteToDarkPools { get; init; }
    public string? DefaultAlgorithm { get; init; }
}
