namespace TradingDesk.Simulator.Tests.Faults;

public sealed class FaultGrammarTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public void Every_kind_parses_with_its_argument_and_time()
    {
        Assert.Equal(new ScheduledFault(FaultKind.Drop, S(30)) { Text = "drop at 30s" }, FaultGrammar.Parse("drop at 30s"));
        Assert.Equal(new ScheduledFault(FaultKind.Drop, S(30)) { Every = S(30), Text = "drop-every 30s" }, FaultGrammar.Parse("drop-every 30s"));
        Assert.Equal(new ScheduledFault(FaultKind.Drop, S(5)) { Every = S(30), Text = "drop-every 30s at 5s" }, FaultGrammar.Parse("drop-every 30s at 5s"));
        Assert.Equal(FaultKind.RestartKeepingState, FaultGrammar.Parse("restart-keep at 60s").Kind);
        Assert.Equal(new ScheduledFault(FaultKind.RestartLosingState, S(60)) { Text = "restart-forget at 60s" }, FaultGrammar.Parse("restart-forget at 60s"));
        Assert.Equal(new ScheduledFault(FaultKind.Refuse, S(20)) { Length = S(10), Text = "refuse 10s at 20s" }, FaultGrammar.Parse("refuse 10s at 20s"));
        Assert.Equal(new ScheduledFault(FaultKind.Stall, S(30)) { Length = S(5), Text = "stall 5s at 30s" }, FaultGrammar.Parse("stall 5s at 30s"));
        Assert.Equal(new ScheduledFault(FaultKind.ConnectivityLost, S(40)) { Text = "1100 at 40s" }, FaultGrammar.Parse("1100 at 40s"));
        Assert.Equal(FaultKind.ConnectivityRestoredDataLost, FaultGrammar.Parse("1101 at 50s").Kind);
        Assert.Equal(FaultKind.ConnectivityRestoredDataMaintained, FaultGrammar.Parse("1102").Kind);
        Assert.Equal(new ScheduledFault(FaultKind.Garbage, S(10)) { ClientId = 7, Text = "garbage 7 at 10s" }, FaultGrammar.Parse("garbage 7 at 10s"));
        Assert.Equal(new ScheduledFault(FaultKind.Truncate, TimeSpan.Zero) { ClientId = 0, Text = "truncate 0" }, FaultGrammar.Parse("truncate 0"));
        Assert.Equal(new ScheduledFault(FaultKind.RejectOrders, TimeSpan.Zero) { Count = 1, Text = "reject-orders" }, FaultGrammar.Parse("reject-orders"));
        Assert.Equal(new ScheduledFault(FaultKind.RejectOrders, S(10)) { Count = 3, Text = "reject-orders 3 at 10s" }, FaultGrammar.Parse("reject-orders 3 at 10s"));
        Assert.Equal(new ScheduledFault(FaultKind.RejectOrders, S(10)) { Count = 1, Text = "reject-orders at 10s" }, FaultGrammar.Parse("reject-orders at 10s"));
    }

    [Fact]
    public void Words_and_one_string_give_the_same_fault_and_kinds_ignore_case()
    {
        Assert.Equal(FaultGrammar.Parse("refuse 10s at 20s"), FaultGrammar.Parse(["refuse", "10s", "at", "20s"]));
        Assert.Equal(FaultGrammar.Parse("stall 5s AT 30s") with { Text = "" }, FaultGrammar.Parse("STALL 5s at 30s") with { Text = "" });
    }

    [Theory]
    [InlineData("500ms", 0.5)]
    [InlineData("30s", 30)]
    [InlineData("1.5m", 90)]
    [InlineData("2h", 7200)]
    [InlineData("0s", 0)]
    [InlineData("10S", 10)]
    public void Durations_are_a_number_and_a_unit(string text, double seconds) =>
        Assert.Equal(S(seconds), FaultGrammar.TryParseDuration(text));

    [Theory]
    [InlineData("30")]
    [InlineData("s")]
    [InlineData("-5s")]
    [InlineData("5x")]
    [InlineData("1e3s")]
    [InlineData("00:00:05")]
    public void Other_text_is_not_a_duration(string text) => Assert.Null(FaultGrammar.TryParseDuration(text));

    [Theory]
    [InlineData("", "no fault given", "one of: drop [at T]")]
    [InlineData("explode at 5s", "'explode' is not a fault kind", "one of: drop [at T]")]
    [InlineData("stall at 30s", "stall needs a duration", "'stall DURATION [at TIME]', e.g. 'stall 5s at 30s'")]
    [InlineData("refuse", "refuse needs a duration", "'refuse DURATION [at TIME]'")]
    [InlineData("drop-every", "drop-every needs a period", "'drop-every PERIOD [at TIME]'")]
    [InlineData("drop-every 0s", "'0s' must be longer than zero", "a number and a unit")]
    [InlineData("stall 5x at 30s", "'5x' is not a duration", "a number and a unit: 500ms, 30s, 2m, 1h")]
    [InlineData("drop at", "'at' needs a time after the start", "a number and a unit")]
    [InlineData("drop at soon", "'soon' is not a duration", "a number and a unit")]
    [InlineData("drop 30s", "unexpected '30s'", "'drop [at TIME]', e.g. 'drop at 30s'")]
    [InlineData("drop at 30s now", "unexpected 'now'", "'drop [at TIME]'")]
    [InlineData("garbage at 10s", "garbage needs the client id to send it to", "'garbage CLIENT_ID [at TIME]'")]
    [InlineData("truncate x", "'x' is not a client id", "a whole number 0 or more")]
    [InlineData("reject-orders 0", "'0' is not a number of orders", "a whole number 1..1000000")]
    [InlineData("reject-orders many", "'many' is not a number of orders", "a whole number 1..1000000")]
    [InlineData("stall 25h", "'25h' is too long", "at most 24h")]
    [InlineData("drop at 99999999999999999h", "'99999999999999999h' is too long", "at most 24h")]
    public void Bad_text_says_what_was_given_what_is_wrong_and_what_is_expected(string text, string problem, string expected)
    {
        var error = Assert.Throws<FaultSyntaxException>(() => FaultGrammar.Parse(text));
        Assert.Equal(text, error.Given);
        Assert.Equal(problem, error.Problem);
        Assert.StartsWith(expected, error.Expected);
        Assert.Equal($"fault '{text}': {problem}; expected {error.Expected}", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
