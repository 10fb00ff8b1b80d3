using System.Xml.Linq;
using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Gateway;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>reqScannerParameters and scanner subscriptions: text below 210, protobuf from it.</summary>
public sealed class ScannersTests
{
    public static TheoryData<int> TextAndProtobuf => OptionsTests.TextAndProtobuf;

    private static ScannerSubscriptionRequest Scan(int reqId, string code, int rows = 10, string instrument = "STK", string location = "STK.US.MAJOR") => new()
    {
        ReqId = reqId,
        ScannerSubscription = new ScannerSubscription { ScanCode = code, Instrument = instrument, LocationCode = location, NumberOfRows = rows },
    };

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Scanner_parameters_list_the_instruments_locations_scan_codes_and_filters(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new ScannerParametersRequest());
        var doc = XDocument.Parse((await client.ExpectAsync<ScannerParameters>()).Xml);
        Assert.Equal("ScanParameterResponse", doc.Root!.Name.LocalName);
        var codes = doc.Descendants("ScanType").Select(s => s.Element("scanCode")!.Value).ToList();
        Assert.Subset(codes.ToHashSet(), new HashSet<string> { "TOP_PERC_GAIN", "TOP_PERC_LOSE", "MOST_ACTIVE", "HOT_BY_VOLUME", "HIGH_OPT_IMP_VOLAT" });
        Assert.Contains("STK.US.MAJOR", doc.Descendants("locationCode").Select(e => e.Value));
        Assert.Contains("STK", doc.Descendants("Instrument").Select(e => e.Element("type")!.Value));
        Assert.Contains("priceAbove", doc.Descendants("AbstractField").Select(e => e.Element("code")!.Value));
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Top_gainers_are_ranked_by_the_change_from_the_previous_close_and_refresh_until_cancelled(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Scan(91, "TOP_PERC_GAIN", rows: 50));
        var first = await client.ExpectAsync<ScannerData>(d => d.ReqId == 91);
        var changes = await sim.Simulator.InvokeAsync(m => first.ScannerDataElement.Select(e =>
        {
            var id = new ConId(e.Contract.ConId);
            var day = m.GetDayStats(id);
            return (m.GetQuote(id).Last - day.PreviousClose) / day.PreviousClose;
        }).ToList());
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.True(c > 0, "a gainer"));
        Assert.Equal(changes.OrderByDescending(c => c), changes);
        Assert.Equal(Enumerable.Range(0, first.ScannerDataElement.Count), first.ScannerDataElement.Select(e => e.Rank));
        Assert.All(first.ScannerDataElement, e => Assert.Equal("STK", e.Contract.SecType));

        await SimHarness.RoundTripAsync(client);
        await sim.AdvanceAsync(PaperMarketBackend.ScannerRefresh);
        var refreshed = await client.ExpectAsync<ScannerData>(d => d.ReqId == 91);
        Assert.NotEmpty(refreshed.ScannerDataElement);

        await client.SendAsync(new CancelScannerSubscription { ReqId = 91 });
        var ack = await client.ExpectAsync<ErrorMessage>(e => e.Id == 91);
        Assert.Equal(162, ack.ErrorCode);
        Assert.Contains("API scanner subscription cancelled", ack.ErrorMsg);
        await sim.AdvanceAsync(PaperMarketBackend.ScannerRefresh * 2);
        await client.SendAsync(new CurrentTimeRequest());
        Assert.IsType<CurrentTime>((await client.NextAsync()).Message);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Most_active_honours_the_row_count_and_the_price_filters(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        var request = Scan(92, "MOST_ACTIVE", rows: 3);
        request.ScannerSubscription.AbovePrice = 300;
        await client.SendAsync(request);
        var data = await client.ExpectAsync<ScannerData>(d => d.ReqId == 92);
        Assert.Equal(3, data.ScannerDataElement.Count);
        var rows = await sim.Simulator.InvokeAsync(m => data.ScannerDataElement.Select(e =>
        {
            var id = new ConId(e.Contract.ConId);
            return (Last: m.GetQuote(id).Last, m.GetDayStats(id).Volume);
        }).ToList());
        Assert.All(rows, r => Assert.True(r.Last > 300m, "above the price filter"));
        Assert.Equal(rows.OrderByDescending(r => r.Volume), rows);

        var nasdaq = Scan(93, "HIGH_OPT_IMP_VOLAT", rows: 50, location: "STK.NASDAQ");
        nasdaq.ScannerSubscription.ScannerSubscriptionFilterOptions["priceBelow"] = "200";
        nasdaq.ScannerSubscription.ScannerSubscriptionFilterOptions["usdMarketCapAbove"] = "1";
        await client.SendAsync(nasdaq);
        var vol = await client.ExpectAsync<ScannerData>(d => d.ReqId == 93);
        Assert.NotEmpty(vol.ScannerDataElement);
        var symbols = vol.ScannerDataElement.Select(e => e.Contract.Symbol).ToList();
        Assert.DoesNotContain("IBM", symbols);
        Assert.DoesNotContain("MSFT", symbols);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Unknown_codes_locations_and_filters_are_162_and_a_live_id_is_102(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(Scan(94, "NOT_A_SCAN"));
        Assert.Equal(162, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 94)).ErrorCode);
        await client.SendAsync(Scan(95, "MOST_ACTIVE", location: "ETF.EQ.US.MAJOR"));
        Assert.Equal(162, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 95)).ErrorCode);
        var filtered = Scan(96, "MOST_ACTIVE");
        filtered.ScannerSubscription.ScannerSubscriptionFilterOptions["optVolumeAbove"] = "1000";
        await client.SendAsync(filtered);
        var disabled = await client.ExpectAsync<ErrorMessage>(e => e.Id == 96);
        Assert.Equal((162, "Historical Market Data Service error message:Scanner filter optVolumeAbove is disabled."), (disabled.ErrorCode, disabled.ErrorMsg));

        await client.SendAsync(Scan(97, "MOST_ACTIVE"));
        await client.ExpectAsync<ScannerData>(d => d.ReqId == 97);
        await client.SendAsync(Scan(97, "TOP_PERC_LOSE"));
        Assert.Equal(102, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 97)).ErrorCode);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task An_eleventh_live_scan_of_a_connection_is_162_alone_and_a_cancel_frees_its_slot(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync(7);
        var other = await sim.ClientAsync(8);
        for (var id = 200; id < 210; id++)
        {
            await client.SendAsync(Scan(id, "MOST_ACTIVE", rows: 5));
            await client.ExpectAsync<ScannerData>(d => d.ReqId == id);
        }

        await client.SendAsync(Scan(210, "TOP_PERC_GAIN", rows: 5));
        var refused = await client.ExpectAsync<ErrorMessage>(e => e.Id == 210);
        Assert.Equal((162, "Historical Market Data Service error message:Only 10 simultaneous API scanner subscriptions are allowed."),
            (refused.ErrorCode, refused.ErrorMsg));
        await client.SendAsync(new CurrentTimeRequest());
        Assert.IsType<CurrentTime>((await client.NextAsync()).Message);
        Assert.Equal(10, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(7)));

        // The limit is per connection: another client's scans do not count against this one's.
        await other.SendAsync(Scan(210, "TOP_PERC_GAIN", rows: 5));
        await other.ExpectAsync<ScannerData>(d => d.ReqId == 210);

        await client.SendAsync(new CancelScannerSubscription { ReqId = 203 });
        await client.ExpectAsync<ErrorMessage>(e => e.Id == 203 && e.ErrorCode == 162);
        await client.SendAsync(Scan(210, "TOP_PERC_GAIN", rows: 5));
        Assert.NotEmpty((await client.ExpectAsync<ScannerData>(d => d.ReqId == 210)).ScannerDataElement);
        await client.SendAsync(Scan(211, "TOP_PERC_LOSE", rows: 5));
        Assert.Equal(162, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 211)).ErrorCode);
    }

    [Fact]
    public async Task Scans_calculators_and_bulletins_are_live_requests_that_end_with_a_cancel_or_the_connection()
    {
        await using var sim = await SimHarness.StartAsync();
        var client = await sim.ClientAsync(6);
        await client.SendAsync(Scan(98, "MOST_ACTIVE"));
        await client.SendAsync(new CalculateOptionPriceRequest { ReqId = 99, Contract = OptionsTests.AaplCall(230), Volatility = 0.3, UnderPrice = 228 });
        await client.SendAsync(new NewsBulletinsRequest { AllMessages = false });
        await SimHarness.RoundTripAsync(client);
        Assert.Equal(3, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(6)));
        await client.SendAsync(new CancelCalculateOptionPrice { ReqId = 99 });
        await SimHarness.RoundTripAsync(client);
        Assert.Equal(2, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(6)));
        var gone = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        sim.Simulator.Backend.ClientClosed += id => gone.TrySetResult(id);
        await client.DisposeAsync();
        Assert.Equal(6, await gone.Task.WaitAsync(TestClient.DefaultTimeout));
        Assert.Equal(-1, await sim.Simulator.InvokeAsync(_ => sim.Simulator.Backend.LiveRequestCount(6)));
    }
}
