using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using D = TradingDesk.Desk.Messages.GatewayConfigMessages;

namespace TradingDesk.Desk.Requests;

/// <summary>
/// IB's configuration schema (ConfigResponse / UpdateConfigRequest) to the desk's settings and back, field by field:
/// a field the gateway did not send stays null, and a null setting is not put on the wire, so an update carries only
/// what the caller changes. Pure.
/// </summary>
internal static class GatewayConfigMapping
{
    public static GatewaySettings ToDesk(ConfigResponse r) => new()
    {
        LockAndExit = r.LockAndExit is { } l ? ToDesk(l) : null,
        Messages = r.Messages.Select(m => new MessageSetting(m.Id, m.HasTitle ? m.Title : null, m.HasMessage ? m.Message : null,
            m.HasDefaultAction ? m.DefaultAction : null, m.HasEnabled ? m.Enabled : null)).ToList(),
        Precautions = r.Api?.Precautions is { } p ? ToDesk(p) : null,
        Api = r.Api?.Settings is { } s ? ToDesk(s) : null,
        SmartRouting = r.Orders?.SmartRouting is { } o ? ToDesk(o) : null,
    };

    public static UpdateConfigRequest ToProto(D.UpdateGatewayConfig command, int requestId)
    {
        var c = command.Changes;
        var request = new UpdateConfigRequest { ReqId = requestId };
        if (c.LockAndExit is { } l) request.LockAndExit = ToProto(l);
        foreach (var m in c.Messages)
        {
            var message = new MessageConfig { Id = m.Id };
            if (m.Title is { } title) message.Title = title;
            if (m.Message is { } text) message.Message = text;
            if (m.DefaultAction is { } action) message.DefaultAction = action;
            if (m.Enabled is { } enabled) message.Enabled = enabled;
            request.Messages.Add(message);
        }
        if (c.Precautions is not null || c.Api is not null)
        {
            request.Api = new ApiConfig();
            if (c.Precautions is { } p) request.Api.Precautions = ToProto(p);
            if (c.Api is { } s) request.Api.Settings = ToProto(s);
        }
        if (c.SmartRouting is { } o) request.Orders = new OrdersConfig { SmartRouting = ToProto(o) };
        request.AcceptedWarnings.AddRange(command.AcceptedWarnings.Select(w => new UpdateConfigWarning { MessageId = w.MessageId, Title = w.Title, Message = w.Message }));
        if (command.ResetApiOrderSequence) request.ResetAPIOrderSequence = true;
        return request;
    }

    private static LockAndExitSettings ToDesk(LockAndExitConfig p) => new()
    {
        AutoLogoffTime = p.HasAutoLogoffTime ? p.AutoLogoffTime : null,
        AutoLogoffPeriod = p.HasAutoLogoffPeriod ? p.AutoLogoffPeriod : null,
        AutoLogoffType = p.HasAutoLogoffType ? p.AutoLogoffType : null,
    };

    private static ApiPrecautions ToDesk(ApiPrecautionsConfig p) => new()
    {
        BypassOrderPrecautions = p.HasBypassOrderPrecautions ? p.BypassOrderPrecautions : null,
        BypassBondWarning = p.HasBypassBondWarning ? p.BypassBondWarning : null,
        BypassNegativeYieldConfirmation = p.HasBypassNegativeYieldConfirmation ? p.BypassNegativeYieldConfirmation : null,
        BypassCalledBondWarning = p.HasBypassCalledBondWarning ? p.BypassCalledBondWarning : null,
        BypassSameActionPairTradeWarning = p.HasBypassSameActionPairTradeWarning ? p.BypassSameActionPairTradeWarning : null,
        BypassFlaggedAccountsWarning = p.HasBypassFlaggedAccountsWarning ? p.BypassFlaggedAccountsWarning : null,
        BypassPriceBasedVolatilityWarning = p.HasBypassPriceBasedVolatilityWarning ? p.BypassPriceBasedVolatilityWarning : null,
        BypassRedirectOrderWarning = p.HasBypassRedirectOrderWarning ? p.BypassRedirectOrderWarning : null,
        BypassNoOverfillProtection = p.HasBypassNoOverfillProtection ? p.BypassNoOverfillProtection : null,
        BypassRouteMarketableToBbo = p.HasBypassRouteMarketableToBBO ? p.BypassRouteMarketableToBBO : null,
    };

