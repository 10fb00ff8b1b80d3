using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary>
/// The managed accounts, account updates, single-position P&amp;L, keep-up-to-date bars, snapshot and market data type
/// calls of <see cref="DeskClient"/> against the scripted desk: what each sends and how each reply maps.
/// </summary>
public sealed class AccountClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    [Fact]
    public async Task GetManagedAccountsAsync_returns_the_accounts_in_the_gateways_order()
    {
        var script = new DeskScript();
        script.ManagedAccounts.Returns(new W.ManagedAccountsList { Accounts = { "DU222222", "DU111111" }, LocalTime = At });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal([new AccountId("DU222222"), new AccountId("DU111111")], await desk.GetManagedAccountsAsync());
    }

    [Fact]
    public async Task AccountUpdates_yields_values_portfolio_time_the_end_and_notes_and_breaking_ends_the_call()
    {
        var script = new DeskScript();
        var account = script.AccountUpdates.Items;
        account.Add(new W.AccountUpdatesEvent { Value = new W.AccountValueItem { Subscription = 5, Account = "DU111111", Key = "NetLiquidation", Value = "100250.75", Amount = "100250.75", Currency = "USD", LocalTime = At } });
        account.Add(new W.AccountUpdatesEvent { Value = new W.AccountValueItem { Subscription = 5, Account = "DU111111", Key = "AccountType", Value = "INDIVIDUAL", Currency = "", LocalTime = At } });
        account.Add(new W.AccountUpdatesEvent
        {
            Portfolio = new W.PortfolioItem
            {
                Subscription = 5, Account = "DU111111", Contract = Contract.Stock("MSFT").ToWire(), Position = "10", MarketPrice = "401.20",
                MarketValue = "4012.00", AverageCost = "400.00", UnrealizedPnl = "12.00", LocalTime = At,
            },
        });
        account.Add(new W.AccountUpdatesEvent { AccountTime = new W.AccountTime { Subscription = 5, GatewayTime = "10:31", LocalTime = At } });
        account.Add(new W.AccountUpdatesEvent { End = new W.AccountDownloadEnd { Subscription = 5, Account = "DU111111", LocalTime = At } });
        account.Add(new W.AccountUpdatesEvent { Note = new W.StreamNote { Resubscribed = new W.Resubscribed { Reason = "reconnected", At = At } } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<AccountUpdatesItem>();
        await foreach (var item in desk.AccountUpdates(new AccountId("DU111111")).WithCancellation(new CancellationTokenSource(Bound).Token))
        {
            items.Add(item);
            if (items.Count == 6) break;
        }

        var du = new AccountId("DU111111");
        Assert.Equal(new AccountUpdateValue(du, "NetLiquidation", "100250.75", 100250.75m, "USD", DeskScript.At), items[0]);
        Assert.Equal(new AccountUpdateValue(du, "AccountType", "INDIVIDUAL", null, "", DeskScript.At), items[1]);
        var msft = Assert.IsType<PortfolioUpdate>(items[2]);
        Assert.Equal(("MSFT", 10m, 401.20m, 4012.00m, 400.00m, 12.00m, (decimal?)null),
            (msft.Contract.Symbol, msft.Position, msft.MarketPrice, msft.MarketValue, msft.AverageCost, msft.UnrealizedPnL, msft.RealizedPnL));
        Assert.Equal(new AccountUpdateTime("10:31", DeskScript.At), items[3]);
        Assert.Equal(new AccountDownloadEnd(du, DeskScript.At), items[4]);
        Assert.Equal(new Resubscribed("reconnected", DeskScript.At), Assert.IsType<AccountUpdatesNote>(items[5]).Note);
        Assert.Equal("DU111111", (await script.AccountUpdates.Requested.Task.WaitAsync(Bound)).Account);
        await script.AccountUpdates.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task PnLSingle_sends_account_conId_and_model_and_keeps_absent_values_null()
    {
        var script = new DeskScript();
        script.PnLSingle.Items.Add(new W.PnLSingleEvent { Pnl = new W.PnLSingleItem { Subscription = 6, Position = "-5", Daily = "-12.50", Value = "2006.00", LocalTime = At } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        PnLSingleItem? first = null;
        await foreach (var item in desk.PnLSingle(new AccountId("DU111111"), new ConId(272093), "GROWTH").WithCancellation(new CancellationTokenSource(Bound).Token))
        {
            first = item;
            break;
        }

        Assert.Equal(new PnLSingleUpdate(-5m, -12.50m, null, null, 2006.00m, DeskScript.At), first);
        var request = await script.PnLSingle.Requested.Task.WaitAsync(Bound);
        Assert.Equal(("DU111111", 272093, "GROWTH"), (request.Account, request.ConId, request.ModelCode));
        await script.PnLSingle.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task HistoricalBars_yields_the_history_then_updates_and_a_bar_that_does_not_parse_is_a_wire_error()
    {
        var script = new DeskScript();
        var bar = new W.Bar { Time = "20261203 09:30:00", Open = "400.10", High = "401.00", Low = "399.90", Close = "400.50", Volume = "1200", Count = 31 };
        script.HistoricalBars.Items.Add(new W.HistoricalBarsEvent { History = new W.HistoricalBars { Subscription = 7, Bars = { bar }, Start = "20261203 09:00:00", End = "20261203 09:31:00", LocalTime = At } });
        script.HistoricalBars.Items.Add(new W.HistoricalBarsEvent { Update = new W.BarUpdate { Subscription = 7, Bar = new W.Bar(bar) { Close = "400.75", Volume = "1300" }, LocalTime = At } });
        script.HistoricalBars.Items.Add(new W.HistoricalBarsEvent { Update = new W.BarUpdate { Subscription = 7, Bar = new W.Bar(bar) { Close = "abc" }, LocalTime = At } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<HistoricalBarsItem>();
        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var item in desk.HistoricalBars(Contract.Stock("MSFT"), "1800 S", "1 min", WhatToShow.Midpoint, useRth: false)
                .WithCancellation(new CancellationTokenSource(Bound).Token))
                items.Add(item);
        });

        var history = Assert.IsType<HistoricalBarsHistory>(items[0]);
        Assert.Equal(new HistoricalBar("20261203 09:30:00", 400.10m, 401.00m, 399.90m, 400.50m, 1200m, null, 31), Assert.Single(history.Bars));
        Assert.Equal(("20261203 09:00:00", "20261203 09:31:00"), (history.Start, history.End));
        Assert.Equal((400.75m, 1300m), (Assert.IsType<HistoricalBarUpdate>(items[1]).Bar.Close, ((HistoricalBarUpdate)items[1]).Bar.Volume));
        Assert.Equal(2, items.Count);
        Assert.Equal("StreamHistoricalBars", e.Call);
        Assert.Contains("update.bar.close", e.Message);
        var request = await script.HistoricalBars.Requested.Task.WaitAsync(Bound);
        Assert.Equal(("MSFT", "1800 S", "1 min", W.WhatToShow.Midpoint, false), (request.Contract.Symbol, request.Duration, request.BarSize, request.WhatToShow, request.UseRth));
        await script.HistoricalBars.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task GetMarketDataSnapshotAsync_maps_every_tick_of_the_snapshot()
    {
        var script = new DeskScript();
        script.Snapshot.Returns(new W.MarketDataSnapshot
        {
            Contract = Contract.Stock("MSFT").ToWire(), LocalTime = At,
            Ticks =
            {
                new W.Tick { Subscription = 0, Type = 1, Price = "400.10", LocalTime = At },
                new W.Tick { Subscription = 0, Type = 0, Size = "300", LocalTime = At },
                new W.Tick { Subscription = 0, Type = 45, Text = "1764772200", LocalTime = At },
            },
        });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var snapshot = await desk.GetMarketDataSnapshotAsync(Contract.Stock("MSFT"));

        Assert.Equal(("MSFT", DeskScript.At), (snapshot.Contract.Symbol, snapshot.LocalTime));
        Assert.Equal(new MarketTick(TickType.Bid, 400.10m, null, null, 0, DeskScript.At), snapshot.Ticks[0]);
        Assert.Equal(new MarketTick(TickType.BidSize, null, 300m, null, 0, DeskScript.At), snapshot.Ticks[1]);
        Assert.Equal("1764772200", snapshot.Ticks[2].Text);
        Assert.Equal("MSFT", (await script.Snapshot.Seen.Task.WaitAsync(Bound)).Contract.Symbol);
    }

    [Fact]
    public async Task SetMarketDataTypeAsync_sends_the_type_and_a_read_only_token_gets_PermissionDenied()
    {
        var script = new DeskScript();
        script.MarketDataType.Reply = (r, _) => Task.FromResult(new W.MarketDataTypeSet { Type = r.Type });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var trader = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        await using var reader = await DeskClient.ConnectAsync(server.Address, DeskScript.ReadOnlyToken);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => reader.SetMarketDataTypeAsync(MarketDataType.Frozen));
        Assert.False(script.MarketDataType.Seen.Task.IsCompleted); // refused before the handler

        Assert.Equal(MarketDataType.DelayedFrozen, await trader.SetMarketDataTypeAsync(MarketDataType.DelayedFrozen));
        Assert.Equal(W.MarketDataType.DelayedFrozen, (await script.MarketDataType.Seen.Task.WaitAsync(Bound)).Type);
    }
}
