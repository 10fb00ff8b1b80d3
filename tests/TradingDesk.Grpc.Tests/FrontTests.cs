using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Net.Client;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>The front itself: its deadline, its TLS, its log of refusals, and order events kept for a client that reads later.</summary>
public sealed class FrontTests(ITestOutputHelper output) : DeskTestKit(output)
{
    [Fact]
    public async Task A_desk_that_does_not_answer_within_the_call_timeout_is_deadline_exceeded_with_the_timeout_in_the_details()
    {
        await using var desk = await GrpcDesk.StartAsync(this, front: o => o with { DefaultCallTimeout = TimeSpan.FromMilliseconds(300) });
        desk.Sim.Simulator.Faults.StallResponses(TimeSpan.FromHours(1)); // on the simulator's manual clock: until the test ends

        var failure = await Calls.FailsWith(StatusCode.DeadlineExceeded,
            () => desk.Client.GetCurrentTimeAsync(new W.GetCurrentTime(), GrpcDesk.Reader).ResponseAsync);

        Assert.Equal(W.Failure.KindOneofCase.RequestTimedOut, Calls.Failure(failure).KindCase);
    }

    [Fact]
    public async Task Refusals_are_logged_once_per_address_and_reason()
    {
        var loggers = new ListLoggers();
        await using var desk = await GrpcDesk.StartAsync(this, loggers: loggers);

        foreach (var _ in Enumerable.Range(0, 3))
            await Calls.FailsWith(StatusCode.Unauthenticated, () => desk.Client.GetCurrentTimeAsync(new W.GetCurrentTime()).ResponseAsync);
        await Calls.FailsWith(StatusCode.Unauthenticated, () => desk.Client.GetCurrentTimeAsync(new W.GetCurrentTime(), GrpcDesk.Bearer("tdk_wrong")).ResponseAsync);

        Assert.Single(loggers.Warnings, w => w.Contains("no bearer token", StringComparison.Ordinal) && w.Contains("127.0.0.1", StringComparison.Ordinal));
        Assert.Single(loggers.Warnings, w => w.Contains("unknown token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Order_events_of_a_client_without_an_open_stream_wait_for_its_first_stream()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var probe = await desk.Sim.SubscribeOrderUpdatesAsync(); // sees the fill reach the desk (and so the session)
        var accepted = await desk.Client.PlaceOrderAsync(new W.PlaceOrder
        {
            Contract = Contract.Stock("MSFT").ToWire(), Order = Order.Market(OrderAction.Buy, 5).ToWire(), ReferencePrice = "400",
        }, GrpcDesk.Trader);
        await desk.Sim.RequestReadAsync<IBApi.protobuf.PlaceOrderRequest>(p => p.OrderId == accepted.OrderId);
        await desk.Sim.AdvanceMarketAsync(TimeSpan.FromSeconds(1));
        await probe.FishForMessageAsync<TradingDesk.Desk.Messages.OrderEvents.Filled>(f => f.OrderId.Value == accepted.OrderId);

        using var updates = desk.Client.StreamOrderUpdates(new W.SubscribeOrderUpdates(), GrpcDesk.Trader);

        var (fill, _) = await Calls.UntilAsync(updates.ResponseStream, u => u.KindCase == W.OrderUpdate.KindOneofCase.Fill);
        Assert.Equal(accepted.OrderId, fill.Fill.OrderId);
    }

    [Fact]
    public async Task A_client_whose_strategy_a_running_actor_holds_is_refused_as_failed_precondition()
    {
        var holder = CreateTestProbe();
        await using var desk = await GrpcDesk.StartAsync(this, beforeFront: async sim =>
        {
            sim.Desk.Tell(new TradingDesk.Desk.Messages.OrderCommands.RegisterStrategy(new StrategyId("grpc-trader")), holder.Ref);
            await holder.ExpectMsgAsync<TradingDesk.Desk.Messages.OrderEvents.StrategyRegistered>();
        });

        var failure = await Calls.FailsWith(StatusCode.FailedPrecondition, () => desk.Client.PlaceOrderAsync(new W.PlaceOrder
        {
            Contract = Contract.Stock("MSFT").ToWire(), Order = Order.Market(OrderAction.Buy, 5).ToWire(), ReferencePrice = "400",
        }, GrpcDesk.Trader).ResponseAsync);

        Assert.Equal(W.Failure.KindOneofCase.StrategyIdInUse, Calls.Failure(failure).KindCase);
        Assert.Empty(await desk.HandledAsync<IBApi.protobuf.PlaceOrderRequest>());
    }

    [Fact]
    public async Task With_a_certificate_the_front_speaks_tls()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"grpc-front-{Guid.NewGuid():N}.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "secret"));
        }
        try
        {
            await using var desk = await GrpcDesk.StartAsync(this, front: o => o with { CertificatePath = pfx, CertificatePassword = "secret" });
            Assert.Equal("https", desk.Front.Address.Scheme);
            // The test trusts its own self-signed certificate; a real client trusts the desk's CA.
            using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true };
            using var channel = GrpcChannel.ForAddress(desk.Front.Address, new GrpcChannelOptions { HttpHandler = handler });

            var time = await new W.TradingDesk.TradingDeskClient(channel).GetCurrentTimeAsync(new W.GetCurrentTime(), GrpcDesk.Reader);

            Assert.NotNull(time.GatewayTime);
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
