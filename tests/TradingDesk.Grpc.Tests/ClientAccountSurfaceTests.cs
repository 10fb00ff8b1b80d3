using TradingDesk.Client;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Messages;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using DeskClient = TradingDesk.Client.DeskClient;
using MarketDataSnapshot = TradingDesk.Client.MarketDataSnapshot;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// The .NET client's account, snapshot, market data type and keep-up-to-date bar methods against the real front, desk
/// and simulator: what a client application sees, typed.
/// </summary>
public sealed class ClientAccountSurfaceTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private static readonly AccountId Du = new("DU111111");

    [Fact]
    public async Task Accounts_and_account_updates_come_typed_and_the_first_download_ends_with_its_end()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.ReaderToken);

        Assert.Equal([Du], await client.GetManagedAccountsAsync());
        var download = new List<AccountUpdatesItem>();
        await foreach (var item in client.AccountUpdates(Du).WithCancellation(new CancellationTokenSource(Wait).Token))
        {
            download.Add(item);
            if (item is AccountDownloadEnd) break;
        }

        Assert.Equal(new AccountDownloadEnd(Du, ((AccountDownloadEnd)download[^1]).LocalTime), download[^1]);
        var cash = Assert.Single(download.OfType<AccountUpdateValue>(), v => v.Key == "TotalCashValue");
        Assert.Equal((1_000_000m, "USD"), (cash.Amount, cash.Currency));
    }

    [Fact]
    public async Task A_trader_sets_delayed_data_and_a_readers_snapshot_is_delayed()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var trader = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.TraderToken);
        await using var reader = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.ReaderToken);

        await Assert.ThrowsAsync<PermissionDeniedException>(() => reader.SetMarketDataTypeAsync(MarketDataType.Delayed));
        Assert.Equal(MarketDataType.Delayed, await trader.SetMarketDataTypeAsync(MarketDataType.Delayed));
        MarketDataSnapshot snapshot = await reader.GetMarketDataSnapshotAsync(Contract.Stock("MSFT"));

        Assert.Equal("MSFT", snapshot.Contract.Symbol);
        Assert.Contains(snapshot.Ticks, t => t.Type == TickType.DelayedBid && t.Price > 0);
    }

    [Fact]
    public async Task Keep_up_to_date_bars_start_with_the_history()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        await using var client = await DeskClient.ConnectAsync(desk.Front.Address.ToString(), GrpcDesk.ReaderToken);

        HistoricalBarsItem? first = null;
        await foreach (var item in client.HistoricalBars(Contract.Stock("MSFT"), "1800 S", "1 min", useRth: false).WithCancellation(new CancellationTokenSource(Wait).Token))
        {
            first = item;
            break;
        }

        var history = Assert.IsType<HistoricalBarsHistory>(first);
        Assert.InRange(history.Bars.Count, 2, 31);
        Assert.All(history.Bars, b => Assert.True(b.Low <= b.Close && b.Close <= b.High, $"{b.Time}: close {b.Close} outside [{b.Low}, {b.High}]"));
        await desk.Sim.RequestReadAsync<IBApi.protobuf.CancelHistoricalData>(); // breaking ended the call, and the desk the request
    }
}
