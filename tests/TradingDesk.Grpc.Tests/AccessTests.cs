using Grpc.Core;
using Grpc.Health.V1;
using CancelMarketData = IBApi.protobuf.CancelMarketData;
using CancelOrderRequest = IBApi.protobuf.CancelOrderRequest;
using MarketDataRequest = IBApi.protobuf.MarketDataRequest;
using PlaceOrderRequest = IBApi.protobuf.PlaceOrderRequest;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>Access control: refused calls get the right status and nothing of them reaches the desk or the gateway.</summary>
public sealed class AccessTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static W.PlaceOrder Order10() => new()
    {
        Contract = Contract.Stock("MSFT").ToWire(), Order = Order.Market(OrderAction.Buy, 10).ToWire(), ReferencePrice = "400",
    };

    [Fact]
    public async Task No_token_and_an_unknown_token_are_unauthenticated_and_place_nothing()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        await Calls.FailsWith(StatusCode.Unauthenticated, () => desk.Client.PlaceOrderAsync(Order10()).ResponseAsync);
        await Calls.FailsWith(StatusCode.Unauthenticated, () => desk.Client.PlaceOrderAsync(Order10(), GrpcDesk.Bearer(AccessTokens.NewToken())).ResponseAsync);
        await Calls.FailsWith(StatusCode.Unauthenticated, () => desk.Client.GetCurrentTimeAsync(new W.GetCurrentTime(), new Metadata { { "authorization", "Basic abc" } }).ResponseAsync);

        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());
    }

    [Fact]
    public async Task A_read_only_client_placing_an_order_is_permission_denied_and_places_nothing()
    {
        await using var desk = await GrpcDesk.StartAsync(this);

        await Calls.FailsWith(StatusCode.PermissionDenied, () => desk.Client.PlaceOrderAsync(Order10(), GrpcDesk.Reader).ResponseAsync);
        await Calls.FailsWith(StatusCode.PermissionDenied, () => desk.Client.CancelOrderAsync(new W.CancelOrder { OrderId = 1 }, GrpcDesk.Reader).ResponseAsync);

        Assert.Empty(await desk.HandledAsync<PlaceOrderRequest>());
        Assert.Empty(await desk.HandledAsync<CancelOrderRequest>());
    }

    [Fact]
    public async Task Health_says_serving_for_the_server_and_the_service_without_a_token()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var health = new Health.HealthClient(desk.Channel);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest { Service = "" })).Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving,
            (await health.CheckAsync(new HealthCheckRequest { Service = "tradingdesk.v1.TradingDesk" })).Status);
    }
}
