namespace TradingDesk.Cluster.Serialization;

/// <summary>
/// The manifest of every bound type: what names a message on the wire next to serializer id
/// <see cref="DeskMessageSerializer.Id"/>. A manifest never changes meaning and is never reused (proto/desk/README.md):
/// a renamed C# type keeps its manifest; a removed one leaves its manifest retired here as a comment.
/// Prefixes: d domain, f failure, s subscription, md market data, a account, h historical, r reference data,
/// oc order command, oe order event, c connection and pacer, n notice, k cluster.
/// </summary>
internal static class Manifests
{
    // Domain values (when one travels on its own).
    public const string ContractSpec = "d.contract";
    public const string OrderSpec = "d.order";
    public const string Bracket = "d.bracket";
    public const string RiskLimits = "d.risk-limits";
    public const string OrderId = "d.order-id";
    public const string PermId = "d.perm-id";
    public const string ConId = "d.con-id";
    public const string ExecId = "d.exec-id";
    public const string AccountId = "d.account-id";
    public const string StrategyId = "d.strategy-id";
    public const string SubscriptionId = "d.subscription-id";
    public const string ExecutionQuery = "d.execution-query";
    public const string OrderSnapshot = "d.order-snapshot";

    // Failures and the reply that carries them.
    public const string GatewayError = "f.gateway";
    public const string RequestTimedOut = "f.timeout";
    public const string ConnectionLost = "f.connection-lost";
    public const string RiskDenied = "f.risk";
    public const string InvalidRequest = "f.invalid";
    public const string RequestCancelled = "f.cancelled";
    public const string StrategyIdInUse = "f.strategy-id-in-use";
    public const string JournalUnavailable = "f.journal-unavailable";
    public const string RequestFailed = "f.request-failed";

    // Subscriptions.
    public const string Subscribed = "s.subscribed";
    public const string Unsubscribe = "s.unsubscribe";
    public const string Resubscribed = "s.resubscribed";
    public const string SubscriptionNotice = "s.notice";
    public const string Resubscribe = "s.resubscribe";
    public const string Conflated = "s.conflated";
    public const string SubscriptionEnded = "s.ended";

    // Market data.
    public const string SubscribeMarketData = "md.subscribe";
    public const string GetMarketDataSnapshot = "md.get-snapshot";
    public const string MarketDataSnapshot = "md.snapshot";
    public const string SetMarketDataType = "md.set-type";
    public const string MarketDataTypeSet = "md.type-set";
    public const string Tick = "md.tick";
    public const string MarketDataTypeChanged = "md.type-changed";
    public const string LineParameters = "md.line-parameters";
    public const string SubscribeTickByTick = "md.subscribe-tbt";
    public const string TickByTick = "md.tbt";
    public const string SubscribeDepth = "md.subscribe-depth";
    public const string DepthUpdate = "md.depth";
    public const string SubscribeRealTimeBars = "md.subscribe-rtb";
    public const string RealTimeBar = "md.rtb";

    // Account.
    public const string GetPositions = "a.get-positions";
    public const string PositionItem = "a.position";
    public const string PositionsList = "a.positions";
    public const string GetAccountSummary = "a.get-summary";
    public const string AccountSummaryItem = "a.summary-item";
    public const string AccountSummaryList = "a.summary";
    public const string SubscribeAccountUpdates = "a.subscribe-updates";
    public const string AccountValueItem = "a.value";
    public const string PortfolioItem = "a.portfolio";
    public const string AccountTime = "a.time";
    public const string AccountDownloadEnd = "a.download-end";
    public const string SubscribePnL = "a.subscribe-pnl";
    public const string PnLItem = "a.pnl";
    public const string SubscribePnLSingle = "a.subscribe-pnl-single";
    public const string PnLSingleItem = "a.pnl-single";

    // Historical data.
    public const string GetHistoricalBars = "h.get-bars";
    public const string SubscribeHistoricalBars = "h.subscribe-bars";
    public const string Bar = "h.bar";
    public const string HistoricalBars = "h.bars";
    public const string BarUpdate = "h.bar-update";
    public const string GetHeadTimestamp = "h.get-head";
    public const string HeadTimestampReply = "h.head";

    // Reference data.
    public const string GetContractDetails = "r.get-details";
    public const string ContractDetailsList = "r.details";
    public const string ContractDetail = "r.detail";
    public const string GetCurrentTime = "r.get-time";
    public const string CurrentTimeReply = "r.time";
    public const string GetManagedAccounts = "r.get-accounts";
    public const string ManagedAccountsList = "r.accounts";

