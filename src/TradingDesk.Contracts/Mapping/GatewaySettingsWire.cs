using TradingDesk.Desk.Domain;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Contracts.Mapping;

/// <summary>
/// The gateway's settings (<see cref="GatewaySettings"/> and its sections) to their wire form and back, for the
/// cluster's serializer and the .NET client alike. Every setting keeps its presence: an absent setting of an update
/// stays absent (the gateway then leaves it as it is; a node in between must not turn "leave it" into "set it to
/// false"), and a setting the gateway did not send stays null.
/// </summary>
public static class GatewaySettingsWire
{
    public static W.ConfigWarning ToWire(ConfigWarning m) => new() { MessageId = m.MessageId, Title = m.Title, Message = m.Message };
    public static ConfigWarning FromWire(W.ConfigWarning w) => new(w.MessageId, w.Title, w.Message);

    public static W.GatewaySettings ToWire(GatewaySettings m)
    {
        var w = new W.GatewaySettings { Messages = { m.Messages.Select(ToWire) } };
        if (m.LockAndExit is { } l) w.LockAndExit = ToWire(l);
        if (m.Precautions is { } p) w.Precautions = ToWire(p);
        if (m.Api is { } a) w.Api = ToWire(a);
        if (m.SmartRouting is { } s) w.SmartRouting = ToWire(s);
        return w;
    }

    public static GatewaySettings FromWire(W.GatewaySettings w) => new()
    {
        LockAndExit = w.LockAndExit is { } l ? FromWire(l) : null,
        Messages = w.Messages.Select(FromWire).ToList(),
        Precautions = w.Precautions is { } p ? FromWire(p) : null,
        Api = w.Api is { } a ? FromWire(a) : null,
        SmartRouting = w.SmartRouting is { } s ? FromWire(s) : null,
    };

    public static W.MessageSetting ToWire(MessageSetting m)
    {
        var w = new W.MessageSetting { Id = m.Id };
        if (m.Title is { } title) w.Title = title;
        if (m.Message is { } message) w.Message = message;
        if (m.DefaultAction is { } action) w.DefaultAction = action;
        if (m.Enabled is { } enabled) w.Enabled = enabled;
        return w;
    }

    public static MessageSetting FromWire(W.MessageSetting w) =>
        new(w.Id, w.HasTitle ? w.Title : null, w.HasMessage ? w.Message : null, w.HasDefaultAction ? w.DefaultAction : null, w.HasEnabled ? w.Enabled : null);

    public static W.LockAndExitSettings ToWire(LockAndExitSettings m)
    {
        var w = new W.LockAndExitSettings();
        if (m.AutoLogoffTime is { } autoLogoffTime) w.AutoLogoffTime = autoLogoffTime;
        if (m.AutoLogoffPeriod is { } autoLogoffPeriod) w.AutoLogoffPeriod = autoLogoffPeriod;
        if (m.AutoLogoffType is { } autoLogoffType) w.AutoLogoffType = autoLogoffType;
        return w;
    }

    public static W.ApiPrecautions ToWire(ApiPrecautions m)
    {
        var w = new W.ApiPrecautions();
        if (m.BypassOrderPrecautions is { } bypassOrderPrecautions) w.BypassOrderPrecautions = bypassOrderPrecautions;
        if (m.BypassBondWarning is { } bypassBondWarning) w.BypassBondWarning = bypassBondWarning;
        if (m.BypassNegativeYieldConfirmation is { } bypassNegativeYieldConfirmation) w.BypassNegativeYieldConfirmation = bypassNegativeYieldConfirmation;
        if (m.BypassCalledBondWarning is { } bypassCalledBondWarning) w.BypassCalledBondWarning = bypassCalledBondWarning;
        if (m.BypassSameActionPairTradeWarning is { } bypassSameActionPairTradeWarning) w.BypassSameActionPairTradeWarning = bypassSameActionPairTradeWarning;
        if (m.BypassFlaggedAccountsWarning is { } bypassFlaggedAccountsWarning) w.BypassFlaggedAccountsWarning = bypassFlaggedAccountsWarning;
        if (m.BypassPriceBasedVolatilityWarning is { } bypassPriceBasedVolatilityWarning) w.BypassPriceBasedVolatilityWarning = bypassPriceBasedVolatilityWarning;
        if (m.BypassRedirectOrderWarning is { } bypassRedirectOrderWarning) w.BypassRedirectOrderWarning = bypassRedirectOrderWarning;
        if (m.BypassNoOverfillProtection is { } bypassNoOverfillProtection) w.BypassNoOverfillProtection = bypassNoOverfillProtection;
        if (m.BypassRouteMarketableToBbo is { } bypassRouteMarketableToBBO) w.BypassRouteMarketableToBbo = bypassRouteMarketableToBBO;
        return w;
    }

