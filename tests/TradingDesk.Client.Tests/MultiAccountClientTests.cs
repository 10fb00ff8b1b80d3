using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>The multi-account streams of <see cref="DeskClient"/> against the scripted desk.</summary>
public sealed class MultiAccountClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    [Fact]
    public async Task PositionsMulti_yields_positions_the_end_of_the_initial_set_and_notes_and_breaking_ends_the_call()
    {
        var script = new DeskScript();
        script.PositionsMulti.Items.Add(new W.PositionsMultiEvent
        {
            Position = new W.PositionMultiItem { Subscription = 3, Account = "DU123456", ModelCode = "GROWTH", Contract = Contract.Stock("AAPL").ToWire(), Quantity = "150", AverageCost = "187.2500", LocalTime = At },
        });
        script.PositionsMulti.Items.Add(new W.PositionsMultiEvent
        {
            Position = new W.PositionMultiItem { Subscription = 3, Account = "DU123456", ModelCode = "GROWTH", Contract = Contract.Stock("MSFT").ToWire(), Quantity = "-0.5", LocalTime = At },
        });
        script.PositionsMulti.Items.Add(new W.PositionsMultiEvent { End = new W.PositionsMultiEnd { Subscription = 3, LocalTime = At } });
        script.PositionsMulti.Items.Add(new W.PositionsMultiEvent { Note = new W.StreamNote { Resubscribed = new W.Resubscribed { Reason = "reconnected", At = At } } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<PositionsMultiItem>();
        await foreach (var item in desk.PositionsMulti(new AccountId("DU123456"), "GROWTH").WithCancellation(new CancellationTokenSource(Bound).Token))
        {
            items.Add(item);
            if (items.Count == 4) break;
        }

        var aapl = Assert.IsType<PositionMultiUpdate>(items[0]);
        Assert.Equal((new AccountId("DU123456"), "GROWTH", "AAPL", 150m, 187.2500m, DeskScript.At), (aapl.Account, aapl.ModelCode, aapl.Contract.Symbol, aapl.Quantity, aapl.AverageCost, aapl.LocalTime));
        Assert.Equal("187.2500", aapl.AverageCost!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var msft = Assert.IsType<PositionMultiUpdate>(items[1]);
        Assert.Equal((-0.5m, (decimal?)null), (msft.Quantity, msft.AverageCost));
        Assert.Equal(new PositionsMultiEnd(DeskScript.At), items[2]);
        Assert.Equal(new Resubscribed("reconnected", DeskScript.At), Assert.IsType<PositionsMultiNote>(items[3]).Note);
        var request = await script.PositionsMulti.Requested.Task.WaitAsync(Bound);
        Assert.Equal(("DU123456", "GROWTH"), (request.Account, request.ModelCode));
        await script.PositionsMulti.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task AccountUpdatesMulti_keeps_a_numeric_value_as_a_decimal_and_a_text_one_without_an_amount()
    {
        var script = new DeskScript();
        script.AccountUpdatesMulti.Items.Add(new W.AccountUpdatesMultiEvent
        {
            Update = new W.AccountUpdateMultiItem { Subscription = 4, Account = "DU123456", ModelCode = "", Key = "NetLiquidation", Value = "100250.75", Amount = "100250.75", Currency = "USD", LocalTime = At },
        });
        script.AccountUpdatesMulti.Items.Add(new W.AccountUpdatesMultiEvent
        {
            Update = new W.AccountUpdateMultiItem { Subscription = 4, Account = "DU123456", ModelCode = "", Key = "AccountType", Value = "INDIVIDUAL", Currency = "", LocalTime = At },
        });
        script.AccountUpdatesMulti.Items.Add(new W.AccountUpdatesMultiEvent { End = new W.AccountUpdatesMultiEnd { Subscription = 4, LocalTime = At } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        using var cts = new CancellationTokenSource(Bound);

        var items = new List<AccountUpdatesMultiItem>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in desk.AccountUpdatesMulti(new AccountId("DU123456"), ledgerAndNlv: true, cancellationToken: cts.Token))
            {
                items.Add(item);
                if (items.Count == 3) await cts.CancelAsync();
            }
        });

        Assert.Equal(new AccountUpdateMulti(new AccountId("DU123456"), "", "NetLiquidation", "100250.75", 100250.75m, "USD", DeskScript.At), items[0]);
        Assert.Equal(new AccountUpdateMulti(new AccountId("DU123456"), "", "AccountType", "INDIVIDUAL", null, "", DeskScript.At), items[1]);
        Assert.Equal(new AccountUpdatesMultiEnd(DeskScript.At), items[2]);
        var request = await script.AccountUpdatesMulti.Requested.Task.WaitAsync(Bound);
        Assert.Equal(("DU123456", "", true), (request.Account, request.ModelCode, request.LedgerAndNlv));
        await script.AccountUpdatesMulti.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_refused_subscription_fails_the_stream_with_the_typed_exception()
    {
        var script = new DeskScript();
        script.PositionsMulti.Refuse = _ => Rich.Invalid("give an account or a model code (or both)");
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(async () =>
        {
            await foreach (var _ in desk.PositionsMulti(new AccountId(""), "").WithCancellation(new CancellationTokenSource(Bound).Token))
                Assert.Fail("a refused subscription yields nothing");
        });

        Assert.Equal("give an account or a model code (or both)", e.Detail);
    }

    [Fact]
    public async Task An_event_with_no_case_set_fails_the_stream_as_a_wire_error_and_ends_the_call()
    {
        var script = new DeskScript();
        script.AccountUpdatesMulti.Items.Add(new W.AccountUpdatesMultiEvent());
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var _ in desk.AccountUpdatesMulti(new AccountId("DU1")).WithCancellation(new CancellationTokenSource(Bound).Token))
                Assert.Fail("an event the client cannot name is not yielded");
        });

        Assert.Equal("StreamAccountUpdatesMulti", e.Call);
        await script.AccountUpdatesMulti.Cancelled.Task.WaitAsync(Bound);
    }
}
