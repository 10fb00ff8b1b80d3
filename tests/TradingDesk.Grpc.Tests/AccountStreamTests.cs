using System.Globalization;
using Grpc.Core;
using IBApi.protobuf;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Contract = TradingDesk.Desk.Domain.Contract;
using Order = TradingDesk.Desk.Domain.Order;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// The account calls against a real desk and the simulator (one managed account, DU111111): the managed accounts, the
/// account updates stream (its first download, its end, the portfolio after a fill), the P&amp;L of one position, and
/// each stream's gateway request cancelled when its call ends.
/// </summary>
public sealed class AccountStreamTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private const string Account = "DU111111";
    private static readonly W.ContractSpec Msft = Contract.Stock("MSFT").ToWire();

    [Fact]
    public async Task Managed_accounts_are_the_logins_accounts()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        var accounts = await desk.Client.GetManagedAccountsAsync(new W.GetManagedAccounts(), GrpcDesk.Reader);

        Assert.Equal([Account], accounts.Accounts);
        Assert.NotNull(accounts.LocalTime);
    }

    [Fact]
    public async Task Account_updates_stream_the_first_download_then_its_end_and_cancelling_ends_the_subscription()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var call = desk.Client.StreamAccountUpdates(new W.SubscribeAccountUpdates { Account = Account }, GrpcDesk.Reader);

        var (end, before) = await Calls.UntilAsync(call.ResponseStream, e => e.KindCase == W.AccountUpdatesEvent.KindOneofCase.End);

        Assert.Equal(Account, end.End.Account);
        var netLiquidation = Assert.Single(before, e => e.KindCase == W.AccountUpdatesEvent.KindOneofCase.Value && e.Value.Key == "NetLiquidation").Value;
        Assert.Equal((Account, "USD"), (netLiquidation.Account, netLiquidation.Currency));
        Assert.True(decimal.Parse(netLiquidation.Amount, CultureInfo.InvariantCulture) > 0, $"net liquidation {netLiquidation.Value}");
        var time = Assert.Single(before, e => e.KindCase == W.AccountUpdatesEvent.KindOneofCase.AccountTime).AccountTime;
        Assert.Matches(@"^\d\d:\d\d$", time.GatewayTime);
        Assert.All(before, e => Assert.Equal(end.End.Subscription, e.KindCase switch
        {
            W.AccountUpdatesEvent.KindOneofCase.Value => e.Value.Subscription,
            W.AccountUpdatesEvent.KindOneofCase.Portfolio => e.Portfolio.Subscription,
            W.AccountUpdatesEvent.KindOneofCase.AccountTime => e.AccountTime.Subscription,
            _ => -1,
        }));

        call.Dispose(); // the client cancels the call

        var cancel = await desk.Sim.RequestReadAsync<AccountDataRequest>(r => !r.Subscribe);
        Assert.Equal(Account, cancel.AcctCode);
    }

    [Fact]
    public async Task After_a_fill_the_portfolio_and_the_positions_PnL_show_the_position()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var conId = Assert.Single((await desk.Client.GetContractDetailsAsync(new W.GetContractDetails { Contract = Msft }, GrpcDesk.Reader)).Details).ConId;
        await BuyAsync(desk, 10);

        using var account = desk.Client.StreamAccountUpdates(new W.SubscribeAccountUpdates { Account = Account }, GrpcDesk.Reader);
        var (_, download) = await Calls.UntilAsync(account.ResponseStream, e => e.KindCase == W.AccountUpdatesEvent.KindOneofCase.End);
        var msft = Assert.Single(download, e => e.KindCase == W.AccountUpdatesEvent.KindOneofCase.Portfolio).Portfolio;
        Assert.Equal(("MSFT", conId, 10m, Account), (msft.Contract.Symbol, msft.Contract.ConId, decimal.Parse(msft.Position, CultureInfo.InvariantCulture), msft.Account));
        Assert.True(decimal.Parse(msft.MarketPrice, CultureInfo.InvariantCulture) > 0);

        var pnl = desk.Client.StreamPnLSingle(new W.SubscribePnLSingle { Account = Account, ConId = conId }, GrpcDesk.Reader);
        var (first, _) = await Calls.UntilAsync(pnl.ResponseStream, e => e.KindCase == W.PnLSingleEvent.KindOneofCase.Pnl);
        Assert.Equal(10m, decimal.Parse(first.Pnl.Position, CultureInfo.InvariantCulture));
        Assert.True(first.Pnl.HasValue && decimal.Parse(first.Pnl.Value, CultureInfo.InvariantCulture) > 0, "the position's market value");
        Assert.True(first.Pnl.Subscription > 0);
        var line = Assert.Single(await desk.HandledAsync<PnLSingleRequest>());
        Assert.Equal((Account, conId), (line.Account, line.ConId));

        pnl.Dispose();

        await desk.Sim.RequestReadAsync<CancelPnLSingle>(c => c.ReqId == line.ReqId);
    }

    [Fact]
    public async Task A_second_account_while_one_is_streamed_is_refused_naming_the_one_that_is()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var first = desk.Client.StreamAccountUpdates(new W.SubscribeAccountUpdates { Account = Account }, GrpcDesk.Reader);
        await first.ResponseHeadersAsync; // the desk holds the account's stream

        using var second = desk.Client.StreamAccountUpdates(new W.SubscribeAccountUpdates { Account = "DU999999" }, GrpcDesk.Other);
        var refused = await Calls.FailsWith(StatusCode.InvalidArgument, () => second.ResponseStream.MoveNext(CancellationToken.None));

        Assert.Contains(Account, Calls.Failure(refused).InvalidRequest.Problem);
        Assert.Equal([Account], (await desk.HandledAsync<AccountDataRequest>()).Select(r => r.AcctCode));
    }

    [Fact]
    public async Task The_PnL_of_a_contract_or_an_account_the_gateway_does_not_know_fails_the_stream_as_invalid_argument()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var conId = Assert.Single((await desk.Client.GetContractDetailsAsync(new W.GetContractDetails { Contract = Msft }, GrpcDesk.Reader)).Details).ConId;

        using var noContract = desk.Client.StreamPnLSingle(new W.SubscribePnLSingle { Account = Account, ConId = 1 }, GrpcDesk.Reader);
        var unknownContract = await Calls.FailsWith(StatusCode.InvalidArgument, () => noContract.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(200, Calls.Failure(unknownContract).GatewayError.Code); // no security definition

        using var noAccount = desk.Client.StreamPnLSingle(new W.SubscribePnLSingle { Account = "DU999999", ConId = conId }, GrpcDesk.Reader);
        var unknownAccount = await Calls.FailsWith(StatusCode.InvalidArgument, () => noAccount.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("DU999999", Calls.Failure(unknownAccount).GatewayError.Message);
    }

    [Fact]
    public async Task Hostile_or_missing_input_is_invalid_argument_in_the_clients_words_and_nothing_is_sent()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        using var forged = desk.Client.StreamAccountUpdates(new W.SubscribeAccountUpdates { Account = "DU111111\0forged" }, GrpcDesk.Reader);
        var control = await Calls.FailsWith(StatusCode.InvalidArgument, () => forged.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal("the account 'DU111111\\u0000forged' contains a control character", Calls.Failure(control).InvalidRequest.Problem);

        using var noConId = desk.Client.StreamPnLSingle(new W.SubscribePnLSingle { Account = Account }, GrpcDesk.Reader);
        var conId = await Calls.FailsWith(StatusCode.InvalidArgument, () => noConId.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("conId 0", Calls.Failure(conId).InvalidRequest.Problem);

        using var noAccount = desk.Client.StreamPnLSingle(new W.SubscribePnLSingle { ConId = 272093 }, GrpcDesk.Reader);
        var account = await Calls.FailsWith(StatusCode.InvalidArgument, () => noAccount.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("give the account", Calls.Failure(account).InvalidRequest.Problem);

        Assert.Empty(await desk.HandledAsync<AccountDataRequest>());
        Assert.Empty(await desk.HandledAsync<PnLSingleRequest>());
    }

    private static async Task BuyAsync(GrpcDesk desk, decimal quantity)
    {
        using var updates = desk.Client.StreamOrderUpdates(new W.SubscribeOrderUpdates(), GrpcDesk.Trader);
        var accepted = await desk.Client.PlaceOrderAsync(new W.PlaceOrder
        {
            Contract = Msft, Order = Order.Market(OrderAction.Buy, quantity).ToWire(), ReferencePrice = "400",
        }, GrpcDesk.Trader);
        await desk.Sim.RequestReadAsync<PlaceOrderRequest>(p => p.OrderId == accepted.OrderId);
        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(1)); // the next price fills the market order
        await Calls.UntilAsync(updates.ResponseStream, u => u.KindCase == W.OrderUpdate.KindOneofCase.Fill && u.Fill.OrderId == accepted.OrderId);
    }
}
