using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Routing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.OptionMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// A chain's overall deadline on the TestScheduler, through a router whose pacer is a probe: the parts that never
/// answer are cancelled with the chain (their request actors stop and withdraw what they had queued).
/// </summary>
public sealed class OptionChainDeadlineRouterTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly DateTimeOffset At = DateTimeOffset.UnixEpoch;
    private static readonly ContractSpec Xyz = Contract.Stock("XYZ") with { ConId = new ConId(4711) };

    private (IActorRef Router, TestProbe Pacer) StartRouter(TimeSpan chainDeadline, int serverVersion = 213)
    {
        var pacer = CreateTestProbe("pacer");
        var options = new DeskOptions { Timeouts = new RequestTimeouts { OptionChain = chainDeadline } };
        var router = Sys.ActorOf(RouterActor.Props(options, pacer.Ref, CreateTestProbe("orders").Ref), "router");
        router.Tell(new ConnectionEvents.Connected(serverVersion, "", ["DU1"], 1, false, At), CreateTestProbe("connection").Ref);
        return (router, pacer);
    }

    private static T Sent<T>(TestProbe pacer) where T : IMessage =>
        (T)pacer.FishForMessage<GatewayMessages.Outbound>(o => o.Message is T).Message;

    private static GatewayMessages.Inbound In(IMessage message) => new(message, At);

    [Fact]
    public void Past_the_chain_deadline_the_asker_hears_how_many_parts_answered_and_the_silent_one_is_cancelled()
    {
        var (router, pacer) = StartRouter(TimeSpan.FromSeconds(45));
        router.Tell(new GetOptionChain(Xyz, new OptionChainFilter { FromExpiry = "20270101", ToExpiry = "20270331" }), TestActor);

        var parameters = Sent<SecDefOptParamsRequest>(pacer);
        router.Tell(In(new SecDefOptParameter
        {
            ReqId = parameters.ReqId, Exchange = "SMART", UnderlyingConId = 4711, TradingClass = "XYZ", Multiplier = "100",
            Expirations = { "20270115", "20270219" }, Strikes = { 100 },
        }), pacer.Ref);
        router.Tell(In(new SecDefOptParameterEnd { ReqId = parameters.ReqId }), pacer.Ref);

        var parts = new[] { Sent<ContractDataRequest>(pacer), Sent<ContractDataRequest>(pacer) };
        var answered = parts.Single(p => p.Contract.LastTradeDateOrContractMonth == "20270115");
        var silent = parts.Single(p => p.Contract.LastTradeDateOrContractMonth == "20270219");
        var option = answered.Contract.Clone();
        option.Strike = 100;
        option.Right = "C";
        option.ConId = 9001;
        option.TradingClass = "XYZ";
        router.Tell(In(new ContractData { ReqId = answered.ReqId, Contract = option, ContractDetails = new ContractDetails() }), pacer.Ref);
        router.Tell(In(new ContractDataEnd { ReqId = answered.ReqId }), pacer.Ref);
        // The answered part's request actor has finished: its withdrawal says the answer was taken in.
        pacer.FishForMessage<GatewayMessages.Withdraw>(w => w.Key is RouterInternal.RequestKey k && k.RequestId == answered.ReqId);

        // The chain's timer was armed before its first part was sent; the parts' own deadlines start only when the
        // pacer reports them sent, which this probe never does, so only the chain's deadline can fire.
        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromSeconds(45));
        var failed = ExpectMsg<RequestFailed>();
        var timedOut = Assert.IsType<OptionChainTimedOut>(failed.Failure);
        Assert.Equal((TimeSpan.FromSeconds(45), 2, 3), (timedOut.After, timedOut.Answered, timedOut.Parts));
        pacer.FishForMessage<GatewayMessages.Withdraw>(w => w.Key is RouterInternal.RequestKey k && k.RequestId == silent.ReqId);
    }

    [Fact]
    public void The_deadline_also_bounds_a_chain_still_waiting_for_its_parameters()
    {
        var (router, pacer) = StartRouter(TimeSpan.FromSeconds(20));
        router.Tell(new GetOptionChain(Xyz, new OptionChainFilter()), TestActor);
        var parameters = Sent<SecDefOptParamsRequest>(pacer);
        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromSeconds(20));
        var timedOut = Assert.IsType<OptionChainTimedOut>(ExpectMsg<RequestFailed>().Failure);
        Assert.Equal((0, 1), (timedOut.Answered, timedOut.Parts));
        pacer.FishForMessage<GatewayMessages.Withdraw>(w => w.Key is RouterInternal.RequestKey k && k.RequestId == parameters.ReqId);
    }

    [Fact]
    public void From_server_version_215_a_part_the_gateway_had_is_cancelled_there_when_the_chain_gives_up()
    {
        var (router, pacer) = StartRouter(TimeSpan.FromSeconds(45), serverVersion: 215);
        router.Tell(new GetOptionChain(Xyz, new OptionChainFilter { FromExpiry = "20270101", ToExpiry = "20270331" }), TestActor);
        var parameters = Sent<SecDefOptParamsRequest>(pacer);
        router.Tell(In(new SecDefOptParameter
        {
            ReqId = parameters.ReqId, Exchange = "SMART", UnderlyingConId = 4711, TradingClass = "XYZ", Multiplier = "100",
            Expirations = { "20270115" }, Strikes = { 100 },
        }), pacer.Ref);
        router.Tell(In(new SecDefOptParameterEnd { ReqId = parameters.ReqId }), pacer.Ref);

        // The part leaves the pacer (its Sent starts its own deadline), then the gateway stays silent.
        var part = pacer.FishForMessage<GatewayMessages.Outbound>(o => o.Message is ContractDataRequest);
        var key = Assert.IsType<RouterInternal.RequestKey>(part.Key);
        key.Owner.Tell(new Pacing.PacerMessages.Sent(key, At), pacer.Ref);
        ((TestScheduler)Sys.Scheduler).Advance(TimeSpan.FromSeconds(45));

        Assert.IsType<OptionChainTimedOut>(ExpectMsg<RequestFailed>().Failure);
        Assert.Equal(key.RequestId, Sent<CancelContractData>(pacer).ReqId);
    }

    [Fact]
    public void Below_215_contract_details_have_no_cancel()
    {
        var command = new ReferenceDataMessages.GetContractDetails(Xyz);
        Assert.Null(new Requests.ContractDetailsPlan(command, new DateOnly(2027, 1, 4), cancellable: false).Cancel(7));
        Assert.Equal(7, Assert.IsType<CancelContractData>(new Requests.ContractDetailsPlan(command, new DateOnly(2027, 1, 4), cancellable: true).Cancel(7)).ReqId);
    }
}
