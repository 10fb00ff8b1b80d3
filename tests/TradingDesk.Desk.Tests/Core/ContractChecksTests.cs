using Akka.Actor;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Routing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using static TradingDesk.Desk.Messages.ReferenceDataMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// A contract that could not go out as it is (a control character would forge a field of a text frame) is refused
/// before anything is sent, by every command that sends one: the market data streams and the contract one-shots.
/// </summary>
public sealed class ContractChecksTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly ContractSpec Forged = Contract.Stock("AAPL") with { Exchange = "SMART\0forged" };

    [Fact]
    public void A_control_character_in_any_field_is_refused_naming_the_field_and_shown_escaped()
    {
        Assert.Equal("the exchange 'SMART\\u0000forged' contains a control character", ContractChecks.Problem(Forged));
        Assert.Contains("local symbol", ContractChecks.Problem(Contract.Stock("AAPL") with { LocalSymbol = "A\nB" }));
        Assert.Contains("at most 128", ContractChecks.Problem(Contract.Stock(new string('A', 129))));
        Assert.Equal("the contract needs a symbol or a conId", ContractChecks.Problem(new ContractSpec { Symbol = " ", SecType = SecType.Stock }));
        Assert.Null(ContractChecks.Problem(new ContractSpec { Symbol = "", SecType = SecType.Stock, ConId = new ConId(265598) }));
        Assert.Null(ContractChecks.Problem(Contract.Stock("AAPL")));
    }

    public static TheoryData<IDeskCommand> CommandsWithAForgedContract => new()
    {
        new SubscribeMarketData(Forged),
        new SubscribeTickByTick(Forged, TickByTickType.BidAsk),
        new SubscribeDepth(Forged),
        new SubscribeRealTimeBars(Forged),
        new SubscribeHistoricalBars(Forged, "1800 S", "1 min"),
        new GetMarketDataSnapshot(Forged),
        new GetContractDetails(Forged),
        new GetHistoricalBars(Forged, "1 D", "5 mins"),
        new GetHeadTimestamp(Forged),
    };

    [Theory]
    [MemberData(nameof(CommandsWithAForgedContract))]
    public void The_router_refuses_it_and_sends_nothing(IDeskCommand command)
    {
        var pacer = CreateTestProbe("pacer");
        var router = Sys.ActorOf(RouterActor.Props(new DeskOptions(), pacer.Ref, CreateTestProbe("orders").Ref), "router");
        router.Tell(new ConnectionEvents.Connected(225, "", ["DU1"], 1, false, DateTimeOffset.UnixEpoch), CreateTestProbe("connection").Ref);

        router.Tell(command, TestActor);
        var failed = ExpectMsg<RequestFailed>();
        Assert.Equal(command, failed.Request);
        Assert.Contains("exchange 'SMART\\u0000forged'", Assert.IsType<InvalidRequest>(failed.Failure).Problem);

        // A request after it is the first thing the pacer is given: the refused one never reached it.
        router.Tell(new GetCurrentTime(), TestActor);
        Assert.IsType<CurrentTimeInMillisRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);
    }
}
