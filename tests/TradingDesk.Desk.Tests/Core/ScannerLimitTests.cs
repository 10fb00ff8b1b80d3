using TradingDesk.Desk.MarketData;
using TradingDesk.Desk.Requests;
using Xunit;

namespace TradingDesk.Desk.Tests.Core;

/// <summary>The pure rule of IB's 10 simultaneous scans: what counts, what waits for a cancel, what the gateway's 162 means.</summary>
public sealed class ScannerLimitTests
{
    private static LineKey Scan(int n) => new(ScannerLimit.LineKind, $"CODE_{n}|STK|STK.US.MAJOR|50|||||||");
    private static readonly LineKey[] Ten = Enumerable.Range(0, 10).Select(Scan).Append(new LineKey("mkt", "AAPL")).ToArray();

    [Fact]
    public void Only_a_new_distinct_scan_over_ten_is_refused()
    {
        Assert.Null(ScannerLimit.Refusal(Ten.Take(9).Append(new LineKey("mkt", "x")), Scan(10)));
        Assert.Null(ScannerLimit.Refusal(Ten, Scan(3))); // joins a running one
        Assert.Null(ScannerLimit.Refusal(Ten, new LineKey("mkt", "MSFT"))); // not a scan
        var refused = ScannerLimit.Refusal(Ten, Scan(10))!;
        Assert.Equal(10, refused.Running.Count);
        Assert.Equal("CODE_0 (STK STK.US.MAJOR)", refused.Running[0]);
    }

    [Fact]
    public void A_new_scan_waits_only_for_a_slot_whose_cancel_is_still_going_out()
    {
        var nine = Ten.Take(9).ToArray();
        Assert.True(ScannerLimit.WaitsForCancel(nine, Scan(10), cancelling: 1));
        Assert.False(ScannerLimit.WaitsForCancel(nine, Scan(10), cancelling: 0));
        Assert.False(ScannerLimit.WaitsForCancel(nine, Scan(3), cancelling: 1)); // joins a running one
        Assert.False(ScannerLimit.WaitsForCancel(Ten.Take(8), Scan(10), cancelling: 1));
    }

    [Fact]
    public void The_gateways_162_for_the_limit_is_typed_and_other_162s_are_not()
    {
        const string text = "Historical Market Data Service error message:Only 10 simultaneous API scanner subscriptions are allowed.";
        Assert.Equal(text, ScannerLimit.FromGateway(162, text)!.GatewayMessage);
        Assert.Null(ScannerLimit.FromGateway(162, "Historical Market Data Service error message:Scanner filter x is disabled."));
        Assert.Null(ScannerLimit.FromGateway(200, text));
    }
}
