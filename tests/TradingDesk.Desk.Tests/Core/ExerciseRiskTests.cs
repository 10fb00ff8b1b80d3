using TradingDesk.Desk.Domain;
using TradingDesk.Desk.Risk;
using Xunit;
using static TradingDesk.Desk.Messages.OptionMessages;
using Contract = TradingDesk.Desk.Domain.Contract;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The pure exercise gate: the same rules and order as orders get, with notional by strike.</summary>
public sealed class ExerciseRiskTests
{
    private static readonly ContractSpec Call = Contract.Stock("XYZ") with
    {
        SecType = SecType.Option, LastTradeDateOrContractMonth = "20270115", Strike = 50m, Right = OptionRight.Call,
    };

    private static ExerciseOptions Exercise(ContractSpec contract, int quantity) =>
        new(contract, ExerciseAction.Exercise, quantity, new AccountId("DU111111"));

    [Fact]
    public void The_kill_switch_comes_before_every_limit()
    {
        var denied = ExerciseRisk.Check(Exercise(Call, 1_000), null, new RiskLimits { MaxOrderQuantity = 1 }, "halted");
        Assert.Equal((RiskGate.KillSwitchRule, "halted"), (denied!.Rule, denied.Detail));
    }

    [Fact]
    public void Notional_is_quantity_times_strike_times_100_for_an_option_without_a_multiplier()
    {
        var limits = new RiskLimits { MaxNotional = 10_000m };
        Assert.Null(ExerciseRisk.Check(Exercise(Call, 2), null, limits, null)); // 2 × 50 × 100 = 10,000
        var denied = ExerciseRisk.Check(Exercise(Call, 3), new StrategyId("wheel"), limits, null);
        Assert.Equal(RiskGate.MaxNotionalRule, denied!.Rule);
        Assert.Contains("15000 (3 × 50 × 100) exceeds wheel's maximum of 10000", denied.Detail);
        Assert.Null(ExerciseRisk.Check(Exercise(Call with { Multiplier = "10" }, 20), null, limits, null));
    }

    [Fact]
    public void What_the_contract_does_not_name_cannot_pass_a_limit_that_needs_it()
    {
        var byConId = new ContractSpec { Symbol = "", SecType = SecType.Option, ConId = new ConId(1234) };
        var symbol = ExerciseRisk.Check(Exercise(byConId, 1), null, new RiskLimits { AllowedSymbols = new HashSet<string> { "XYZ" } }, null);
        Assert.Equal(RiskGate.AllowedSymbolsRule, symbol!.Rule);
        Assert.Contains("names no symbol", symbol.Detail);
        var strike = ExerciseRisk.Check(Exercise(byConId, 1), null, new RiskLimits { MaxNotional = 1m }, null);
        Assert.Equal(RiskGate.MaxNotionalRule, strike!.Rule);
        Assert.Contains("give the full contract", strike.Detail);
        Assert.Null(ExerciseRisk.Check(Exercise(byConId, 1), null, RiskLimits.Unlimited, null));
    }
}
