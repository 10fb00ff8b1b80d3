using IBApi.protobuf;
using TradingDesk.Protocol.Codec;
using TradingDesk.Simulator.Clock;
using TradingDesk.Simulator.Server;
using TradingDesk.Simulator.Tests.Support;
using Xunit;

namespace TradingDesk.Simulator.Tests.Server;

/// <summary>The gateway's connection layer over real TCP, at the versions users meet.</summary>
public sealed class ConnectionTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);
    private readonly SimulatedClock _time = SimulatedClock.Manual(Start);
    private readonly RecordingBackend _backend = new();
    private GatewayServer _server = null!;

    public Task InitializeAsync() => StartServer(225);

    private async Task StartServer(int maxVersion)
    {
        if (_server is not null) await _server.DisposeAsync();
        _server = new GatewayServer(new GatewayOptions { Port = 0, MaxVersion = maxVersion, Accounts = ["DU111111", "DU222222"] }, _backend, _time);
        _server.Start();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(176)]
    [InlineData(193)]
    [InlineData(200)]
    [InlineData(203)]
    [InlineData(213)]
    [InlineData(225)]
    public async Task Start_api_gets_accounts_next_id_and_farm_notices_at_every_version(int maxVersion)
    {
        await StartServer(maxVersion);
        _backend.NextId = 17;
        var client = await TestClient.ConnectAsync(_server.Port, 100, 225);
        await using var _ = client;
        Assert.Equal(maxVersion, client.ServerVersion);
        Assert.Equal("20261120 10:00:00 EST", client.ConnectionTime); // 15:00 UTC is 10:00 in New York in November

        await client.SendAsync(new StartApiRequest { ClientId = 7 });
        var first = await client.NextAsync();
        Assert.Equal("DU111111,DU222222", Assert.IsType<ManagedAccounts>(first.Message).AccountsList);
        var expected = maxVersion >= 207 ? WireEncoding.Protobuf : WireEncoding.Text;
        Assert.Equal(expected, first.Encoding);
        Assert.Equal(17, (await client.ExpectAsync<NextValidId>()).OrderId);
        Assert.Equal(2104, (await client.NextAsync()).Message is ErrorMessage e1 ? e1.ErrorCode : 0);
        Assert.Equal(2106, ((ErrorMessage)(await client.NextAsync()).Message!).ErrorCode);
        Assert.Equal(2158, ((ErrorMessage)(await client.NextAsync()).Message!).ErrorCode);
    }

    [Theory]
    [InlineData("2027-01-15T15:00:00Z", "20270115 10:00:00 EST")]
    [InlineData("2027-07-01T15:00:00Z", "20270701 11:00:00 EDT")]
    [InlineData("2027-03-14T06:59:59Z", "20270314 01:59:59 EST")] // the second before clocks go forward
    [InlineData("2027-03-14T07:00:00Z", "20270314 03:00:00 EDT")]
    [InlineData("2027-11-07T05:30:00Z", "20271107 01:30:00 EDT")] // 01:30 comes twice when clocks go back
    [InlineData("2027-11-07T06:30:00Z", "20271107 01:30:00 EST")]
    public async Task The_connection_time_is_the_gateways_local_time_with_the_name_of_its_zone(string utc, string expected)
    {
        _time.SetTime(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));
        await using var client = await TestClient.ConnectAsync(_server.Port);
        Assert.Equal(expected, client.ConnectionTime);
    }

    [Fact]
    public async Task The_connection_time_follows_the_configured_zone()
    {
        if (_server is not null) await _server.DisposeAsync();
        _server = new GatewayServer(new GatewayOptions { Port = 0, TimeZone = TradingDesk.Simulator.Catalogue.ExchangeTimeZone.Central }, _backend, _time);
        _server.Start();
        await using var client = await TestClient.ConnectAsync(_server.Port);
        Assert.Equal("20261120 09:00:00 CST", client.ConnectionTime);
    }

    [Fact]
    public async Task Negotiates_the_highest_version_inside_both_ranges()
    {
        await StartServer(213);
        await using var client = await TestClient.ConnectAsync(_server.Port, 157, 178);
        Assert.Equal(178, client.ServerVersion);
    }

    [Fact]
    public async Task A_range_the_gateway_cannot_meet_gets_its_version_and_a_close()
    {
        await StartServer(203);
        await using var client = await TestClient.ConnectAsync(_server.Port, 213, 225);
        Assert.Equal(203, client.ServerVersion); // below the client's minimum: the client must give up
        Assert.Null(await client.Closed.Task.WaitAsync(TestClient.DefaultTimeout));
    }

    [Fact]
    public async Task A_duplicate_client_id_gets_326_and_is_closed()
    {
        var (first, _, _) = await TestClient.StartAsync(_server.Port, clientId: 5);
        await using var _1 = first;
        await using var second = await TestClient.ConnectAsync(_server.Port);
        await second.SendAsync(new StartApiRequest { ClientId = 5 });
        var error = await second.ExpectErrorAsync(326);
        Assert.Equal(-1, error.Id);
        Assert.Null(await second.Closed.Task.WaitAsync(TestClient.DefaultTimeout));

        // The first client is untouched.
        await first.SendAsync(new CurrentTimeRequest());
        Assert.Equal(Start.ToUnixTimeSeconds(), (await first.ExpectAsync<CurrentTime>()).CurrentTime_);
    }

    [Fact]
    public async Task Current_time_ids_and_accounts_are_answered_from_the_gateway_clock()
    {
        var (client, _, _) = await TestClient.StartAsync(_server.Port, clientId: 1);
        await using var _1 = client;
        _time.Advance(TimeSpan.FromSeconds(90));
        await client.SendAsync(new CurrentTimeInMillisRequest());
        Assert.Equal(Start.AddSeconds(90).ToUnixTimeMilliseconds(), (await client.ExpectAsync<CurrentTimeInMillis>()).CurrentTimeInMillis_);
        _backend.NextId = 1000;
        await client.SendAsync(new IdsRequest { NumIds = 1 });
        Assert.Equal(1000, (await client.ExpectAsync<NextValidId>()).OrderId);
    }

    [Fact]
    public async Task Text_requests_are_accepted_at_protobuf_versions()
    {
        var (client, _, _) = await TestClient.StartAsync(_server.Port, clientId: 1);
        await using var _1 = client;
        await client.SendAsync(new CurrentTimeRequest(), WireEncoding.Text);
        Assert.Equal(Start.ToUnixTimeSeconds(), (await client.ExpectAsync<CurrentTime>()).CurrentTime_);
    }

    [Fact]
    public async Task Other_requests_reach_the_backend_in_order()
    {
        var (client, _, _) = await TestClient.StartAsync(_server.Port, clientId: 3);
        await using var _1 = client;
        await client.SendAsync(new PositionsRequest());
        await client.SendAsync(new CancelPositions());
        Assert.IsType<PositionsRequest>((await _backend.Requests.Reader.ReadAsync()).Request);
        Assert.IsType<CancelPositions>((await _backend.Requests.Reader.ReadAsync()).Request);
    }

    [Fact]
    public async Task More_than_50_messages_in_a_second_get_error_100()
    {
        var (client, _, _) = await TestClient.StartAsync(_server.Port, clientId: 1);
        await using var _1 = client;
        // The test clock does not move, so all 60 arrive within the same instant.
        for (var i = 0; i < 60; i++) await client.SendAsync(new CurrentTimeRequest());
        var error = await client.ExpectErrorAsync(100);
        Assert.Contains("Max rate of messages per second has been exceeded", error.ErrorMsg);
    }

    [Fact]
    public async Task A_malformed_request_gets_321_and_the_connection_goes_on()
    {
        var (client, _, _) = await TestClient.StartAsync(_server.Port, clientId: 1, maxVersion: 176);
        await using var _1 = client;
        await client.SendRawAsync([0, 0, 0, 6, (byte)'8', 0, (byte)'1', 0, (byte)'x', 0]); // reqIds with numIds "x"
        var error = await client.ExpectErrorAsync(321);
        Assert.Contains("numIds", error.ErrorMsg);
        await client.SendAsync(new CurrentTimeRequest());
        await client.ExpectAsync<CurrentTime>();
    }

    [Fact]
    public async Task A_hostile_length_drops_only_that_client()
    {
        var (bad, _, _) = await TestClient.StartAsync(_server.Port, clientId: 1);
        var (good, _, _) = await TestClient.StartAsync(_server.Port, clientId: 2);
        await using var _1 = bad;
        await using var _2 = good;
        await bad.SendRawAsync([0xFF, 0xFF, 0xFF, 0xFF]);
        await bad.Closed.Task.WaitAsync(TestClient.DefaultTimeout);
        await good.SendAsync(new CurrentTimeRequest());
        await good.ExpectAsync<CurrentTime>();
    }
}