    // Order commands.
    public const string PlaceOrder = "oc.place";
    public const string ModifyOrder = "oc.modify";
    public const string CancelOrder = "oc.cancel";
    public const string PlaceBracket = "oc.place-bracket";
    public const string PlaceOca = "oc.place-oca";
    public const string GetOpenOrders = "oc.get-open";
    public const string GetCompletedOrders = "oc.get-completed";
    public const string GetExecutions = "oc.get-executions";
    public const string SubscribeOrderUpdates = "oc.subscribe-updates";
    public const string UnsubscribeOrderUpdates = "oc.unsubscribe-updates";
    public const string RegisterStrategy = "oc.register";
    public const string UnregisterStrategy = "oc.unregister";
    public const string AcknowledgeFills = "oc.ack-fills";
    public const string AcknowledgeEndings = "oc.ack-endings";
    public const string GetStrategyBindings = "oc.get-bindings";
    public const string CancelStrategyOrders = "oc.cancel-strategy";
    public const string ActivateKillSwitch = "oc.kill";
    public const string ReleaseKillSwitch = "oc.release-kill";
    public const string SetRiskLimits = "oc.set-limits";

    // Order events and replies.
    public const string OrderAccepted = "oe.accepted";
    public const string BracketAccepted = "oe.bracket-accepted";
    public const string OcaAccepted = "oe.oca-accepted";
    public const string OrderModifySent = "oe.modify-sent";
    public const string CancelSent = "oe.cancel-sent";
    public const string CancelsSent = "oe.cancels-sent";
    public const string StrategyRegistered = "oe.registered";
    public const string StrategyUnregistered = "oe.unregistered";
    public const string StrategyBindings = "oe.bindings";
    public const string StrategyBinding = "oe.binding";
    public const string RiskLimitsSet = "oe.limits-set";
    public const string KillSwitchActivated = "oe.killed";
    public const string KillSwitchReleased = "oe.kill-released";
    public const string OpenOrders = "oe.open";
    public const string CompletedOrders = "oe.completed";
    public const string Executions = "oe.executions";
    public const string OrderStatusChanged = "oe.status";
    public const string OpenOrderUpdated = "oe.open-order";
    public const string Filled = "oe.filled";
    public const string CommissionReported = "oe.commission";
    public const string OrderRejected = "oe.rejected";
    public const string OrderLost = "oe.lost";
    public const string OrderNotice = "oe.notice";

    // Notices.
    public const string GatewayNotice = "n.gateway";
    public const string DeskFailover = "n.failover";

    // Connection and pacer.
    public const string Connect = "c.connect";
    public const string GetConnectionState = "c.get-state";
    public const string ConnectionStateReply = "c.state";
    public const string Connecting = "c.connecting";
    public const string Connected = "c.connected";
    public const string Disconnected = "c.disconnected";
    public const string Reconnecting = "c.reconnecting";
    public const string GetPacerStatus = "c.get-pacer";
    public const string PacerStatus = "c.pacer";

    // Cluster.
    public const string RegisterNode = "k.register-node";
    public const string NodeRegistered = "k.node-registered";
    public const string StreamEntry = "k.stream-entry";
    public const string StreamBatch = "k.stream-batch";
    public const string StreamAck = "k.stream-ack";
    public const string GetClusterStatus = "k.get-status";
    public const string MemberInfo = "k.member";
    public const string StrategyPlacement = "k.placement";
    public const string ClusterStatus = "k.status";