    private static ApiSettings ToDesk(ApiSettingsConfig p) => new()
    {
        ReadOnlyApi = p.HasReadOnlyApi ? p.ReadOnlyApi : null,
        TotalQuantityForMutualFunds = p.HasTotalQuantityForMutualFunds ? p.TotalQuantityForMutualFunds : null,
        DownloadOpenOrdersOnConnection = p.HasDownloadOpenOrdersOnConnection ? p.DownloadOpenOrdersOnConnection : null,
        IncludeVirtualFxPositions = p.HasIncludeVirtualFxPositions ? p.IncludeVirtualFxPositions : null,
        PrepareDailyPnl = p.HasPrepareDailyPnL ? p.PrepareDailyPnL : null,
        SendStatusUpdatesForVolatilityOrders = p.HasSendStatusUpdatesForVolatilityOrders ? p.SendStatusUpdatesForVolatilityOrders : null,
        EncodeApiMessages = p.HasEncodeApiMessages ? p.EncodeApiMessages : null,
        SocketPort = p.HasSocketPort ? p.SocketPort : null,
        UseNegativeAutoRange = p.HasUseNegativeAutoRange ? p.UseNegativeAutoRange : null,
        CreateApiMessageLogFile = p.HasCreateApiMessageLogFile ? p.CreateApiMessageLogFile : null,
        IncludeMarketDataInLogFile = p.HasIncludeMarketDataInLogFile ? p.IncludeMarketDataInLogFile : null,
        ExposeTradingScheduleToApi = p.HasExposeTradingScheduleToApi ? p.ExposeTradingScheduleToApi : null,
        SplitInsuredDepositFromCashBalance = p.HasSplitInsuredDepositFromCashBalance ? p.SplitInsuredDepositFromCashBalance : null,
        SendZeroPositionsForTodayOnly = p.HasSendZeroPositionsForTodayOnly ? p.SendZeroPositionsForTodayOnly : null,
        LetApiAccountRequestsSwitchSubscription = p.HasLetApiAccountRequestsSwitchSubscription ? p.LetApiAccountRequestsSwitchSubscription : null,
        UseAccountGroupsWithAllocationMethods = p.HasUseAccountGroupsWithAllocationMethods ? p.UseAccountGroupsWithAllocationMethods : null,
        LoggingLevel = p.HasLoggingLevel ? p.LoggingLevel : null,
        MasterClientId = p.HasMasterClientId ? p.MasterClientId : null,
        BulkDataTimeout = p.HasBulkDataTimeout ? p.BulkDataTimeout : null,
        ComponentExchSeparator = p.HasComponentExchSeparator ? p.ComponentExchSeparator : null,
        ShowForexDataInTenthPips = p.HasShowForexDataIn110Pips ? p.ShowForexDataIn110Pips : null,
        AllowForexTradingInTenthPips = p.HasAllowForexTradingIn110Pips ? p.AllowForexTradingIn110Pips : null,
        RoundAccountValuesToNearestWholeNumber = p.HasRoundAccountValuesToNearestWholeNumber ? p.RoundAccountValuesToNearestWholeNumber : null,
        SendMarketDataInLotsForUsStocks = p.HasSendMarketDataInLotsForUsStocks ? p.SendMarketDataInLotsForUsStocks : null,
        ShowAdvancedOrderRejectInUi = p.HasShowAdvancedOrderRejectInUi ? p.ShowAdvancedOrderRejectInUi : null,
        RejectMessagesAboveMaxRate = p.HasRejectMessagesAboveMaxRate ? p.RejectMessagesAboveMaxRate : null,
        MaintainConnectionOnIncorrectFields = p.HasMaintainConnectionOnIncorrectFields ? p.MaintainConnectionOnIncorrectFields : null,
        CompatibilityModeNasdaqStocks = p.HasCompatibilityModeNasdaqStocks ? p.CompatibilityModeNasdaqStocks : null,
        SendInstrumentTimezone = p.HasSendInstrumentTimezone ? p.SendInstrumentTimezone : null,
        SendForexDataInCompatibilityMode = p.HasSendForexDataInCompatibilityMode ? p.SendForexDataInCompatibilityMode : null,
        MaintainAndResubmitOrdersOnReconnect = p.HasMaintainAndResubmitOrdersOnReconnect ? p.MaintainAndResubmitOrdersOnReconnect : null,
        HistoricalDataMaxSize = p.HasHistoricalDataMaxSize ? p.HistoricalDataMaxSize : null,
        AutoReportNettingEventContractTrades = p.HasAutoReportNettingEventContractTrades ? p.AutoReportNettingEventContractTrades : null,
        OptionExerciseRequestType = p.HasOptionExerciseRequestType ? p.OptionExerciseRequestType : null,
        AllowLocalhostOnly = p.HasAllowLocalhostOnly ? p.AllowLocalhostOnly : null,
        TrustedIps = p.TrustedIPs.ToList(),
    };