    public static W.ApiSettings ToWire(ApiSettings m)
    {
        var w = new W.ApiSettings();
        if (m.ReadOnlyApi is { } readOnlyApi) w.ReadOnlyApi = readOnlyApi;
        if (m.TotalQuantityForMutualFunds is { } totalQuantityForMutualFunds) w.TotalQuantityForMutualFunds = totalQuantityForMutualFunds;
        if (m.DownloadOpenOrdersOnConnection is { } downloadOpenOrdersOnConnection) w.DownloadOpenOrdersOnConnection = downloadOpenOrdersOnConnection;
        if (m.IncludeVirtualFxPositions is { } includeVirtualFxPositions) w.IncludeVirtualFxPositions = includeVirtualFxPositions;
        if (m.PrepareDailyPnl is { } prepareDailyPnL) w.PrepareDailyPnl = prepareDailyPnL;
        if (m.SendStatusUpdatesForVolatilityOrders is { } sendStatusUpdatesForVolatilityOrders) w.SendStatusUpdatesForVolatilityOrders = sendStatusUpdatesForVolatilityOrders;
        if (m.EncodeApiMessages is { } encodeApiMessages) w.EncodeApiMessages = encodeApiMessages;
        if (m.SocketPort is { } socketPort) w.SocketPort = socketPort;
        if (m.UseNegativeAutoRange is { } useNegativeAutoRange) w.UseNegativeAutoRange = useNegativeAutoRange;
        if (m.CreateApiMessageLogFile is { } createApiMessageLogFile) w.CreateApiMessageLogFile = createApiMessageLogFile;
        if (m.IncludeMarketDataInLogFile is { } includeMarketDataInLogFile) w.IncludeMarketDataInLogFile = includeMarketDataInLogFile;
        if (m.ExposeTradingScheduleToApi is { } exposeTradingScheduleToApi) w.ExposeTradingScheduleToApi = exposeTradingScheduleToApi;
        if (m.SplitInsuredDepositFromCashBalance is { } splitInsuredDepositFromCashBalance) w.SplitInsuredDepositFromCashBalance = splitInsuredDepositFromCashBalance;
        if (m.SendZeroPositionsForTodayOnly is { } sendZeroPositionsForTodayOnly) w.SendZeroPositionsForTodayOnly = sendZeroPositionsForTodayOnly;
        if (m.LetApiAccountRequestsSwitchSubscription is { } letApiAccountRequestsSwitchSubscription) w.LetApiAccountRequestsSwitchSubscription = letApiAccountRequestsSwitchSubscription;
        if (m.UseAccountGroupsWithAllocationMethods is { } useAccountGroupsWithAllocationMethods) w.UseAccountGroupsWithAllocationMethods = useAccountGroupsWithAllocationMethods;
        if (m.LoggingLevel is { } loggingLevel) w.LoggingLevel = loggingLevel;
        if (m.MasterClientId is { } masterClientId) w.MasterClientId = masterClientId;
        if (m.BulkDataTimeout is { } bulkDataTimeout) w.BulkDataTimeout = bulkDataTimeout;
        if (m.ComponentExchSeparator is { } componentExchSeparator) w.ComponentExchSeparator = componentExchSeparator;
        if (m.ShowForexDataInTenthPips is { } showForexDataIn1_10Pips) w.ShowForexDataInTenthPips = showForexDataIn1_10Pips;
        if (m.AllowForexTradingInTenthPips is { } allowForexTradingIn1_10Pips) w.AllowForexTradingInTenthPips = allowForexTradingIn1_10Pips;
        if (m.RoundAccountValuesToNearestWholeNumber is { } roundAccountValuesToNearestWholeNumber) w.RoundAccountValuesToNearestWholeNumber = roundAccountValuesToNearestWholeNumber;
        if (m.SendMarketDataInLotsForUsStocks is { } sendMarketDataInLotsForUsStocks) w.SendMarketDataInLotsForUsStocks = sendMarketDataInLotsForUsStocks;
        if (m.ShowAdvancedOrderRejectInUi is { } showAdvancedOrderRejectInUi) w.ShowAdvancedOrderRejectInUi = showAdvancedOrderRejectInUi;
        if (m.RejectMessagesAboveMaxRate is { } rejectMessagesAboveMaxRate) w.RejectMessagesAboveMaxRate = rejectMessagesAboveMaxRate;
        if (m.MaintainConnectionOnIncorrectFields is { } maintainConnectionOnIncorrectFields) w.MaintainConnectionOnIncorrectFields = maintainConnectionOnIncorrectFields;
        if (m.CompatibilityModeNasdaqStocks is { } compatibilityModeNasdaqStocks) w.CompatibilityModeNasdaqStocks = compatibilityModeNasdaqStocks;
        if (m.SendInstrumentTimezone is { } sendInstrumentTimezone) w.SendInstrumentTimezone = sendInstrumentTimezone;
        if (m.SendForexDataInCompatibilityMode is { } sendForexDataInCompatibilityMode) w.SendForexDataInCompatibilityMode = sendForexDataInCompatibilityMode;
        if (m.MaintainAndResubmitOrdersOnReconnect is { } maintainAndResubmitOrdersOnReconnect) w.MaintainAndResubmitOrdersOnReconnect = maintainAndResubmitOrdersOnReconnect;
        if (m.HistoricalDataMaxSize is { } historicalDataMaxSize) w.HistoricalDataMaxSize = historicalDataMaxSize;
        if (m.AutoReportNettingEventContractTrades is { } autoReportNettingEventContractTrades) w.AutoReportNettingEventContractTrades = autoReportNettingEventContractTrades;
        if (m.OptionExerciseRequestType is { } optionExerciseRequestType) w.OptionExerciseRequestType = optionExerciseRequestType;
        if (m.AllowLocalhostOnly is { } allowLocalhostOnly) w.AllowLocalhostOnly = allowLocalhostOnly;
        w.TrustedIps.AddRange(m.TrustedIps);
        return w;
    }

