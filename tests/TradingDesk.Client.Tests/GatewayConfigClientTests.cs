using Grpc.Core;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary><see cref="DeskClient.GetGatewayConfigAsync"/> and <see cref="DeskClient.UpdateGatewayConfigAsync"/> against the scripted desk.</summary>
public sealed class GatewayConfigClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    [Fact]
    public async Task GetGatewayConfigAsync_maps_every_setting_of_every_section()
    {
        var script = new DeskScript();
        script.GatewayConfig.Returns(new W.GatewayConfig { Settings = EverySettingWire(), LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var settings = await desk.GetGatewayConfigAsync();

        AssertEverySetting(settings);
        await script.GatewayConfig.Seen.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_setting_the_gateway_did_not_send_stays_null_and_false_or_zero_stays_set()
    {
        // Each section with only its first setting, at the value a plain proto3 field could not tell from "absent".
        var script = new DeskScript();
        script.GatewayConfig.Returns(new W.GatewayConfig
        {
            LocalTime = At,
            Settings = new W.GatewaySettings
            {
                LockAndExit = new W.LockAndExitSettings { AutoLogoffTime = "" },
                Messages = { new W.MessageSetting { Id = 7, Enabled = false } },
                Precautions = new W.ApiPrecautions { BypassOrderPrecautions = false },
                Api = new W.ApiSettings { ReadOnlyApi = false, SocketPort = 0 },
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var settings = await desk.GetGatewayConfigAsync();

        Assert.Equal(new LockAndExitSettings { AutoLogoffTime = "" }, settings.LockAndExit);
        Assert.Equal(new MessageSetting(7, null, null, null, false), Assert.Single(settings.Messages));
        Assert.Equal(new ApiPrecautions { BypassOrderPrecautions = false }, settings.Precautions);
        Assert.Equal((false, 0), (settings.Api!.ReadOnlyApi, settings.Api.SocketPort));
        Assert.Empty(settings.Api.TrustedIps);
        Assert.Equal(new ApiSettings { ReadOnlyApi = false, SocketPort = 0, TrustedIps = settings.Api.TrustedIps }, settings.Api);
        Assert.Null(settings.SmartRouting);
    }

    [Fact]
    public async Task A_reply_without_settings_is_a_wire_error_naming_the_field()
    {
        var script = new DeskScript();
        script.GatewayConfig.Returns(new W.GatewayConfig { LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<DeskWireException>(() => desk.GetGatewayConfigAsync());

        Assert.Equal("GetGatewayConfig", e.Call);
        Assert.Contains("settings", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateGatewayConfigAsync_sends_every_setting_given_with_its_presence_the_warnings_and_the_reset()
    {
        var script = new DeskScript();
        script.UpdateGatewayConfig.Returns(new W.GatewayConfigUpdated { Status = "SUCCESS", Message = "", LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var result = await desk.UpdateGatewayConfigAsync(EverySetting(), [new ConfigWarning(131, "Bypass", "Bypass order precautions?")], resetApiOrderSequence: true);

        Assert.True(result.Succeeded);
        var sent = await script.UpdateGatewayConfig.Seen.Task.WaitAsync(Bound);
        Assert.Equal(EverySettingWire(), sent.Changes);
        Assert.Equal(new W.ConfigWarning { MessageId = 131, Title = "Bypass", Message = "Bypass order precautions?" }, Assert.Single(sent.AcceptedWarnings));
        Assert.True(sent.ResetApiOrderSequence);
    }

    [Fact]
    public async Task An_update_leaves_every_setting_it_does_not_give_absent_on_the_wire()
    {
        var script = new DeskScript();
        script.UpdateGatewayConfig.Returns(new W.GatewayConfigUpdated { Status = "SUCCESS", LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        await desk.UpdateGatewayConfigAsync(new GatewaySettings { Api = new ApiSettings { ReadOnlyApi = false } });

        var sent = await script.UpdateGatewayConfig.Seen.Task.WaitAsync(Bound);
        Assert.Equal(new W.GatewaySettings { Api = new W.ApiSettings { ReadOnlyApi = false } }, sent.Changes);
        Assert.True(sent.Changes.Api.HasReadOnlyApi);
        Assert.False(sent.Changes.Api.HasSocketPort);
        Assert.Null(sent.Changes.LockAndExit);
        Assert.Empty(sent.AcceptedWarnings);
        Assert.False(sent.ResetApiOrderSequence);
    }

    [Fact]
    public async Task UpdateGatewayConfigAsync_maps_status_changed_fields_errors_and_warnings()
    {
        var script = new DeskScript();
        script.UpdateGatewayConfig.Returns(new W.GatewayConfigUpdated
        {
            Status = "FAILED", Message = "confirm the warnings", LocalTime = At,
            ChangedFields = { "api.readOnlyApi", "smartRouting.seekPriceImprovement" },
            Errors = { "socketPort: out of range" },
            Warnings = { new W.ConfigWarning { MessageId = 131, Title = "Bypass", Message = "Bypass order precautions?" }, new W.ConfigWarning { MessageId = 2 } },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var result = await desk.UpdateGatewayConfigAsync(new GatewaySettings());

        Assert.False(result.Succeeded);
        Assert.Equal(("FAILED", "confirm the warnings"), (result.Status, result.Message));
        Assert.Equal(["api.readOnlyApi", "smartRouting.seekPriceImprovement"], result.ChangedFields);
        Assert.Equal(["socketPort: out of range"], result.Errors);
        Assert.Equal([new ConfigWarning(131, "Bypass", "Bypass order precautions?"), new ConfigWarning(2, "", "")], result.Warnings);
    }

    [Fact]
    public async Task No_changes_is_an_ArgumentNullException_before_anything_is_sent()
    {
        var script = new DeskScript();
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        await Assert.ThrowsAsync<ArgumentNullException>(() => desk.UpdateGatewayConfigAsync(null!));

        Assert.False(script.UpdateGatewayConfig.Seen.Task.IsCompleted);
    }

    [Fact]
    public async Task A_null_accepted_warning_is_an_ArgumentException_before_anything_is_sent()
    {
        var script = new DeskScript();
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => desk.UpdateGatewayConfigAsync(new GatewaySettings(), [new ConfigWarning(131, "Bypass", "ok?"), null!]));

        Assert.Equal("acceptedWarnings", e.ParamName);
        Assert.False(script.UpdateGatewayConfig.Seen.Task.IsCompleted);
    }

    [Fact]
    public async Task An_update_the_desk_refuses_is_an_InvalidRequestException()
    {
        var script = new DeskScript();
        script.UpdateGatewayConfig.Fails(Rich.Invalid("updateConfig needs server version 221, this gateway is 220"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => desk.UpdateGatewayConfigAsync(new GatewaySettings()));

        Assert.Equal((StatusCode.InvalidArgument, "updateConfig needs server version 221, this gateway is 220"), (e.StatusCode, e.Detail));
    }

    [Fact]
    public async Task UpdateGatewayConfigAsync_with_a_read_only_token_is_a_PermissionDeniedException_and_the_read_still_works()
    {
        var script = new DeskScript();
        script.UpdateGatewayConfig.Returns(new W.GatewayConfigUpdated { Status = "SUCCESS", LocalTime = At });
        script.GatewayConfig.Returns(new W.GatewayConfig { Settings = new W.GatewaySettings(), LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.ReadOnlyToken);

        var e = await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.UpdateGatewayConfigAsync(new GatewaySettings { Api = new ApiSettings { ReadOnlyApi = false } }));

        Assert.Equal((StatusCode.PermissionDenied, DeskFailureKind.PermissionDenied), (e.StatusCode, e.Kind));
        Assert.Contains("read-only", e.Detail, StringComparison.Ordinal);
        Assert.False(script.UpdateGatewayConfig.Seen.Task.IsCompleted);
        var read = await desk.GetGatewayConfigAsync();
        Assert.Null(read.Api);
        Assert.Empty(read.Messages);
    }

    [Fact]
    public async Task A_config_read_that_outlives_the_call_timeout_is_a_TimedOutException()
    {
        var script = new DeskScript();
        script.GatewayConfig.Hangs();
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken, new DeskClientOptions { CallTimeout = TimeSpan.FromMilliseconds(300) });

        var e = await Assert.ThrowsAsync<TimedOutException>(() => desk.GetGatewayConfigAsync().WaitAsync(Bound));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Contains("GetGatewayConfig", e.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_that_outlives_the_call_timeout_is_a_TimedOutException()
    {
        var script = new DeskScript();
        script.UpdateGatewayConfig.Hangs();
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken, new DeskClientOptions { CallTimeout = TimeSpan.FromMilliseconds(300) });

        var e = await Assert.ThrowsAsync<TimedOutException>(() => desk.UpdateGatewayConfigAsync(new GatewaySettings()).WaitAsync(Bound));

        Assert.Contains("UpdateGatewayConfig", e.Detail, StringComparison.Ordinal);
    }

    // Every setting with a value of its own (booleans alternate, so a swapped pair of fields shows), on the wire and in
    // the client's records: the two must map onto each other both ways.
    private static W.GatewaySettings EverySettingWire() => new()
    {
        LockAndExit = new W.LockAndExitSettings { AutoLogoffTime = "23:45", AutoLogoffPeriod = "PM", AutoLogoffType = "restart" },
        Messages =
        {
            new W.MessageSetting { Id = 131, Title = "Bypass", Message = "Bypass order precautions?", DefaultAction = "OK", Enabled = true },
            new W.MessageSetting { Id = 2, Enabled = false },
        },
        Precautions = new W.ApiPrecautions
        {
            BypassOrderPrecautions = true, BypassBondWarning = false, BypassNegativeYieldConfirmation = true, BypassCalledBondWarning = false,
            BypassSameActionPairTradeWarning = true, BypassFlaggedAccountsWarning = false, BypassPriceBasedVolatilityWarning = true,
            BypassRedirectOrderWarning = false, BypassNoOverfillProtection = true, BypassRouteMarketableToBbo = false,
        },
        Api = new W.ApiSettings
        {
            ReadOnlyApi = true, TotalQuantityForMutualFunds = false, DownloadOpenOrdersOnConnection = true, IncludeVirtualFxPositions = false,
            PrepareDailyPnl = true, SendStatusUpdatesForVolatilityOrders = false, EncodeApiMessages = "ASCII7", SocketPort = 4002,
            UseNegativeAutoRange = true, CreateApiMessageLogFile = false, IncludeMarketDataInLogFile = true, ExposeTradingScheduleToApi = false,
            SplitInsuredDepositFromCashBalance = true, SendZeroPositionsForTodayOnly = false, LetApiAccountRequestsSwitchSubscription = true,
            UseAccountGroupsWithAllocationMethods = false, LoggingLevel = "Detail", MasterClientId = 17, BulkDataTimeout = 45,
            ComponentExchSeparator = "/", ShowForexDataInTenthPips = true, AllowForexTradingInTenthPips = false,
            RoundAccountValuesToNearestWholeNumber = true, SendMarketDataInLotsForUsStocks = false, ShowAdvancedOrderRejectInUi = true,
            RejectMessagesAboveMaxRate = false, MaintainConnectionOnIncorrectFields = true, CompatibilityModeNasdaqStocks = false,
            SendInstrumentTimezone = "UTC", SendForexDataInCompatibilityMode = true, MaintainAndResubmitOrdersOnReconnect = false,
            HistoricalDataMaxSize = 250, AutoReportNettingEventContractTrades = true, OptionExerciseRequestType = "Final",
            AllowLocalhostOnly = false, TrustedIps = { "127.0.0.1", "10.0.0.5" },
        },
        SmartRouting = new W.SmartRoutingSettings { SeekPriceImprovement = true, PreOpenReroute = false, DoNotRouteToDarkPools = true, DefaultAlgorithm = "Adaptive" },
    };

    private static GatewaySettings EverySetting() => new()
    {
        LockAndExit = new LockAndExitSettings { AutoLogoffTime = "23:45", AutoLogoffPeriod = "PM", AutoLogoffType = "restart" },
        Messages = [new MessageSetting(131, "Bypass", "Bypass order precautions?", "OK", true), new MessageSetting(2, null, null, null, false)],
        Precautions = new ApiPrecautions
        {
            BypassOrderPrecautions = true, BypassBondWarning = false, BypassNegativeYieldConfirmation = true, BypassCalledBondWarning = false,
            BypassSameActionPairTradeWarning = true, BypassFlaggedAccountsWarning = false, BypassPriceBasedVolatilityWarning = true,
            BypassRedirectOrderWarning = false, BypassNoOverfillProtection = true, BypassRouteMarketableToBbo = false,
        },
        Api = new ApiSettings
        {
            ReadOnlyApi = true, TotalQuantityForMutualFunds = false, DownloadOpenOrdersOnConnection = true, IncludeVirtualFxPositions = false,
            PrepareDailyPnl = true, SendStatusUpdatesForVolatilityOrders = false, EncodeApiMessages = "ASCII7", SocketPort = 4002,
            UseNegativeAutoRange = true, CreateApiMessageLogFile = false, IncludeMarketDataInLogFile = true, ExposeTradingScheduleToApi = false,
            SplitInsuredDepositFromCashBalance = true, SendZeroPositionsForTodayOnly = false, LetApiAccountRequestsSwitchSubscription = true,
            UseAccountGroupsWithAllocationMethods = false, LoggingLevel = "Detail", MasterClientId = 17, BulkDataTimeout = 45,
            ComponentExchSeparator = "/", ShowForexDataInTenthPips = true, AllowForexTradingInTenthPips = false,
            RoundAccountValuesToNearestWholeNumber = true, SendMarketDataInLotsForUsStocks = false, ShowAdvancedOrderRejectInUi = true,
            RejectMessagesAboveMaxRate = false, MaintainConnectionOnIncorrectFields = true, CompatibilityModeNasdaqStocks = false,
            SendInstrumentTimezone = "UTC", SendForexDataInCompatibilityMode = true, MaintainAndResubmitOrdersOnReconnect = false,
            HistoricalDataMaxSize = 250, AutoReportNettingEventContractTrades = true, OptionExerciseRequestType = "Final",
            AllowLocalhostOnly = false, TrustedIps = ["127.0.0.1", "10.0.0.5"],
        },
        SmartRouting = new SmartRoutingSettings { SeekPriceImprovement = true, PreOpenReroute = false, DoNotRouteToDarkPools = true, DefaultAlgorithm = "Adaptive" },
    };

    // The records hold lists, which compare by reference: each list is checked by its items, the rest by record equality.
    private static void AssertEverySetting(GatewaySettings actual)
    {
        var expected = EverySetting();
        Assert.Equal(expected.LockAndExit, actual.LockAndExit);
        Assert.Equal(expected.Messages, actual.Messages);
        Assert.Equal(expected.Precautions, actual.Precautions);
        Assert.Equal(expected.Api!.TrustedIps, actual.Api!.TrustedIps);
        Assert.Equal(expected.Api with { TrustedIps = actual.Api.TrustedIps }, actual.Api);
        Assert.Equal(expected.SmartRouting, actual.SmartRouting);
    }
}
