using TradingDesk.Desk.Tests.Support;
using TradingDesk.Desk.Connection;
using TradingDesk.Desk.Gateway;
using TradingDesk.Simulator;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>
/// A gateway that refuses the session sends an error with id −1 and closes the socket: the desk's Disconnected names
/// that error (code and text), not the EOF that follows it.
/// </summary>
public sealed class SessionRefusalTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(15))
{
    private static Task<GatewaySimulator> Simulator(int maxClients = 32) => GatewaySimulator.StartAsync(new SimulatorOptions
    {
        Port = 0, Seed = 31, ClockMode = ClockMode.Manual, Start = SimulatorOptions.DefaultManualStart, MaxClients = maxClients,
    });

    private static DeskOptions DeskFor(GatewaySimulator sim, int clientId, int? maxReconnects = null) => new()
    {
        Port = sim.Port, ClientId = clientId, PacerStatusInterval = TimeSpan.Zero, MaxReconnectAttempts = maxReconnects,
        BackoffUnit = TimeSpan.FromMilliseconds(50), BackoffCap = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task A_second_desk_with_a_client_id_in_use_is_disconnected_with_error_326()
    {
        await using var sim = await Simulator();
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(events.Ref);
        Sys.EventStream.Subscribe<ConnectionEvents.Disconnected>(events.Ref);
        DeskSystem.Start(Sys, DeskFor(sim, 7), "desk-first");
        events.ExpectMsg<ConnectionEvents.Connected>();

        // The first desk stays connected, so every Disconnected from here on is the second desk's.
        DeskSystem.Start(Sys, DeskFor(sim, 7, maxReconnects: 0), "desk-second");
        var down = events.ExpectMsg<ConnectionEvents.Disconnected>();
        Assert.Equal(326, down.GatewayErrorCode);
        Assert.StartsWith("error 326: Unable to connect as the client id is already in use", down.Reason);
        Assert.DoesNotContain("EOF", down.Reason);
        events.ExpectNoMsg(TimeSpan.FromMilliseconds(300)); // the refusal is one Disconnected, and the first desk stays up
    }

    [Fact]
    public async Task A_gateway_at_its_client_limit_disconnects_with_error_502()
    {
        await using var sim = await Simulator(maxClients: 1);
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(events.Ref);
        Sys.EventStream.Subscribe<ConnectionEvents.Disconnected>(events.Ref);
        DeskSystem.Start(Sys, DeskFor(sim, 7), "desk-first");
        events.ExpectMsg<ConnectionEvents.Connected>();

        DeskSystem.Start(Sys, DeskFor(sim, 8, maxReconnects: 0), "desk-second");
        var down = events.ExpectMsg<ConnectionEvents.Disconnected>();
        Assert.Equal(502, down.GatewayErrorCode);
        Assert.StartsWith("error 502: Couldn't connect to TWS", down.Reason);
    }

    [Fact]
    public async Task A_link_that_simply_closes_carries_no_gateway_error()
    {
        await using var sim = await Simulator();
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(events.Ref);
        Sys.EventStream.Subscribe<ConnectionEvents.Disconnected>(events.Ref);
        DeskSystem.Start(Sys, DeskFor(sim, 7, maxReconnects: 0));
        events.ExpectMsg<ConnectionEvents.Connected>();
        sim.Faults.DropAllConnections();
        Assert.Null(events.ExpectMsg<ConnectionEvents.Disconnected>().GatewayErrorCode);
    }

    [Theory]
    [InlineData(-1, 326, true)]
    [InlineData(-1, 502, true)]
    [InlineData(-1, 503, true)]
    [InlineData(12, 326, false)]  // a request's error is never the session's
    [InlineData(-1, 1100, false)] // the gateway lost IB, the API session stays
    [InlineData(-1, 2104, false)] // farm status after a successful start
    [InlineData(-1, 100, false)]  // pacing: a warning about this session, not a refusal
    public void Only_session_errors_without_a_request_id_refuse_the_session(int id, int code, bool refuses) =>
        Assert.Equal(refuses, SessionRefusal.Refuses(new Tws.ErrorMessage { Id = id, ErrorCode = code, ErrorMsg = "text" }));
}