    // Session, multi-account, display groups, FA (ss session and reference, ma multi-account, dg display group, fa FA).
    public const string GetMatchingSymbols = "ss.get-symbols";
    public const string MatchingSymbols = "ss.symbols";
    public const string SymbolMatch = "ss.symbol";
    public const string GetMarketRule = "ss.get-rule";
    public const string MarketRule = "ss.rule";
    public const string PriceIncrement = "ss.increment";
    public const string GetSmartComponents = "ss.get-smart";
    public const string SmartComponents = "ss.smart";
    public const string SmartComponent = "ss.smart-component";
    public const string GetDepthExchanges = "ss.get-depth-exchanges";
    public const string DepthExchanges = "ss.depth-exchanges";
    public const string DepthExchange = "ss.depth-exchange";
    public const string GetSoftDollarTiers = "ss.get-tiers";
    public const string SoftDollarTiers = "ss.tiers";
    public const string SoftDollarTier = "ss.tier";
    public const string GetUserInfo = "ss.get-user";
    public const string UserInfo = "ss.user";
    public const string GetFamilyCodes = "ss.get-family-codes";
    public const string FamilyCodes = "ss.family-codes";
    public const string FamilyCode = "ss.family-code";
    public const string SetServerLogLevel = "ss.set-log-level";
    public const string ServerLogLevelSet = "ss.log-level-set";
    public const string SubscribePositionsMulti = "ma.subscribe-positions";
    public const string PositionMultiItem = "ma.position";
    public const string PositionsMultiEnd = "ma.positions-end";
    public const string SubscribeAccountUpdatesMulti = "ma.subscribe-updates";
    public const string AccountUpdateMultiItem = "ma.update";
    public const string AccountUpdatesMultiEnd = "ma.updates-end";
    public const string QueryDisplayGroups = "dg.query";
    public const string DisplayGroups = "dg.groups";
    public const string SubscribeDisplayGroup = "dg.subscribe";
    public const string DisplayGroupChanged = "dg.changed";
    public const string UpdateDisplayGroup = "dg.update";
    public const string DisplayGroupUpdateSent = "dg.update-sent";
    public const string GetFaConfiguration = "fa.get";
    public const string FaConfiguration = "fa.configuration";
    public const string ReplaceFaConfiguration = "fa.replace";
    public const string FaConfigurationReplaced = "fa.replaced";
    public const string LineRerouted = "md.rerouted";
    // News, fundamentals, WSH, tick history
    public const string GetNewsProviders = "nw.get-providers";
    public const string NewsProvider = "nw.provider";
    public const string NewsProvidersList = "nw.providers";
    public const string GetNewsArticle = "nw.get-article";
    public const string NewsArticle = "nw.article";
    public const string GetHistoricalNews = "nw.get-history";
    public const string Headline = "nw.headline";
    public const string HistoricalNewsList = "nw.history";
    public const string SubscribeNewsBulletins = "nw.subscribe-bulletins";
    public const string NewsBulletin = "nw.bulletin";
    public const string NewsTick = "nw.tick";
    public const string GetFundamentals = "fu.get";
    public const string FundamentalsReply = "fu.reply";
    public const string ReportNotAvailable = "f.report-not-available";
    public const string GetWshMetaData = "wsh.get-meta";
    public const string WshMetaData = "wsh.meta";
    public const string GetWshEvents = "wsh.get-events";
    public const string WshEvents = "wsh.events";
    public const string GetHistoricalTicks = "th.get-ticks";
    public const string HistoricalTick = "th.tick";
    public const string HistoricalTicks = "th.ticks";
    public const string GetHistogram = "th.get-histogram";
    public const string HistogramEntry = "th.histogram-entry";
    public const string Histogram = "th.histogram";
    public const string GetHistoricalSchedule = "th.get-schedule";
    public const string ScheduleSession = "th.session";
    public const string HistoricalSchedule = "th.schedule";
    // Options and scanners (prefixes op options, sc scanners)
    public const string GetOptionParameters = "op.get-parameters";
    public const string OptionParameterSet = "op.parameter-set";
    public const string OptionParameters = "op.parameters";
    public const string OptionChainFilter = "op.chain-filter";
    public const string GetOptionChain = "op.get-chain";
    public const string ChainOption = "op.chain-option";
    public const string OptionChain = "op.chain";
    public const string OptionGreeks = "op.greeks";
    public const string OptionComputation = "op.computation";
    public const string CalculateImpliedVolatility = "op.calc-iv";
    public const string CalculateOptionPrice = "op.calc-price";
    public const string OptionCalculation = "op.calculation";
    public const string ExerciseOptions = "op.exercise";
    public const string ExerciseSent = "op.exercise-sent";
    public const string GetScannerParameters = "sc.get-parameters";
    public const string ScannerParametersXml = "sc.parameters";
    public const string ScannerSpec = "sc.spec";
    public const string ScannerFilter = "sc.filter";
    public const string SubscribeScanner = "sc.subscribe";
    public const string ScannerRow = "sc.row";
    public const string ScannerResults = "sc.results";
    // Gateway configuration (prefix gc)
    public const string GetGatewayConfig = "gc.get";
    public const string GatewayConfig = "gc.config";
    public const string UpdateGatewayConfig = "gc.update";
    public const string GatewayConfigUpdated = "gc.updated";
    public const string ConfigWarning = "gc.warning";
    public const string GatewaySettings = "gc.settings";
    public const string MessageSetting = "gc.message";
    public const string LockAndExitSettings = "gc.lock-exit";
    public const string ApiPrecautions = "gc.precautions";
    public const string ApiSettings = "gc.api";
    public const string SmartRoutingSettings = "gc.smart-routing";
    public const string OptionChainTimedOut = "f.option-chain-timed-out";
    public const string ScannerLimitReached = "f.scanner-limit-reached";
}
