using Grpc.Core;
using IBApi.protobuf;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// Display groups over gRPC against a real desk and the simulator: the stream's confirmation names its subscription,
/// UpdateDisplayGroup goes through the caller's own stream, and the group's subscription ends with the call.
/// </summary>
public sealed class DisplayGroupStreamTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public async Task A_group_stream_names_its_subscription_and_a_trader_changes_what_the_group_shows()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var group = desk.Client.StreamDisplayGroup(new W.SubscribeDisplayGroup { GroupId = 1 }, GrpcDesk.Trader);
        var (opened, _) = await Calls.UntilAsync(group.ResponseStream, e => e.KindCase == W.DisplayGroupEvent.KindOneofCase.Subscribed);
        var subscription = opened.Subscribed.Id;
        // IB answers a subscription with what the group shows now.
        var (first, _) = await Calls.UntilAsync(group.ResponseStream, e => e.KindCase == W.DisplayGroupEvent.KindOneofCase.Changed);
        Assert.Equal(subscription, first.Changed.Subscription);

        var sent = await desk.Client.UpdateDisplayGroupAsync(new W.UpdateDisplayGroup { Subscription = subscription, ContractInfo = "265598@SMART" }, GrpcDesk.Trader);
        Assert.Equal("265598@SMART", sent.ContractInfo);

        var (changed, _) = await Calls.UntilAsync(group.ResponseStream, e => e.KindCase == W.DisplayGroupEvent.KindOneofCase.Changed);
        Assert.Equal("265598@SMART", changed.Changed.ContractInfo);
    }

    [Fact]
    public async Task Only_the_client_that_follows_a_group_may_change_it_and_a_reader_may_not_at_all()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var group = desk.Client.StreamDisplayGroup(new W.SubscribeDisplayGroup { GroupId = 2 }, GrpcDesk.Trader);
        var (opened, _) = await Calls.UntilAsync(group.ResponseStream, e => e.KindCase == W.DisplayGroupEvent.KindOneofCase.Subscribed);
        var update = new W.UpdateDisplayGroup { Subscription = opened.Subscribed.Id, ContractInfo = "265598@SMART" };

        var other = await Calls.FailsWith(StatusCode.InvalidArgument, () => desk.Client.UpdateDisplayGroupAsync(update, GrpcDesk.Other).ResponseAsync);
        Assert.Contains("not an open display-group stream of yours", Calls.Failure(other).InvalidRequest.Problem);
        await Calls.FailsWith(StatusCode.PermissionDenied, () => desk.Client.UpdateDisplayGroupAsync(update, GrpcDesk.Reader).ResponseAsync);
        Assert.Empty(await desk.HandledAsync<UpdateDisplayGroupRequest>());
    }

    [Fact]
    public async Task Ending_the_call_unsubscribes_from_the_group_and_closes_the_update_door()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        long subscription;
        using (var group = desk.Client.StreamDisplayGroup(new W.SubscribeDisplayGroup { GroupId = 3 }, GrpcDesk.Trader))
        {
            var (opened, _) = await Calls.UntilAsync(group.ResponseStream, e => e.KindCase == W.DisplayGroupEvent.KindOneofCase.Subscribed);
            subscription = opened.Subscribed.Id;
        }

        var cancel = await desk.Sim.RequestReadAsync<UnsubscribeFromGroupEventsRequest>();

        Assert.True(cancel.ReqId > 0);
        await Calls.FailsWith(StatusCode.InvalidArgument, () => desk.Client.UpdateDisplayGroupAsync(
            new W.UpdateDisplayGroup { Subscription = subscription, ContractInfo = "265598@SMART" }, GrpcDesk.Trader).ResponseAsync);
    }
}
