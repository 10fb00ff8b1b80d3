using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqHistogramData and cancelHistogramData.
public sealed partial class PaperMarketBackend
{
    private bool OnHistogramRequest(ClientLines client, IMessage request)
    {
        switch (request)
        {
            case HistogramDataRequest r:
                SendHistogram(client, r);
                return true;
            case CancelHistogramData:
                // The histogram is answered whole at once; a cancel after it finds nothing to stop (UNCONFIRMED:
                // whether IB answers a late cancel).
                return true;
            default:
                return false;
        }
    }

    private void SendHistogram(ClientLines client, HistogramDataRequest r)
    {
        var session = client.Session;
        if (IsDuplicate(client, r.ReqId)) return; // an id live in another family (as for bars)
        if (Resolve(session, r.ReqId, r.Contract) is not { } contract) return;
        if (!HistogramPeriod.TryParse(r.TimePeriod, out var period))
        {
            // UNCONFIRMED text: IB documents periods such as "3 days" and "1 week".
            session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"time period '{r.TimePeriod}' is not '<integer> days|weeks|months|years'", Now));
            return;
        }
        var key = new HistoricalRequestKey(contract.ConId.Value, r.Contract?.Exchange ?? "", "HISTOGRAM", $"{r.TimePeriod}|{r.UseRTH}");
        if (_pacing.TryAccept(key, Now) is { } rule)
        {
            _logger.LogPacing(client.ClientId, r.ReqId, rule);
            session.Send(GatewayErrors.HistoricalPacing(r.ReqId, Now));
            return;
        }
        var data = new HistogramData { ReqId = r.ReqId };
        foreach (var (price, volume) in Market.Prices.GetHistogram(contract.ConId, period.StartFrom(Now), Now, r.UseRTH))
            data.HistogramDataEntries.Add(new HistogramDataEntry { Price = (double)price, Size = WireFormat.Qty(volume) });
        session.Send(data);
    }
}
