using Xunit;
using static TradingDesk.Cli.Tests.GatewayVerbHarness;

namespace TradingDesk.Cli.Tests;

/// <summary>Bad values for typed options and arguments are said in the user's words: which one, what was given, what is expected.</summary>
public sealed class ParseErrorTests
{
    [Theory]
    [InlineData(new[] { "order", "buy", "10", "AAPL", "--limit", "abc" }, "desk order: --limit: 'abc' is not a price (expected a positive number like 101.25)")]
    [InlineData(new[] { "order", "buy", "10", "AAPL", "--stop", "-3" }, "desk order: --stop: '-3' is not a price (expected a positive number like 101.25)")]
    [InlineData(new[] { "order", "buy", "ten", "AAPL" }, "desk order: QTY: 'ten' is not a quantity (expected a positive number of shares or contracts like 10)")]
    [InlineData(new[] { "order", "buy", "10", "AAPL", "--wait", "soon" }, "desk order: --wait: 'soon' is not a number of seconds (expected 0 to 600 seconds, like 5 or 0.5)")]
    [InlineData(new[] { "cancel", "x" }, "desk cancel: ORDER_ID: 'x' is not an order id (expected a whole number of 1 or more, like 42)")]
    [InlineData(new[] { "time", "--client-id", "seven" }, "desk time: --client-id: 'seven' is not a client id (expected a whole number of 0 or more, like 17)")]
    [InlineData(new[] { "time", "--connect-timeout", "10s" }, "desk time: --connect-timeout: '10s' is not a number of seconds (expected more than 0 and at most 3600 seconds, like 5 or 0.5)")]
    [InlineData(new[] { "quote", "AAPL", "--count", "1.5" }, "desk quote: --count: '1.5' is not a count of quotes (expected a whole number from 1 to 1000000, like 10)")]
    [InlineData(new[] { "quote", "AAPL", "--timeout", "x" }, "desk quote: --timeout: 'x' is not a number of seconds (expected more than 0 and at most 3600 seconds, like 5 or 0.5)")]
    [InlineData(new[] { "decode", "-", "--server-version", "new" }, "desk decode: --server-version: 'new' is not a server version (expected a whole number from 100 to 999, like 176)")]
    [InlineData(new[] { "decode", "-", "--direction", "sideways" }, "desk decode: --direction must be in (what a client receives) or out (what a client sends), not 'sideways'")]
    [InlineData(new[] { "bars", "AAPL", "--end", "20261399" }, "desk bars: --end must be \"yyyyMMdd-HH:mm:ss\" (UTC) or \"yyyyMMdd HH:mm:ss Zone\", not '20261399'")]
    [InlineData(new[] { "contract", "ES", "--sec-type", "FUT", "--expiry", "202613" }, "desk contract: --expiry must be a contract month YYYYMM or a day YYYYMMDD (e.g. 202606 or 20260619), not '202613'")]
    public async Task A_value_that_does_not_parse_is_one_line_in_the_users_words_and_exit_2(string[] args, string expected)
    {
        var (code, stdout, stderr) = await Run(args);
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal(expected, Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task No_line_names_a_dotnet_type()
    {
        foreach (var args in new[]
        {
            new[] { "order", "buy", "1e", "AAPL" }, ["order", "buy", "1", "AAPL", "--limit", "1,5"], ["time", "--client-id", "99999999999"],
            ["quote", "AAPL", "--count", "x"], ["cancel", "1.0"], ["run", "--duration", "abc"], ["simulator", "--port", "x"],
        })
        {
            var (code, _, stderr) = await Run(args);
            Assert.Equal(2, code);
            var line = Assert.Single(Lines(stderr));
            Assert.DoesNotContain("System.", line);
            Assert.DoesNotContain("expected type", line);
            Assert.Contains("'", line); // what was given is quoted
        }
    }

    [Fact]
    public async Task Missing_arguments_are_one_line_naming_them_with_the_usage()
    {
        var (code, stdout, stderr) = await Run("order", "buy");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Equal("desk order: missing QTY and SYMBOL (usage: desk order <ACTION> <QTY> <SYMBOL> [options]; see 'desk order --help')",
            Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task Desk_without_a_command_prints_the_usage_once_and_exits_2()
    {
        var (code, stdout, stderr) = await Run();
        Assert.Equal(2, code);
        Assert.Empty(stdout); // stdout stays data
        Assert.DoesNotContain("Required command was not provided", stderr);
        Assert.Equal(1, Count(stderr, "Usage:"));
        Assert.Contains("[command] [options]", stderr); // "desk" when run as desk; the test host's name here
        Assert.Contains("order <ACTION> <QTY> <SYMBOL>", stderr);
    }

    [Fact]
    public async Task An_unknown_option_of_desk_itself_is_one_line()
    {
        var (code, _, stderr) = await Run("--bogus");
        Assert.Equal(2, code);
        Assert.Equal("desk: Unrecognized command or argument '--bogus'.", Assert.Single(Lines(stderr)));
    }

    [Fact]
    public async Task Several_unknown_tokens_are_one_line_naming_them_all()
    {
        var (code, _, stderr) = await Run("bars", "AAPL", "--count", "x");
        Assert.Equal(2, code);
        Assert.Equal("desk bars: Unrecognized command or arguments '--count' 'x'; see 'desk bars --help'", Assert.Single(Lines(stderr)));
    }

    private static int Count(string text, string part)
    {
        var n = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) n++;
        return n;
    }
}
