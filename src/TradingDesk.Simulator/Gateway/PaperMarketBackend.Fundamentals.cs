using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqFundamentalData / cancelFundamentalData.
public sealed partial class PaperMarketBackend
{
    private bool OnFundamentalsRequest(ClientLines client, IMessage request)
    {
        switch (request)
        {
            case FundamentalsDataRequest r:
                SendFundamentals(client.Session, r);
                return true;
            case CancelFundamentalsData:
                // The report went out in one message when it was asked for: nothing is left to cancel.
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// One fundamentalData with the XML report, or 430 when the report is not available: the contract is not a stock
    /// (futures, FX, options), the report type is not one of IB's five, or an ETF has no such report (earnings
    /// estimates, the financial summary and the calendar are company reports). An unknown contract is 200.
    /// </summary>
    private void SendFundamentals(GatewaySession session, FundamentalsDataRequest r)
    {
        if (Resolve(session, r.ReqId, r.Contract) is not { } contract) return;
        var profile = CompanyProfile.Of(contract, Market.Prices.Options.Seed);
        var xml = profile is null ? null : FundamentalReports.Build((r.ReportType ?? "").Trim(), profile, Market.GetQuote(contract.ConId).Last, Now, Market.Prices.Options.Seed);
        session.Send(xml is null ? FundamentalsNotAvailable(r.ReqId, Now) : new FundamentalsData { ReqId = r.ReqId, Data = xml });
    }

    // 430 and its text as a paper gateway sends it (ib_insync issue 369 quotes "The fundamentals data for the security
    // specified is not available.Not allowed" for a refused CalendarReport; IB's message table words it "We are sorry,
    // but fundamentals data for the security specified is not available."). The observed text is used.
    private static ErrorMessage FundamentalsNotAvailable(int reqId, DateTimeOffset t) =>
        GatewayErrors.Create(reqId, 430, "The fundamentals data for the security specified is not available.", t);
}
