using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Messages;
using Xunit;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>Seeded random join / leave / leave-all sequences against a plain reference-count model.</summary>
public sealed class LineTableModelTests
{
    [Theory]
    [InlineData(1)] [InlineData(2)] [InlineData(3)] [InlineData(42)] [InlineData(2026)]
    public void The_table_matches_a_reference_count_model(int seed)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 4).Select(i => new LineKey("mkt", $"K{i}")).ToArray();
        var subscribers = Enumerable.Range(0, 5).Select(i => $"s{i}").ToArray();
        var model = new Dictionary<(LineKey, string), int>();
        var table = LineTable<string>.Empty;
        var nextId = 1L;
        var gatewayLines = 0; // lines opened minus lines released: must equal the model's live keys

        for (var step = 0; step < 2_000; step++)
        {
            var key = keys[random.Next(keys.Length)];
            var who = subscribers[random.Next(subscribers.Length)];
            switch (random.Next(3))
            {
                case 0:
                    var (t, line, result) = table.Join(key, who, new SubscriptionId(nextId));
                    if (result == LineTable<string>.JoinResult.NewLine) { nextId++; gatewayLines++; }
                    table = t;
                    model[(key, who)] = model.GetValueOrDefault((key, who)) + 1;
                    Assert.Equal(line.Id, table.ByKey[key].Id);
                    break;
                case 1:
                    if (!table.ByKey.TryGetValue(key, out var existing)) break;
                    var left = table.Leave(existing.Id, who);
                    table = left.Table;
                    if (left.Changed) model[(key, who)]--;
                    if (left.Line is null && left.Changed) gatewayLines--;
                    break;
                default:
                    var (after, gone) = table.LeaveAll(who);
                    table = after;
                    gatewayLines -= gone.Count(g => g.Released);
                    foreach (var k in keys) model.Remove((k, who));
                    break;
            }
            foreach (var k in keys)
            {
                var expected = subscribers.Sum(s => model.GetValueOrDefault((k, s)));
                if (expected == 0) Assert.False(table.ByKey.ContainsKey(k), $"step {step}: {k} should be released");
                else Assert.Equal(expected, table.ByKey[k].Total);
            }
            Assert.Equal(table.ByKey.Count, gatewayLines);
            Assert.Equal(table.ByKey.Count, table.ById.Count);
        }
    }
}
