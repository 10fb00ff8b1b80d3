using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>
/// Restarted request and line actors start from fresh state. Props.Create evaluates its arguments once, so every
/// incarnation gets the same plan object: without care a restarted request would answer with the parts its failed
/// incarnation collected, and a restarted line would know only its first subscriber.
/// </summary>
public sealed class RestartTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private const int Id = 1_000_000_001;

    /// <summary>Collects the symbols of ContractData until ContractDataEnd; throws on the symbol "POISON".</summary>
    private sealed class SymbolsPlan : RequestPlan
    {
        private readonly List<string> _symbols = [];
        public override object Command => "symbols";
        public override TimeSpan Timeout(RequestTimeouts timeouts) => timeouts.OneShot;
        public override IMessage Build(int requestId) => new ContractDataRequest { ReqId = requestId };
        public override IMessage? Cancel(int requestId) => new CancelMarketData { ReqId = requestId };
        public override void Reset() => _symbols.Clear();
        public override Step Accept(IMessage message, DateTimeOffset receivedAt)
        {
            switch (message)
            {
                case ContractData { Contract.Symbol: "POISON" }: throw new FormatException("an answer the plan cannot read");
                case ContractData d: _symbols.Add(d.Contract.Symbol); return Step.Continue.Instance;
                case ContractDataEnd: return new Step.Complete(string.Join(",", _symbols));
                default: return Step.Continue.Instance;
            }
        }
    }

    /// <summary>Market data whose "POISON" tick (price 666) throws in the mapping.</summary>
    private sealed class PoisonedTicks : StreamPlan
    {
        public override object Command => "ticks";
        public override IMessage Build(int requestId) => new MarketDataRequest { ReqId = requestId };
        public override IMessage Cancel(int requestId) => new CancelMarketData { ReqId = requestId };
        public override object? Map(IMessage message, SubscriptionId id, DateTimeOffset receivedAt) =>
            message is TickPrice { Price: 666 } ? throw new FormatException("a tick the plan cannot read") : StreamMapping.ToTick(message, id, receivedAt);
    }

    private static GatewayMessages.Inbound In(IMessage m) => new(m, DateTimeOffset.UnixEpoch);

    private static ContractData Data(string symbol) => new() { ReqId = Id, Contract = new IBApi.protobuf.Contract { Symbol = symbol } };

    [Fact]
    public void A_restarted_request_answers_once_with_only_what_its_own_incarnation_collected()
    {
        var pacer = CreateTestProbe("pacer");
        var request = Sys.ActorOf(RequestActor.Props(new SymbolsPlan(), TestActor, pacer.Ref, Id, new RequestTimeouts(), connected: true));
        Assert.IsType<ContractDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);
        request.Tell(new Pacing.PacerMessages.Sent(new Routing.RouterInternal.RequestKey(request, Id), DateTimeOffset.UnixEpoch), ActorRefs.NoSender);
        request.Tell(In(Data("AAPL")), ActorRefs.NoSender);
        request.Tell(In(Data("POISON")), ActorRefs.NoSender);

        // The failed incarnation takes its request back and cancels it; the next one asks again under the same id.
        pacer.ExpectMsg<GatewayMessages.Withdraw>();
        Assert.IsType<CancelMarketData>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);
        Assert.Equal(Id, Assert.IsType<ContractDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message).ReqId);
        request.Tell(In(Data("MSFT")), ActorRefs.NoSender);
        request.Tell(In(new ContractDataEnd { ReqId = Id }), ActorRefs.NoSender);
        Assert.Equal("MSFT", ExpectMsg<string>()); // not "AAPL,MSFT": the plan was reset
        ExpectNoMsg(DeskTestKit.Quiet); // and no "cancelled" from the failed incarnation
    }

    [Fact]
    public void A_restarted_line_keeps_every_subscriber()
    {
        var pacer = CreateTestProbe("pacer");
        var second = CreateTestProbe("second");
        var line = Sys.ActorOf(SubscriptionActor.Props(new PoisonedTicks(), new SubscriptionId(1), TestActor, pacer.Ref, Id));
        pacer.ExpectMsg<GatewayMessages.Outbound>();
        line.Tell(new Routing.RouterInternal.AddSubscriber(second.Ref), ActorRefs.NoSender);
        line.Tell(In(new TickPrice { ReqId = Id, TickType = 1, Price = 666 }), ActorRefs.NoSender);

        // The failed incarnation cancels the line; the next one requests it again.
        pacer.ExpectMsg<GatewayMessages.Withdraw>();
        Assert.IsType<CancelMarketData>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);
        Assert.IsType<MarketDataRequest>(pacer.ExpectMsg<GatewayMessages.Outbound>().Message);
        line.Tell(In(new TickPrice { ReqId = Id, TickType = 1, Price = 10 }), ActorRefs.NoSender);
        Assert.Equal(10m, ExpectMsg<Tick>().Price);
        Assert.Equal(10m, second.ExpectMsg<Tick>().Price); // the second subscriber survived the restart
    }
}
