using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol.TextOnly;
using TradingDesk.Simulator.Tests.Support;
using static TradingDesk.Simulator.Tests.Wire.OrderTests;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>API verification (text 200, protobuf 225) and the gateway configuration (protobuf only, 225).</summary>
public sealed class SessionTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(225)]
    public async Task Verification_completes_unsuccessfully_on_a_gateway_that_does_not_use_it(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new VerifyRequest { ApiName = "desk", ApiVersion = "1" });
        var done = await client.ExpectAsync<VerifyCompleted>();
        Assert.False(done.IsSuccessful);
        Assert.Contains("not in use", done.ErrorText);
        await client.SendAsync(new VerifyMessageRequest { ApiData = "x" });
        Assert.False((await client.ExpectAsync<VerifyCompleted>()).IsSuccessful);
        await client.SendAsync(new VerifyAndAuthRequest { ApiName = "desk", ApiVersion = "1", OpaqueIsvKey = "k" });
        Assert.False((await client.ExpectAsync<VerifyAndAuthCompleted>()).IsSuccessful);
    }

    [Fact]
    public async Task Config_reports_the_settings_and_an_update_changes_only_what_it_sets()
    {
        await using var sim = await SimHarness.StartAsync(225);
        var (client, next) = await sim.ConnectAsync(1);
        await client.SendAsync(new ConfigRequest { ReqId = 111 });
        var config = await client.ExpectAsync<ConfigResponse>();
        Assert.Equal(111, config.ReqId);
        Assert.False(config.Api.Settings.ReadOnlyApi);
        Assert.Equal(4002, config.Api.Settings.SocketPort);

        await client.SendAsync(new UpdateConfigRequest { ReqId = 112, Api = new ApiConfig { Settings = new ApiSettingsConfig { ReadOnlyApi = true, SocketPort = 4002 } } });
        var updated = await client.ExpectAsync<UpdateConfigResponse>();
        Assert.Equal((112, "SUCCESS"), (updated.ReqId, updated.Status));
        Assert.Equal(["api.settings.readOnlyApi"], updated.ChangedFields);

        await client.SendAsync(Order(next, "BUY", "1", "MKT"));
        var refused = await client.ExpectAsync<ErrorMessage>(e => e.Id == next);
        Assert.Equal(321, refused.ErrorCode);
        Assert.Contains("Read-Only mode", refused.ErrorMsg);

        await client.SendAsync(new ConfigRequest { ReqId = 113 });
        var after = await client.ExpectAsync<ConfigResponse>();
        Assert.True(after.Api.Settings.ReadOnlyApi);
        Assert.Equal("Error", after.Api.Settings.LoggingLevel);
    }

    [Fact]
    public async Task An_invalid_update_fails_whole_with_its_errors()
    {
        await using var sim = await SimHarness.StartAsync(225);
        var client = await sim.ClientAsync();
        await client.SendAsync(new UpdateConfigRequest
        {
            ReqId = 114,
            Api = new ApiConfig { Settings = new ApiSettingsConfig { LoggingLevel = "Loud", ReadOnlyApi = true } },
        });
        var failed = await client.ExpectAsync<UpdateConfigResponse>();
        Assert.Equal((114, "FAILED"), (failed.ReqId, failed.Status));
        Assert.Contains(failed.Errors, e => e.Contains("loggingLevel"));
        await client.SendAsync(new ConfigRequest { ReqId = 115 });
        Assert.False((await client.ExpectAsync<ConfigResponse>()).Api.Settings.ReadOnlyApi);
    }

    [Fact]
    public async Task No_request_of_these_families_is_answered_as_not_supported()
    {
        await using var sim = await SimHarness.StartAsync(225);
        var client = await sim.ClientAsync();
        IMessage[] requests =
        [
            new HistoricalTicksRequest { ReqId = 121, Contract = SimHarness.Aapl, EndDateTime = "20260310 10:00:00 US/Eastern", NumberOfTicks = 5, WhatToShow = "TRADES" },
            new CancelHistoricalTicks { ReqId = 121 },
            new HistogramDataRequest { ReqId = 122, Contract = SimHarness.Aapl, TimePeriod = "1 day" }, new CancelHistogramData { ReqId = 122 },
            new PositionsMultiRequest { ReqId = 123, Account = "", ModelCode = "" }, new CancelPositionsMulti { ReqId = 123 },
            new AccountUpdatesMultiRequest { ReqId = 124, Account = "DU111111", ModelCode = "" }, new CancelAccountUpdatesMulti { ReqId = 124 },
            new MatchingSymbolsRequest { ReqId = 125, Pattern = "MS" }, new MarketRuleRequest { MarketRuleId = 26 },
            new SmartComponentsRequest { ReqId = 126, BboExchange = "a6" }, new MarketDepthExchangesRequest(), new SoftDollarTiersRequest { ReqId = 127 },
            new UserInfoRequest { ReqId = 128 }, new FamilyCodesRequest(), new SetServerLogLevelRequest { LogLevel = 3 },
            new QueryDisplayGroupsRequest { ReqId = 129 }, new SubscribeToGroupEventsRequest { ReqId = 130, GroupId = 1 },
            new UnsubscribeFromGroupEventsRequest { ReqId = 130 }, new WshMetaDataRequest { ReqId = 131 }, new CancelWshMetaData { ReqId = 131 },
            new WshEventDataRequest { ReqId = 132, ConId = SimHarness.AaplConId }, new CancelWshEventData { ReqId = 132 },
            new FARequest { FaDataType = 1 }, new VerifyRequest { ApiName = "a", ApiVersion = "1" }, new ConfigRequest { ReqId = 133 },
        ];
        foreach (var request in requests) await client.SendAsync(request);
        // Requests are handled in order: everything they answer arrives before currentTime.
        await client.SendAsync(new CurrentTimeRequest());
        var seen = new List<IMessage?>();
        for (var next = await client.NextAsync(); next.Message is not CurrentTime; next = await client.NextAsync())
        {
            seen.Add(next.Message);
            if (next.Message is ErrorMessage e) Assert.DoesNotContain("not supported by the simulator", e.ErrorMsg);
        }
        Assert.Contains(seen, m => m is ConfigResponse);
        Assert.Contains(seen, m => m is HistoricalTicksLast);
        Assert.Contains(seen, m => m is ErrorMessage { ErrorCode: 321 } e && e.ErrorMsg.Contains("non FA customers", StringComparison.Ordinal));
    }
}
