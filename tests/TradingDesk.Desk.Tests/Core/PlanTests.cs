using IBApi.protobuf;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Requests;
using TradingDesk.Desk.Routing;
using Xunit;
using static TradingDesk.Desk.Messages.AccountMessages;
using static TradingDesk.Desk.Messages.HistoricalDataMessages;
using static TradingDesk.Desk.Messages.MarketDataMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The pure request and stream plans: what goes on the wire and what strategies get back.</summary>
public sealed class PlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);
    private static readonly SubscriptionId Sub = new(7);

    [Fact]
    public void Tick_by_tick_items_carry_gateway_time_and_decimals()
    {
        var plan = new TickByTickStream(new SubscribeTickByTick(Contract.Stock("AAPL"), TickByTickType.BidAsk));
        var request = Assert.IsType<TickByTickRequest>(plan.Build(1_000_000_001));
        Assert.Equal(("BidAsk", 1_000_000_001), (request.TickType, request.ReqId));
        Assert.Equal(1_000_000_001, Assert.IsType<CancelTickByTick>(plan.Cancel(1_000_000_001)).ReqId);
        var item = Assert.IsType<TickByTick>(plan.Map(new TickByTickData
        {
            ReqId = 1, TickType = 3,
            HistoricalTickBidAsk = new HistoricalTickBidAsk { Time = 1_772_463_600, PriceBid = 10.25, PriceAsk = 10.5, SizeBid = "100", SizeAsk = "200" },
        }, Sub, Now));
        Assert.Equal((10.25m, 10.5m, 100m, 200m), (item.BidPrice!.Value, item.AskPrice!.Value, item.BidSize!.Value, item.AskSize!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_772_463_600), item.GatewayTime);
        Assert.Equal((Sub, Now), (item.Subscription, item.LocalTime));
    }

    [Fact]
    public void Depth_bars_pnl_and_account_items_map_to_typed_records()
    {
        var depth = new DepthStream(new SubscribeDepth(Contract.Stock("AAPL"), 5));
        var update = Assert.IsType<DepthUpdate>(depth.Map(new MarketDepthL2 { ReqId = 1, MarketDepthData = new MarketDepthData { Position = 2, Operation = 1, Side = 1, Price = 99.5, Size = "300", MarketMaker = "NSDQ" } }, Sub, Now));
        Assert.Equal((2, DepthOperation.Update, DepthSide.Bid, 99.5m, 300m, "NSDQ"), (update.Position, update.Operation, update.Side, update.Price!.Value, update.Size, update.MarketMaker));

        var bars = new RealTimeBarsStream(new SubscribeRealTimeBars(Contract.Stock("AAPL")));
        Assert.Equal(5, Assert.IsType<RealTimeBarsRequest>(bars.Build(1)).BarSize);
        var bar = Assert.IsType<RealTimeBar>(bars.Map(new RealTimeBarTick { ReqId = 1, Time = 1_772_463_600, Open = 1, High = 2, Low = 0.5, Close = 1.5, Volume = "1000", WAP = "1.25", Count = 9 }, Sub, Now));
        Assert.Equal((1.5m, 1000m, 1.25m, 9), (bar.Close!.Value, bar.Volume, bar.Wap!.Value, bar.Count));

        var pnl = new PnLSingleStream(new SubscribePnLSingle(new AccountId("DU1"), new ConId(265598)));
        Assert.Equal(265598, Assert.IsType<PnLSingleRequest>(pnl.Build(1)).ConId);
        var item = Assert.IsType<PnLSingleItem>(pnl.Map(new PnLSingle { ReqId = 1, Position = "100", DailyPnL = 12.5, UnrealizedPnL = double.MaxValue, RealizedPnL = 0, Value = 15000 }, Sub, Now));
        Assert.Equal(100m, item.Position);
        Assert.Equal(12.5m, item.Daily);
        Assert.Null(item.Unrealized); // IB's unset sentinel

        var account = new AccountUpdatesStream(new SubscribeAccountUpdates(new AccountId("DU1")));
        Assert.False(Assert.IsType<AccountDataRequest>(account.Cancel(0)).Subscribe);
        var value = Assert.IsType<AccountValueItem>(account.Map(new AccountValue { Key = "NetLiquidation", Value = "1000.5", Currency = "USD", AccountName = "DU1" }, Sub, Now));
        Assert.Equal(1000.5m, value.Amount);
    }

    [Fact]
    public void Keep_up_to_date_bars_deliver_the_history_then_updates()
    {
        var plan = new HistoricalKeepUpStream(new SubscribeHistoricalBars(Contract.Stock("AAPL"), "1 D", "1 min"));
        Assert.True(Assert.IsType<HistoricalDataRequest>(plan.Build(1)).KeepUpToDate);
        Assert.Null(plan.Map(new HistoricalData { ReqId = 1, HistoricalDataBars = { new HistoricalDataBar { Date = "20260302 10:00:00", Close = 1, Volume = "5" } } }, Sub, Now));
        var history = Assert.IsType<HistoricalBars>(plan.Map(new HistoricalDataEnd { ReqId = 1, StartDateStr = "a", EndDateStr = "b" }, Sub, Now));
        Assert.Single(history.Bars);
        Assert.IsType<BarUpdate>(plan.Map(new HistoricalDataUpdate { ReqId = 1, HistoricalDataBar = new HistoricalDataBar { Date = "x", Close = 2 } }, Sub, Now));
    }

    [Fact]
    public void Multi_part_requests_fold_until_their_end()
    {
        var bars = new HistoricalBarsPlan(new GetHistoricalBars(Contract.Stock("AAPL"), "1 D", "1 min"));
        Assert.IsType<Step.Continue>(bars.Accept(new HistoricalData { ReqId = 1, HistoricalDataBars = { new HistoricalDataBar { Close = 1 }, new HistoricalDataBar { Close = 2 } } }, Now));
        var done = Assert.IsType<HistoricalBars>(Assert.IsType<Step.Complete>(bars.Accept(new HistoricalDataEnd { ReqId = 1 }, Now)).Reply);
        Assert.Equal([1m, 2m], done.Bars.Select(b => b.Close!.Value));

        var head = new HeadTimestampPlan(new GetHeadTimestamp(Contract.Stock("AAPL")));
        var reply = Assert.IsType<HeadTimestampReply>(Assert.IsType<Step.Complete>(head.Accept(new HeadTimestamp { ReqId = 1, HeadTimestamp_ = "20040102-14:30:00" }, Now)).Reply);
        Assert.Equal(new DateTimeOffset(2004, 1, 2, 14, 30, 0, TimeSpan.Zero), reply.GatewayTime);
    }

    [Fact]
    public void Lines_are_keyed_by_conId_or_by_every_field_and_generic_ticks_are_normalised()
    {
        Assert.Equal(RouterActor.ContractKey(Contract.ById(265598, SecType.Stock)), RouterActor.ContractKey(Contract.ById(265598, SecType.Stock) with { Symbol = "AAPL" }));
        Assert.NotEqual(RouterActor.ContractKey(Contract.Stock("AAPL")), RouterActor.ContractKey(Contract.Stock("AAPL", currency: "EUR")));
        Assert.Equal("100,233", RouterActor.NormaliseTicks(" 233, 100 ,233"));
    }
}