    private static SmartRoutingSettings ToDesk(OrdersSmartRoutingConfig p) => new()
    {
        SeekPriceImprovement = p.HasSeekPriceImprovement ? p.SeekPriceImprovement : null,
        PreOpenReroute = p.HasPreOpenReroute ? p.PreOpenReroute : null,
        DoNotRouteToDarkPools = p.HasDoNotRouteToDarkPools ? p.DoNotRouteToDarkPools : null,
        DefaultAlgorithm = p.HasDefaultAlgorithm ? p.DefaultAlgorithm : null,
    };

    private static LockAndExitConfig ToProto(LockAndExitSettings m)
    {
        var p = new LockAndExitConfig();
        if (m.AutoLogoffTime is { } autoLogoffTime) p.AutoLogoffTime = autoLogoffTime;
        if (m.AutoLogoffPeriod is { } autoLogoffPeriod) p.AutoLogoffPeriod = autoLogoffPeriod;
        if (m.AutoLogoffType is { } autoLogoffType) p.AutoLogoffType = autoLogoffType;
        return p;
    }

    private static ApiPrecautionsConfig ToProto(ApiPrecautions m)
    {
        var p = new ApiPrecautionsConfig();
        if (m.BypassOrderPrecautions is { } bypassOrderPrecautions) p.BypassOrderPrecautions = bypassOrderPrecautions;
        if (m.BypassBondWarning is { } bypassBondWarning) p.BypassBondWarning = bypassBondWarning;
        if (m.BypassNegativeYieldConfirmation is { } bypassNegativeYieldConfirmation) p.BypassNegativeYieldConfirmation = bypassNegativeYieldConfirmation;
        if (m.BypassCalledBondWarning is { } bypassCalledBondWarning) p.BypassCalledBondWarning = bypassCalledBondWarning;
        if (m.BypassSameActionPairTradeWarning is { } bypassSameActionPairTradeWarning) p.BypassSameActionPairTradeWarning = bypassSameActionPairTradeWarning;
        if (m.BypassFlaggedAccountsWarning is { } bypassFlaggedAccountsWarning) p.BypassFlaggedAccountsWarning = bypassFlaggedAccountsWarning;
        if (m.BypassPriceBasedVolatilityWarning is { } bypassPriceBasedVolatilityWarning) p.BypassPriceBasedVolatilityWarning = bypassPriceBasedVolatilityWarning;
        if (m.BypassRedirectOrderWarning is { } bypassRedirectOrderWarning) p.BypassRedirectOrderWarning = bypassRedirectOrderWarning;
        if (m.BypassNoOverfillProtection is { } bypassNoOverfillProtection) p.BypassNoOverfillProtection = bypassNoOverfillProtection;
        if (m.BypassRouteMarketableToBbo is { } bypassRouteMarketableToBBO) p.BypassRouteMarketableToBBO = bypassRouteMarketableToBBO;
        return p;
    }

