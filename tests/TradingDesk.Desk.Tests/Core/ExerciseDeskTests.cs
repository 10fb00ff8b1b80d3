using Akka.Actor;
using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Gateway;
using TradingDesk.Desk.Messages;
using TradingDesk.Desk.Orders;
using TradingDesk.Desk.Risk;
using TradingDesk.Desk.Tests.Core.Support;
using TradingDesk.Desk.Tests.Support;
using TradingDesk.Simulator.Server;
using TradingDesk.Testing;
using Xunit;
using Xunit.Abstractions;
using static TradingDesk.Desk.Messages.OptionMessages;
using Contract = TradingDesk.Desk.Domain.Contract;
using Tws = IBApi.protobuf;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>exerciseOptions through the desk: silence is the reply, an error fails it, bad input never leaves.</summary>
public sealed class ExerciseDeskTests(ITestOutputHelper output) : DeskTestKit(output, Hocon.RealTime(20)), IAsyncLifetime
{
    private readonly OptionsBackend _backend = new();
    private GatewayServer _server = null!;
    private static readonly ContractSpec Option = Contract.Stock("XYZ") with { SecType = SecType.Option, ConId = new ConId(70_115_200) };
    private static readonly AccountId Account = new("DU111111");

    public Task InitializeAsync()
    {
        _server = new GatewayServer(new GatewayOptions { Port = 0 }, _backend);
        _server.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private IActorRef StartDesk(OrderManagerOptions? orders = null)
    {
        var connected = CreateTestProbe();
        Sys.EventStream.Subscribe<ConnectionEvents.Connected>(connected.Ref);
        var desk = DeskSystem.Start(Sys, new DeskOptions
        {
            Host = "127.0.0.1", Port = _server.Port, ClientId = 1, PacerStatusInterval = TimeSpan.Zero,
            Timeouts = new RequestTimeouts { OneShot = TimeSpan.FromSeconds(1) },
            Orders = orders ?? new OrderManagerOptions(),
        });
        connected.ExpectMsg<ConnectionEvents.Connected>();
        return desk;
    }

    [Fact]
    public void An_exercise_the_gateway_does_not_object_to_is_reported_sent_after_the_quiet_window()
    {
        var desk = StartDesk();
        desk.Tell(new ExerciseOptions(Option, ExerciseAction.Exercise, 2, Account, Override: true), TestActor);
        var sent = ExpectMsg<ExerciseSent>();
        Assert.Equal((ExerciseAction.Exercise, 2, TimeSpan.FromSeconds(1)), (sent.Action, sent.Quantity, sent.QuietFor));
        var request = Assert.Single(_backend.Received.Select(r => r.Request).OfType<Tws.ExerciseOptionsRequest>());
        Assert.Equal((1, 2, "DU111111", true, 70_115_200), (request.ExerciseAction, request.ExerciseQuantity, request.Account, request.Override, request.Contract.ConId));
    }

    [Fact]
    public void An_exercise_the_gateway_refuses_fails_with_its_error()
    {
        var desk = StartDesk();
        desk.Tell(new ExerciseOptions(Option, ExerciseAction.Lapse, 11, Account), TestActor);
        Assert.Equal(321, Assert.IsType<GatewayError>(ExpectMsg<RequestFailed>().Failure).Code);
    }

    [Theory]
    [InlineData(0, "DU111111", "quantity must be positive")]
    [InlineData(1, "", "needs the account")]
    [InlineData(1, "DU1\0forged", "control character")]
    public void Bad_exercise_input_is_refused_and_nothing_is_sent(int quantity, string account, string expected)
    {
        var desk = StartDesk();
        desk.Tell(new ExerciseOptions(Option, ExerciseAction.Exercise, quantity, new AccountId(account)), TestActor);
        Assert.Contains(expected, Assert.IsType<InvalidRequest>(ExpectMsg<RequestFailed>().Failure).Problem);
        desk.Tell(new ReferenceDataMessages.GetCurrentTime(), TestActor);
        ExpectMsg<ReferenceDataMessages.CurrentTimeReply>();
        Assert.Equal(0, _backend.Count<Tws.ExerciseOptionsRequest>());
    }

    // The risk gate: an exercise changes positions, so the kill switch and the limits apply as they do to orders.

    /// <summary>A round trip behind the exercise: when it is answered, an exercise sent before it would have reached the backend.</summary>
    private void AssertNoExerciseReachedTheGateway(IActorRef desk)
    {
        desk.Tell(new ReferenceDataMessages.GetCurrentTime(), TestActor);
        ExpectMsg<ReferenceDataMessages.CurrentTimeReply>();
        Assert.Equal(0, _backend.Count<Tws.ExerciseOptionsRequest>());
    }

    [Fact]
    public void The_kill_switch_denies_an_exercise_and_nothing_is_sent()
    {
        var desk = StartDesk();
        desk.Tell(new OrderCommands.ActivateKillSwitch("desk halted"), TestActor);
        ExpectMsg<OrderEvents.KillSwitchActivated>();
        desk.Tell(new ExerciseOptions(Option, ExerciseAction.Exercise, 1, Account), TestActor);
        var denied = Assert.IsType<RiskDenied>(ExpectMsg<RequestFailed>(f => f.Request is ExerciseOptions).Failure);
        Assert.Equal((RiskGate.KillSwitchRule, "desk halted"), (denied.Rule, denied.Detail));
        AssertNoExerciseReachedTheGateway(desk);

        desk.Tell(new OrderCommands.ReleaseKillSwitch(), TestActor);
        ExpectMsg<OrderEvents.KillSwitchReleased>();
        desk.Tell(new ExerciseOptions(Option, ExerciseAction.Exercise, 1, Account), TestActor);
        ExpectMsg<ExerciseSent>();
    }

    [Fact]
    public void An_exercise_over_the_maximum_quantity_is_denied_and_one_within_it_is_sent()
    {
        var desk = StartDesk(new OrderManagerOptions { DefaultRiskLimits = new RiskLimits { MaxOrderQuantity = 5 } });
        desk.Tell(new ExerciseOptions(Option, ExerciseAction.Exercise, 6, Account), TestActor);
        var denied = Assert.IsType<RiskDenied>(ExpectMsg<RequestFailed>().Failure);
        Assert.Equal(RiskGate.MaxQuantityRule, denied.Rule);
        Assert.Contains("exercise quantity 6 exceeds this client's maximum of 5", denied.Detail);
        AssertNoExerciseReachedTheGateway(desk);

        desk.Tell(new ExerciseOptions(Option, ExerciseAction.Exercise, 5, Account), TestActor);
        Assert.Equal(5, ExpectMsg<ExerciseSent>().Quantity);
        Assert.Equal(5, Assert.Single(_backend.Received.Select(r => r.Request).OfType<Tws.ExerciseOptionsRequest>()).ExerciseQuantity);
    }

    [Fact]
    public void A_registered_strategy_exercises_under_its_own_limits()
    {
        var strategy = new StrategyId("wheel");
        var desk = StartDesk(new OrderManagerOptions
        {
            DefaultRiskLimits = new RiskLimits { MaxOrderQuantity = 1 },
            StrategyRiskLimits = new Dictionary<StrategyId, RiskLimits>
            {
                [strategy] = new() { MaxOrderQuantity = 10, AllowedSymbols = new HashSet<string> { "ABC" } },
            },
        });
        desk.Tell(new OrderCommands.RegisterStrategy(strategy), TestActor);
        ExpectMsg<OrderEvents.StrategyRegistered>();

        // Its allowed symbols apply (not the default limits, which would refuse the quantity first).
        desk.Tell(new ExerciseOptions(Option, ExerciseAction.Exercise, 3, Account), TestActor);
        var denied = Assert.IsType<RiskDenied>(ExpectMsg<RequestFailed>().Failure);
        Assert.Equal((RiskGate.AllowedSymbolsRule, "wheel may not exercise options on XYZ (allowed: ABC)"), (denied.Rule, denied.Detail));
        AssertNoExerciseReachedTheGateway(desk);

        desk.Tell(new ExerciseOptions(Option with { Symbol = "ABC" }, ExerciseAction.Exercise, 3, Account), TestActor);
        Assert.Equal(3, ExpectMsg<ExerciseSent>().Quantity);
    }
}