    public static W.SmartRoutingSettings ToWire(SmartRoutingSettings m)
    {
        var w = new W.SmartRoutingSettings();
        if (m.SeekPriceImprovement is { } seekPriceImprovement) w.SeekPriceImprovement = seekPriceImprovement;
        if (m.PreOpenReroute is { } preOpenReroute) w.PreOpenReroute = preOpenReroute;
        if (m.DoNotRouteToDarkPools is { } doNotRouteToDarkPools) w.DoNotRouteToDarkPools = doNotRouteToDarkPools;
        if (m.DefaultAlgorithm is { } defaultAlgorithm) w.DefaultAlgorithm = defaultAlgorithm;
        return w;
    }

    public static LockAndExitSettings FromWire(W.LockAndExitSettings w) => new()
    {
        AutoLogoffTime = w.HasAutoLogoffTime ? w.AutoLogoffTime : null,
        AutoLogoffPeriod = w.HasAutoLogoffPeriod ? w.AutoLogoffPeriod : null,
        AutoLogoffType = w.HasAutoLogoffType ? w.AutoLogoffType : null,
    };

    public static ApiPrecautions FromWire(W.ApiPrecautions w) => new()
    {
        BypassOrderPrecautions = w.HasBypassOrderPrecautions ? w.BypassOrderPrecautions : null,
        BypassBondWarning = w.HasBypassBondWarning ? w.BypassBondWarning : null,
        BypassNegativeYieldConfirmation = w.HasBypassNegativeYieldConfirmation ? w.BypassNegativeYieldConfirmation : null,
        BypassCalledBondWarning = w.HasBypassCalledBondWarning ? w.BypassCalledBondWarning : null,
        BypassSameActionPairTradeWarning = w.HasBypassSameActionPairTradeWarning ? w.BypassSameActionPairTradeWarning : null,
        BypassFlaggedAccountsWarning = w.HasBypassFlaggedAccountsWarning ? w.BypassFlaggedAccountsWarning : null,
        BypassPriceBasedVolatilityWarning = w.HasBypassPriceBasedVolatilityWarning ? w.BypassPriceBasedVolatilityWarning : null,
        BypassRedirectOrderWarning = w.HasBypassRedirectOrderWarning ? w.BypassRedirectOrderWarning : null,
        BypassNoOverfillProtection = w.HasBypassNoOverfillProtection ? w.BypassNoOverfillProtection : null,
        BypassRouteMarketableToBbo = w.HasBypassRouteMarketableToBbo ? w.BypassRouteMarketableToBbo : null,
    };