    private static ApiSettingsConfig ToProto(ApiSettings m)
    {
        var p = new ApiSettingsConfig();
        if (m.ReadOnlyApi is { } readOnlyApi) p.ReadOnlyApi = readOnlyApi;
        if (m.TotalQuantityForMutualFunds is { } totalQuantityForMutualFunds) p.TotalQuantityForMutualFunds = totalQuantityForMutualFunds;
        if (m.DownloadOpenOrdersOnConnection is { } downloadOpenOrdersOnConnection) p.DownloadOpenOrdersOnConnection = downloadOpenOrdersOnConnection;
        if (m.IncludeVirtualFxPositions is { } includeVirtualFxPositions) p.IncludeVirtualFxPositions = includeVirtualFxPositions;
        if (m.PrepareDailyPnl is { } prepareDailyPnL) p.PrepareDailyPnL = prepareDailyPnL;
        if (m.SendStatusUpdatesForVolatilityOrders is { } sendStatusUpdatesForVolatilityOrders) p.SendStatusUpdatesForVolatilityOrders = sendStatusUpdatesForVolatilityOrders;
        if (m.EncodeApiMessages is { } encodeApiMessages) p.EncodeApiMessages = encodeApiMessages;
        if (m.SocketPort is { } socketPort) p.SocketPort = socketPort;
        if (m.UseNegativeAutoRange is { } useNegativeAutoRange) p.UseNegativeAutoRange = useNegativeAutoRange;
        if (m.CreateApiMessageLogFile is { } createApiMessageLogFile) p.CreateApiMessageLogFile = createApiMessageLogFile;
        if (m.IncludeMarketDataInLogFile is { } includeMarketDataInLogFile) p.IncludeMarketDataInLogFile = includeMarketDataInLogFile;
        if (m.ExposeTradingScheduleToApi is { } exposeTradingScheduleToApi) p.ExposeTradingScheduleToApi = exposeTradingScheduleToApi;
        if (m.SplitInsuredDepositFromCashBalance is { } splitInsuredDepositFromCashBalance) p.SplitInsuredDepositFromCashBalance = splitInsuredDepositFromCashBalance;
        if (m.SendZeroPositionsForTodayOnly is { } sendZeroPositionsForTodayOnly) p.SendZeroPositionsForTodayOnly = sendZeroPositionsForTodayOnly;
        if (m.LetApiAccountRequestsSwitchSubscription is { } letApiAccountRequestsSwitchSubscription) p.LetApiAccountRequestsSwitchSubscription = letApiAccountRequestsSwitchSubscription;
        if (m.UseAccountGroupsWithAllocationMethods is { } useAccountGroupsWithAllocationMethods) p.UseAccountGroupsWithAllocationMethods = useAccountGroupsWithAllocationMethods;
        if (m.LoggingLevel is { } loggingLevel) p.LoggingLevel = loggingLevel;
        if (m.MasterClientId is { } masterClientId) p.MasterClientId = masterClientId;
        if (m.BulkDataTimeout is { } bulkDataTimeout) p.BulkDataTimeout = bulkDataTimeout;
        if (m.ComponentExchSeparator is { } componentExchSeparator) p.ComponentExchSeparator = componentExchSeparator;
        if (m.ShowForexDataInTenthPips is { } showForexDataIn1_10Pips) p.ShowForexDataIn110Pips = showForexDataIn1_10Pips;
        if (m.AllowForexTradingInTenthPips is { } allowForexTradingIn1_10Pips) p.AllowForexTradingIn110Pips = allowForexTradingIn1_10Pips;
        if (m.RoundAccountValuesToNearestWholeNumber is { } roundAccountValuesToNearestWholeNumber) p.RoundAccountValuesToNearestWholeNumber = roundAccountValuesToNearestWholeNumber;
        if (m.SendMarketDataInLotsForUsStocks is { } sendMarketDataInLotsForUsStocks) p.SendMarketDataInLotsForUsStocks = sendMarketDataInLotsForUsStocks;
        if (m.ShowAdvancedOrderRejectInUi is { } showAdvancedOrderRejectInUi) p.ShowAdvancedOrderRejectInUi = showAdvancedOrderRejectInUi;
        if (m.RejectMessagesAboveMaxRate is { } rejectMessagesAboveMaxRate) p.RejectMessagesAboveMaxRate = rejectMessagesAboveMaxRate;
        if (m.MaintainConnectionOnIncorrectFields is { } maintainConnectionOnIncorrectFields) p.MaintainConnectionOnIncorrectFields = maintainConnectionOnIncorrectFields;
        if (m.CompatibilityModeNasdaqStocks is { } compatibilityModeNasdaqStocks) p.CompatibilityModeNasdaqStocks = compatibilityModeNasdaqStocks;
        if (m.SendInstrumentTimezone is { } sendInstrumentTimezone) p.SendInstrumentTimezone = sendInstrumentTimezone;
        if (m.SendForexDataInCompatibilityMode is { } sendForexDataInCompatibilityMode) p.SendForexDataInCompatibilityMode = sendForexDataInCompatibilityMode;
        if (m.MaintainAndResubmitOrdersOnReconnect is { } maintainAndResubmitOrdersOnReconnect) p.MaintainAndResubmitOrdersOnReconnect = maintainAndResubmitOrdersOnReconnect;
        if (m.HistoricalDataMaxSize is { } historicalDataMaxSize) p.HistoricalDataMaxSize = historicalDataMaxSize;
        if (m.AutoReportNettingEventContractTrades is { } autoReportNettingEventContractTrades) p.AutoReportNettingEventContractTrades = autoReportNettingEventContractTrades;
        if (m.OptionExerciseRequestType is { } optionExerciseRequestType) p.OptionExerciseRequestType = optionExerciseRequestType;
        if (m.AllowLocalhostOnly is { } allowLocalhostOnly) p.AllowLocalhostOnly = allowLocalhostOnly;
        p.TrustedIPs.AddRange(m.TrustedIps);
        return p;
    }

    private static OrdersSmartRoutingConfig ToProto(SmartRoutingSettings m)
    {
        var p = new OrdersSmartRoutingConfig();
        if (m.SeekPriceImprovement is { } seekPriceImprovement) p.SeekPriceImprovement = seekPriceImprovement;
        if (m.PreOpenReroute is { } preOpenReroute) p.PreOpenReroute = preOpenReroute;
        if (m.DoNotRouteToDarkPools is { } doNotRouteToDarkPools) p.DoNotRouteToDarkPools = doNotRouteToDarkPools;
        if (m.DefaultAlgorithm is { } defaultAlgorithm) p.DefaultAlgorithm = defaultAlgorithm;
        return p;
    }
}
