using Grpc.Core;
using IBApi.protobuf;
using TradingDesk.Contracts.Mapping;
using TradingDesk.Desk.Domain;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using Contract = TradingDesk.Desk.Domain.Contract;
using W = TradingDesk.Contracts.Wire;

namespace TradingDesk.Grpc.Tests;

/// <summary>
/// The option and scanner calls' refusals: a read-only client may not exercise, and bad or hostile input from a client
/// is INVALID_ARGUMENT with the desk's InvalidRequest (or the field the contract does not allow), before anything
/// reaches the gateway.
/// </summary>
public sealed class OptionCallTests(ITestOutputHelper output) : DeskTestKit(output)
{
    private static readonly W.ContractSpec Option = (Contract.Stock("MSFT") with
    {
        SecType = SecType.Option, LastTradeDateOrContractMonth = "20270115", Strike = 400m, Right = OptionRight.Call,
    }).ToWire();

    [Fact]
    public async Task A_read_only_client_may_not_exercise_options()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var request = new W.ExerciseOptions { Contract = Option, Action = W.ExerciseAction.Exercise, Quantity = 1, Account = "DU111111" };
        await Calls.FailsWith(StatusCode.PermissionDenied, () => desk.Client.ExerciseOptionsAsync(request, GrpcDesk.Reader).ResponseAsync);
        Assert.Empty(await desk.HandledAsync<ExerciseOptionsRequest>());
    }

    [Fact]
    public async Task An_exercise_under_the_kill_switch_is_failed_precondition_with_risk_denied_and_nothing_is_sent()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var operator_ = CreateTestProbe();
        desk.Sim.Desk.Tell(new TradingDesk.Desk.Messages.OrderCommands.ActivateKillSwitch("exercise halt"), operator_.Ref);
        await operator_.ExpectMsgAsync<TradingDesk.Desk.Messages.OrderEvents.KillSwitchActivated>();
        var request = new W.ExerciseOptions { Contract = Option, Action = W.ExerciseAction.Exercise, Quantity = 1, Account = "DU111111" };
        var denied = await Calls.FailsWith(StatusCode.FailedPrecondition, () => desk.Client.ExerciseOptionsAsync(request, GrpcDesk.Trader).ResponseAsync);
        Assert.Equal(("kill-switch", "exercise halt"), (Calls.Failure(denied).RiskDenied.Rule, Calls.Failure(denied).RiskDenied.Detail));
        Assert.Empty(await desk.HandledAsync<ExerciseOptionsRequest>());
    }

    [Fact]
    public async Task Bad_option_input_is_invalid_argument_in_the_clients_words_and_nothing_is_sent()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        var noConId = await Calls.FailsWith(StatusCode.InvalidArgument,
            () => desk.Client.GetOptionParametersAsync(new W.GetOptionParameters { Underlying = Contract.Stock("MSFT").ToWire() }, GrpcDesk.Reader).ResponseAsync);
        Assert.Contains("conId", Calls.Failure(noConId).InvalidRequest.Problem);

        var percent = await Calls.FailsWith(StatusCode.InvalidArgument,
            () => desk.Client.CalculateOptionPriceAsync(new W.CalculateOptionPrice { Contract = Option, Volatility = "25", UnderlyingPrice = "400" }, GrpcDesk.Reader).ResponseAsync);
        Assert.Contains("fraction", Calls.Failure(percent).InvalidRequest.Problem);

        // An exercise action the contract does not know never becomes a command.
        await Calls.FailsWith(StatusCode.InvalidArgument, () => desk.Client.ExerciseOptionsAsync(
            new W.ExerciseOptions { Contract = Option, Action = (W.ExerciseAction)7, Quantity = 1, Account = "DU111111" }, GrpcDesk.Trader).ResponseAsync);
        var tooMany = await Calls.FailsWith(StatusCode.InvalidArgument, () => desk.Client.GetOptionChainAsync(new W.GetOptionChain
        {
            Underlying = Contract.Stock("MSFT").ToWire(), Filter = new W.OptionChainFilter { Exchange = "SMART", MaxExpirations = 1000, MaxContracts = 10 },
        }, GrpcDesk.Reader).ResponseAsync);
        Assert.Contains("max expirations", Calls.Failure(tooMany).InvalidRequest.Problem);

        Assert.Empty(await desk.HandledAsync<SecDefOptParamsRequest>());
        Assert.Empty(await desk.HandledAsync<CalculateOptionPriceRequest>());
        Assert.Empty(await desk.HandledAsync<ExerciseOptionsRequest>());
        Assert.Empty(await desk.HandledAsync<ContractDataRequest>());
    }

    [Fact]
    public async Task A_hostile_scanner_subscription_is_refused_before_the_stream_opens()
    {
        await using var desk = await GrpcDesk.StartAsync(this);
        using var scan = desk.Client.StreamScanner(new W.SubscribeScanner
        {
            Subscription = new W.ScannerSpec { ScanCode = "TOP_PERC_GAIN", Instrument = "STK", LocationCode = "STK.US.MAJOR", Rows = 10 },
            Filters = { new W.ScannerFilter { Tag = "priceAbove", Value = "5\0" + "20\0forged" } },
        }, GrpcDesk.Reader);
        var refused = await Calls.FailsWith(StatusCode.InvalidArgument, () => scan.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Contains("control character", Calls.Failure(refused).InvalidRequest.Problem);
        Assert.Empty(await desk.HandledAsync<ScannerSubscriptionRequest>());
    }
}