    public static ApiSettings FromWire(W.ApiSettings w) => new()
    {
        ReadOnlyApi = w.HasReadOnlyApi ? w.ReadOnlyApi : null,
        TotalQuantityForMutualFunds = w.HasTotalQuantityForMutualFunds ? w.TotalQuantityForMutualFunds : null,
        DownloadOpenOrdersOnConnection = w.HasDownloadOpenOrdersOnConnection ? w.DownloadOpenOrdersOnConnection : null,
        IncludeVirtualFxPositions = w.HasIncludeVirtualFxPositions ? w.IncludeVirtualFxPositions : null,
        PrepareDailyPnl = w.HasPrepareDailyPnl ? w.PrepareDailyPnl : null,
        SendStatusUpdatesForVolatilityOrders = w.HasSendStatusUpdatesForVolatilityOrders ? w.SendStatusUpdatesForVolatilityOrders : null,
        EncodeApiMessages = w.HasEncodeApiMessages ? w.EncodeApiMessages : null,
        SocketPort = w.HasSocketPort ? w.SocketPort : null,
        UseNegativeAutoRange = w.HasUseNegativeAutoRange ? w.UseNegativeAutoRange : null,
        CreateApiMessageLogFile = w.HasCreateApiMessageLogFile ? w.CreateApiMessageLogFile : null,
        IncludeMarketDataInLogFile = w.HasIncludeMarketDataInLogFile ? w.IncludeMarketDataInLogFile : null,
        ExposeTradingScheduleToApi = w.HasExposeTradingScheduleToApi ? w.ExposeTradingScheduleToApi : null,
        SplitInsuredDepositFromCashBalance = w.HasSplitInsuredDepositFromCashBalance ? w.SplitInsuredDepositFromCashBalance : null,
        SendZeroPositionsForTodayOnly = w.HasSendZeroPositionsForTodayOnly ? w.SendZeroPositionsForTodayOnly : null,
        LetApiAccountRequestsSwitchSubscription = w.HasLetApiAccountRequestsSwitchSubscription ? w.LetApiAccountRequestsSwitchSubscription : null,
        UseAccountGroupsWithAllocationMethods = w.HasUseAccountGroupsWithAllocationMethods ? w.UseAccountGroupsWithAllocationMethods : null,
        LoggingLevel = w.HasLoggingLevel ? w.LoggingLevel : null,
        MasterClientId = w.HasMasterClientId ? w.MasterClientId : null,
        BulkDataTimeout = w.HasBulkDataTimeout ? w.BulkDataTimeout : null,
        ComponentExchSeparator = w.HasComponentExchSeparator ? w.ComponentExchSeparator : null,
        ShowForexDataInTenthPips = w.HasShowForexDataInTenthPips ? w.ShowForexDataInTenthPips : null,
        AllowForexTradingInTenthPips = w.HasAllowForexTradingInTenthPips ? w.AllowForexTradingInTenthPips : null,
        RoundAccountValuesToNearestWholeNumber = w.HasRoundAccountValuesToNearestWholeNumber ? w.RoundAccountValuesToNearestWholeNumber : null,
        SendMarketDataInLotsForUsStocks = w.HasSendMarketDataInLotsForUsStocks ? w.SendMarketDataInLotsForUsStocks : null,
        ShowAdvancedOrderRejectInUi = w.HasShowAdvancedOrderRejectInUi ? w.ShowAdvancedOrderRejectInUi : null,
        RejectMessagesAboveMaxRate = w.HasRejectMessagesAboveMaxRate ? w.RejectMessagesAboveMaxRate : null,
        MaintainConnectionOnIncorrectFields = w.HasMaintainConnectionOnIncorrectFields ? w.MaintainConnectionOnIncorrectFields : null,
        CompatibilityModeNasdaqStocks = w.HasCompatibilityModeNasdaqStocks ? w.CompatibilityModeNasdaqStocks : null,
        SendInstrumentTimezone = w.HasSendInstrumentTimezone ? w.SendInstrumentTimezone : null,
        SendForexDataInCompatibilityMode = w.HasSendForexDataInCompatibilityMode ? w.SendForexDataInCompatibilityMode : null,
        MaintainAndResubmitOrdersOnReconnect = w.HasMaintainAndResubmitOrdersOnReconnect ? w.MaintainAndResubmitOrdersOnReconnect : null,
        HistoricalDataMaxSize = w.HasHistoricalDataMaxSize ? w.HistoricalDataMaxSize : null,
        AutoReportNettingEventContractTrades = w.HasAutoReportNettingEventContractTrades ? w.AutoReportNettingEventContractTrades : null,
        OptionExerciseRequestType = w.HasOptionExerciseRequestType ? w.OptionExerciseRequestType : null,
        AllowLocalhostOnly = w.HasAllowLocalhostOnly ? w.AllowLocalhostOnly : null,
        TrustedIps = w.TrustedIps.ToList(),
    };

    public static SmartRoutingSettings FromWire(W.SmartRoutingSettings w) => new()
    {
        SeekPriceImprovement = w.HasSeekPriceImprovement ? w.SeekPriceImprovement : null,
        PreOpenReroute = w.HasPreOpenReroute ? w.PreOpenReroute : null,
        DoNotRouteToDarkPools = w.HasDoNotRouteToDarkPools ? w.DoNotRouteToDarkPools : null,
        DefaultAlgorithm = w.HasDefaultAlgorithm ? w.DefaultAlgorithm : null,
    };
}
