using System.Globalization;
using System.Xml.Linq;
using IBApi.protobuf;
using TradingDesk.Simulator.Tests.Support;

namespace TradingDesk.Simulator.Tests.Wire;

/// <summary>reqFundamentalData: text below 210, protobuf from it.</summary>
public sealed class FundamentalsTests
{
    public static TheoryData<int> TextAndProtobuf => OptionsTests.TextAndProtobuf;

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task Every_report_of_a_stock_is_an_xml_document_with_IBs_root(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        var roots = new Dictionary<string, string>
        {
            ["ReportSnapshot"] = "ReportSnapshot", ["ReportsFinSummary"] = "FinancialSummary", ["ReportsOwnership"] = "OwnershipDetails",
            ["RESC"] = "REarnEstCons", ["CalendarReport"] = "CalendarReport",
        };
        var id = 60;
        foreach (var (report, root) in roots)
        {
            await client.SendAsync(new FundamentalsDataRequest { ReqId = ++id, Contract = SimHarness.Aapl, ReportType = report });
            var data = await client.ExpectAsync<FundamentalsData>(d => d.ReqId == id);
            Assert.StartsWith("<?xml", data.Data);
            Assert.Equal(root, XDocument.Parse(data.Data).Root!.Name.LocalName);
        }
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task The_snapshot_agrees_with_the_market_price_and_its_shares(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        await client.SendAsync(new FundamentalsDataRequest { ReqId = 70, Contract = SimHarness.Aapl, ReportType = "ReportSnapshot" });
        var doc = XDocument.Parse((await client.ExpectAsync<FundamentalsData>(d => d.ReqId == 70)).Data);
        var last = await sim.Simulator.InvokeAsync(m => m.GetQuote(new TradingDesk.Simulator.Catalogue.ConId(SimHarness.AaplConId)).Last);
        double Ratio(string field) => double.Parse(doc.Descendants("Ratio").Single(r => (string?)r.Attribute("FieldName") == field).Value, CultureInfo.InvariantCulture);
        Assert.Equal((double)last, Ratio("NPRICE"), 2);
        var shares = double.Parse(doc.Descendants("SharesOut").Single().Value, CultureInfo.InvariantCulture);
        // MKTCAP is in millions with one decimal.
        Assert.InRange(Ratio("MKTCAP") - (double)last * shares / 1e6, -0.1, 0.1);
        Assert.Equal("AAPL", doc.Descendants("IssueID").Single(e => (string?)e.Attribute("Type") == "Ticker").Value);
    }

    [Theory]
    [MemberData(nameof(TextAndProtobuf))]
    public async Task A_future_an_unknown_report_and_an_ETFs_estimates_are_430_and_an_unknown_contract_200(int version)
    {
        await using var sim = await SimHarness.StartAsync(version);
        var client = await sim.ClientAsync();
        var eur = new Contract { Symbol = "EUR", SecType = "CASH", Exchange = "IDEALPRO", Currency = "USD" };
        await client.SendAsync(new FundamentalsDataRequest { ReqId = 81, Contract = eur, ReportType = "ReportSnapshot" });
        var refused = await client.ExpectAsync<ErrorMessage>(e => e.Id == 81);
        Assert.Equal((430, "The fundamentals data for the security specified is not available."), (refused.ErrorCode, refused.ErrorMsg));
        await client.SendAsync(new FundamentalsDataRequest { ReqId = 82, Contract = SimHarness.Aapl, ReportType = "ReportRatios" });
        Assert.Equal(430, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 82)).ErrorCode);
        var spy = new Contract { Symbol = "SPY", SecType = "STK", Exchange = "SMART", Currency = "USD" };
        await client.SendAsync(new FundamentalsDataRequest { ReqId = 83, Contract = spy, ReportType = "RESC" });
        Assert.Equal(430, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 83)).ErrorCode);
        await client.SendAsync(new FundamentalsDataRequest { ReqId = 84, Contract = spy, ReportType = "ReportSnapshot" });
        Assert.Equal(84, (await client.ExpectAsync<FundamentalsData>()).ReqId);
        await client.SendAsync(new FundamentalsDataRequest { ReqId = 85, Contract = new Contract { Symbol = "NOPE", SecType = "STK", Exchange = "SMART", Currency = "USD" }, ReportType = "ReportSnapshot" });
        Assert.Equal(200, (await client.ExpectAsync<ErrorMessage>(e => e.Id == 85)).ErrorCode);
        // A cancel after the answer has nothing to end and is not answered.
        await client.SendAsync(new CancelFundamentalsData { ReqId = 84 });
        await client.SendAsync(new CurrentTimeRequest());
        Assert.IsType<CurrentTime>((await client.NextAsync()).Message);
    }
}
