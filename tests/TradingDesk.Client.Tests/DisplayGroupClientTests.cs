using Grpc.Core;
using TradingDesk.Client.Tests.Support;
using TradingDesk.Contracts.Mapping;
using Xunit;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Client.Tests;

/// <summary><see cref="DeskClient.DisplayGroup"/> and <see cref="DeskClient.UpdateDisplayGroupAsync"/> against the scripted desk.</summary>
public sealed class DisplayGroupClientTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private static readonly W.Instant At = WireValues.Time(DeskScript.At);

    [Fact]
    public async Task DisplayGroup_yields_the_opening_the_contracts_shown_and_notes_and_breaking_ends_the_call()
    {
        var script = new DeskScript();
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent { Subscribed = new W.Subscribed { Id = 9001 } });
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent { Changed = new W.DisplayGroupChanged { Subscription = 9001, ContractInfo = "265598@SMART", LocalTime = At } });
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent { Changed = new W.DisplayGroupChanged { Subscription = 9001, ContractInfo = "none", LocalTime = At } });
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent { Note = new W.StreamNote { Resubscribed = new W.Resubscribed { Reason = "gateway reconnected", At = At } } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<DisplayGroupItem>();
        await foreach (var item in desk.DisplayGroup(4).WithCancellation(new CancellationTokenSource(Bound).Token))
        {
            items.Add(item);
            if (items.Count == 4) break;
        }

        Assert.Equal(new DisplayGroupOpened(9001), items[0]);
        Assert.Equal(new DisplayGroupShows(9001, "265598@SMART", DeskScript.At), items[1]);
        Assert.Equal(new DisplayGroupShows(9001, "none", DeskScript.At), items[2]);
        Assert.Equal(new DisplayGroupNote(new Resubscribed("gateway reconnected", DeskScript.At)), items[3]);
        Assert.Equal(4, (await script.DisplayGroup.Requested.Task.WaitAsync(Bound)).GroupId);
        await script.DisplayGroup.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Disposing_the_enumerator_after_the_opening_ends_the_call()
    {
        var script = new DeskScript();
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent { Subscribed = new W.Subscribed { Id = 12 } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var enumerator = desk.DisplayGroup(1).GetAsyncEnumerator(new CancellationTokenSource(Bound).Token);
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(new DisplayGroupOpened(12), enumerator.Current);
        Assert.False(script.DisplayGroup.Cancelled.Task.IsCompleted);
        await enumerator.DisposeAsync();

        await script.DisplayGroup.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task Cancelling_the_callers_token_ends_the_call_as_an_OperationCanceledException()
    {
        var script = new DeskScript();
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent { Subscribed = new W.Subscribed { Id = 12 } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);
        using var cts = new CancellationTokenSource(Bound);

        var items = new List<DisplayGroupItem>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in desk.DisplayGroup(2, cts.Token))
            {
                items.Add(item);
                await cts.CancelAsync();
            }
        });

        Assert.Equal([new DisplayGroupOpened(12)], items);
        await script.DisplayGroup.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_group_the_desk_refuses_fails_the_stream_with_an_InvalidRequestException()
    {
        var script = new DeskScript();
        script.DisplayGroup.Refuse = r => Rich.Invalid($"display group {r.GroupId} is not one of the gateway's groups (1 to 7)");
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(async () =>
        {
            await foreach (var _ in desk.DisplayGroup(99).WithCancellation(new CancellationTokenSource(Bound).Token))
                Assert.Fail("a refused group yields nothing");
        });

        Assert.Equal((StatusCode.InvalidArgument, "display group 99 is not one of the gateway's groups (1 to 7)"), (e.StatusCode, e.Detail));
    }

    [Fact]
    public async Task An_event_with_no_case_set_fails_the_stream_as_a_wire_error_and_ends_the_call()
    {
        var script = new DeskScript();
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent { Subscribed = new W.Subscribed { Id = 3 } });
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent());
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var items = new List<DisplayGroupItem>();
        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var item in desk.DisplayGroup(1).WithCancellation(new CancellationTokenSource(Bound).Token)) items.Add(item);
        });

        Assert.Equal([new DisplayGroupOpened(3)], items);
        Assert.Equal("StreamDisplayGroup", e.Call);
        Assert.Contains("field kind", e.Message, StringComparison.Ordinal);
        await script.DisplayGroup.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_change_without_its_time_is_a_wire_error_naming_the_field()
    {
        var script = new DeskScript();
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent { Changed = new W.DisplayGroupChanged { Subscription = 3, ContractInfo = "8314@SMART" } });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<DeskWireException>(async () =>
        {
            await foreach (var _ in desk.DisplayGroup(1).WithCancellation(new CancellationTokenSource(Bound).Token))
                Assert.Fail("a change without its time is not yielded");
        });

        Assert.Contains("changed.local_time", e.Message, StringComparison.Ordinal);
        await script.DisplayGroup.Cancelled.Task.WaitAsync(Bound);
    }

    [Fact]
    public async Task A_read_only_token_may_follow_a_group_but_UpdateDisplayGroupAsync_is_a_PermissionDeniedException()
    {
        var script = new DeskScript();
        script.DisplayGroup.Items.Add(new W.DisplayGroupEvent { Subscribed = new W.Subscribed { Id = 5 } });
        script.UpdateDisplayGroup.Reply = (r, _) => Task.FromResult(new W.DisplayGroupUpdateSent { Subscription = r.Subscription, ContractInfo = r.ContractInfo });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.ReadOnlyToken);

        await using var group = desk.DisplayGroup(1).GetAsyncEnumerator(new CancellationTokenSource(Bound).Token);
        Assert.True(await group.MoveNextAsync());
        var e = await Assert.ThrowsAsync<PermissionDeniedException>(() => desk.UpdateDisplayGroupAsync(((DisplayGroupOpened)group.Current).Subscription, "265598@SMART"));

        Assert.Equal((StatusCode.PermissionDenied, DeskFailureKind.PermissionDenied), (e.StatusCode, e.Kind));
        Assert.Contains("read-only", e.Detail, StringComparison.Ordinal);
        Assert.False(script.UpdateDisplayGroup.Seen.Task.IsCompleted);
    }

    [Fact]
    public async Task UpdateDisplayGroupAsync_sends_the_subscription_and_contract_and_returns_the_desks_contract_info()
    {
        var script = new DeskScript();
        script.UpdateDisplayGroup.Returns(new W.DisplayGroupUpdateSent { Subscription = 9001, ContractInfo = "265598@SMART" });
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        Assert.Equal("265598@SMART", await desk.UpdateDisplayGroupAsync(9001, "265598@SMART"));

        var sent = await script.UpdateDisplayGroup.Seen.Task.WaitAsync(Bound);
        Assert.Equal((9001L, "265598@SMART"), (sent.Subscription, sent.ContractInfo));
    }

    [Fact]
    public async Task An_update_naming_no_open_stream_is_an_InvalidRequestException()
    {
        var script = new DeskScript();
        script.UpdateDisplayGroup.Fails(Rich.Invalid("subscription 77 is not one of this client's open display-group streams"));
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken);

        var e = await Assert.ThrowsAsync<InvalidRequestException>(() => desk.UpdateDisplayGroupAsync(77, "265598@SMART"));

        Assert.Equal((StatusCode.InvalidArgument, "subscription 77 is not one of this client's open display-group streams"), (e.StatusCode, e.Detail));
    }

    [Fact]
    public async Task An_update_that_outlives_the_call_timeout_is_a_TimedOutException()
    {
        var script = new DeskScript();
        script.UpdateDisplayGroup.Hangs();
        await using var server = await TestDeskServer.StartAsync(script);
        await using var desk = await DeskClient.ConnectAsync(server.Address, DeskScript.GoodToken, new DeskClientOptions { CallTimeout = TimeSpan.FromMilliseconds(300) });

        var e = await Assert.ThrowsAsync<TimedOutException>(() => desk.UpdateDisplayGroupAsync(1, "265598@SMART").WaitAsync(Bound));

        Assert.Equal(StatusCode.DeadlineExceeded, e.StatusCode);
        Assert.Contains("UpdateDisplayGroup", e.Detail, StringComparison.Ordinal);
    }
}
