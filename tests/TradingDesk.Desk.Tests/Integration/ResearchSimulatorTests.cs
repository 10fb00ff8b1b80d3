using TradingDesk.Desk.Tests.Support;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Simulator;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.TickHistoryMessages;
using static TradingDesk.Desk.Messages.WshMessages;

namespace TradingDesk.Desk.Tests.Integration;

/// <summary>Tick history and Wall Street Horizon through the whole desk against the whole simulator, over the wire.</summary>
public sealed class ResearchSimulatorTests(ITestOutputHelper output)
    : DeskTestKit(output, Hocon.RealTime(15)), IAsyncLifetime
{
    private static readonly ContractSpec Aapl = Contract.Stock("AAPL");
    private GatewaySimulator _sim = null!;
    private IActorRef _desk = ActorRefs.Nobody;

    public async Task InitializeAsync()
    {
        _sim = await GatewaySimulator.StartAsync(new SimulatorOptions { Port = 0, Seed = 3, Start = SimulatorOptions.DefaultManualStart });
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        _desk = DeskSystem.Start(Sys, new DeskOptions { Port = _sim.Port, ClientId = 9, PacerStatusInterval = TimeSpan.Zero });
        connected.ExpectMsg<ConnectionEvents.Connected>();
    }

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    private DateTimeOffset GatewayNow()
    {
        _desk.Tell(new ReferenceDataMessages.GetCurrentTime(), TestActor);
        return ExpectMsg<ReferenceDataMessages.CurrentTimeReply>().GatewayTime;
    }

    [Theory]
    [InlineData(HistoricalTicksKind.Trades)]
    [InlineData(HistoricalTicksKind.BidAsk)]
    [InlineData(HistoricalTicksKind.Midpoint)]
    public void Historical_ticks_of_each_kind_arrive_typed_and_in_time_order(HistoricalTicksKind kind)
    {
        var end = GatewayNow();
        _desk.Tell(new GetHistoricalTicks(Aapl, kind, null, end, 20), TestActor);
        var reply = ExpectMsg<HistoricalTicks>(TimeSpan.FromSeconds(30));
        Assert.Equal(kind, reply.What);
        Assert.InRange(reply.Ticks.Count, 1, 20);
        Assert.Equal(reply.Ticks.Select(t => t.Time).Order(), reply.Ticks.Select(t => t.Time));
        Assert.All(reply.Ticks, t => Assert.True(t.Time <= end));
        if (kind == HistoricalTicksKind.BidAsk) Assert.All(reply.Ticks, t => Assert.True(t.BidPrice < t.AskPrice));
        else Assert.All(reply.Ticks, t => Assert.True(t.Price > 0));
    }

    [Fact]
    public void Histogram_and_schedule_come_from_the_simulated_sessions()
    {
        _desk.Tell(new GetHistogram(Aapl, "1 week"), TestActor);
        var histogram = ExpectMsg<Histogram>(TimeSpan.FromSeconds(30));
        Assert.NotEmpty(histogram.Entries);
        Assert.All(histogram.Entries, e => Assert.True(e.Price > 0 && e.Size > 0));

        _desk.Tell(new GetHistoricalSchedule(Aapl, "1 W"), TestActor);
        var schedule = ExpectMsg<HistoricalSchedule>(TimeSpan.FromSeconds(30));
        Assert.NotEmpty(schedule.Sessions);
        Assert.False(string.IsNullOrEmpty(schedule.TimeZone));
        Assert.All(schedule.Sessions, s => Assert.Matches("^[0-9]{8}$", s.RefDate));
    }

    [Fact]
    public void Wsh_events_before_the_metadata_fail_only_their_requester_then_succeed()
    {
        var early = CreateTestProbe();
        early.Send(_desk, new GetWshEvents(ConId: new ConId(265598)));
        var failure = Assert.IsType<GatewayError>(early.ExpectMsg<RequestFailed>().Failure);
        Assert.Equal(10282, failure.Code);

        _desk.Tell(new GetWshMetaData(), TestActor);
        using (var meta = System.Text.Json.JsonDocument.Parse(ExpectMsg<WshMetaData>().Json))
            Assert.True(meta.RootElement.TryGetProperty("meta_data", out _));
        _desk.Tell(new GetWshEvents(ConId: new ConId(265598), Limit: 5), TestActor);
        using (var events = System.Text.Json.JsonDocument.Parse(ExpectMsg<WshEvents>().Json))
            Assert.InRange(events.RootElement.GetArrayLength(), 1, 5);
        early.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }
}
