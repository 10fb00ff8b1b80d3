using TradingDesk.Hosting;
using TradingDesk.Samples.MeanReversionMaker;
using TradingDesk.Samples.MovingAverageCrossover;
using TradingDesk.Samples.PortfolioRebalancer;

namespace TradingDesk.Cli.Commands;

/// <summary>
/// The strategy types <c>desk run</c> knows by name (config: <c>TradingDesk:Strategies:n:Type</c>), each with the
/// parameter names it takes: any other name in a config entry is an error naming the nearest one.
/// </summary>
public static class SampleStrategies
{
    public static void Register(TradingDeskBuilder desk)
    {
        desk.WithStrategyType("MovingAverageCrossover", ["Symbol", "Quantity", "Fast", "Slow"], ctx => CrossoverStrategy.Props(ctx.Desk, ctx.Id, new CrossoverOptions
        {
            Symbol = ctx.Parameters.GetString("Symbol", "AAPL"),
            Quantity = ctx.Parameters.GetDecimal("Quantity", 100),
            Fast = ctx.Parameters.GetInt("Fast", 2),
            Slow = ctx.Parameters.GetInt("Slow", 4),
        }.Validated(), ctx.Options));
        desk.WithStrategyType("MeanReversionMaker", ["Symbol", "Quantity", "Window", "RequoteEvery", "MaxPosition"], ctx => MakerStrategy.Props(ctx.Desk, ctx.Id, new MakerOptions
        {
            Symbol = ctx.Parameters.GetString("Symbol", "MSFT"),
            Quantity = ctx.Parameters.GetDecimal("Quantity", 10),
            Window = ctx.Parameters.GetInt("Window", 20),
            RequoteEvery = ctx.Parameters.GetTimeSpan("RequoteEvery", TimeSpan.FromSeconds(3)),
            MaxPosition = ctx.Parameters.GetDecimal("MaxPosition", 50),
        }.Validated(), ctx.Options));
        var defaults = new RebalancerOptions();
        desk.WithStrategyType("PortfolioRebalancer", ["Weights", "Budget", "Interval", "MinTradeValue"], ctx => RebalancerStrategy.Props(ctx.Desk, ctx.Id, new RebalancerOptions
        {
            Weights = ctx.Parameters.GetWeights("Weights", defaults.Weights),
            Budget = ctx.Parameters.GetDecimal("Budget", defaults.Budget),
            Interval = ctx.Parameters.GetTimeSpan("Interval", defaults.Interval),
            MinTradeValue = ctx.Parameters.GetDecimal("MinTradeValue", defaults.MinTradeValue),
        }.Validated(), ctx.Options));
    }
}
