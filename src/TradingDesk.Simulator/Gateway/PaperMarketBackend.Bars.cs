using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Protocol;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqHistoricalData (+ keepUpToDate), reqHeadTimestamp, reqRealTimeBars.
public sealed partial class PaperMarketBackend
{
    private bool OnBarsRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case HistoricalDataRequest r:
                Historical(client, r);
                return true;
            case CancelHistoricalData c:
                if (client.Live.TryGetValue(c.ReqId, out var h) && h is HistoricalLine) client.Live.Remove(c.ReqId);
                return true;
            case HeadTimestampRequest r:
                if (Resolve(session, r.ReqId, r.Contract) is not { } hc) return true;
                var head = Market.HeadTimestamp(hc.ConId);
                session.Send(new HeadTimestamp
                {
                    ReqId = r.ReqId,
                    HeadTimestamp_ = r.FormatDate == 2
                        ? head.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
                        : head.UtcDateTime.ToString("yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture),
                });
                return true;
            case CancelHeadTimestamp:
                return true;
            case RealTimeBarsRequest r:
                if (IsDuplicate(client, r.ReqId)) return true;
                if (r.BarSize != 5)
                {
                    session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"real-time bar size {r.BarSize} is not 5 (seconds)", Now));
                    return true;
                }
                if (!WhatToShowCodes.TryParse(r.WhatToShow, out var wts, out var err) || wts == WhatToShow.BidAsk)
                {
                    session.Send(GatewayErrors.ValidationFailed(r.ReqId, err?.Message ?? $"whatToShow {r.WhatToShow} is not TRADES, MIDPOINT, BID or ASK", Now));
                    return true;
                }
                if (Resolve(session, r.ReqId, r.Contract) is not { } rc) return true;
                client.Live[r.ReqId] = new RealTimeBarLine(r.ReqId, rc, wts);
                return true;
            case CancelRealTimeBars c:
                if (client.Live.TryGetValue(c.ReqId, out var b) && b is RealTimeBarLine) client.Live.Remove(c.ReqId);
                return true;
            default:
                return false;
        }
    }

    private void Historical(ClientLines client, HistoricalDataRequest r)
    {
        var session = client.Session;
        if (IsDuplicate(client, r.ReqId)) return;
        if (Resolve(session, r.ReqId, r.Contract) is not { } contract) return;
        if (r.KeepUpToDate && !string.IsNullOrWhiteSpace(r.EndDateTime))
        {
            session.Send(GatewayErrors.ValidationFailed(r.ReqId, "End date not supported with live updates", Now));
            return;
        }
        if (!WireFormat.TryParseTime(r.EndDateTime, Now, out var end))
        {
            session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"endDateTime '{r.EndDateTime}' is not 'yyyyMMdd HH:mm:ss [zone]' or 'yyyyMMdd-HH:mm:ss'", Now));
            return;
        }
        if (!HistoricalBarsRequest.TryParse(contract.ConId, end, r.Duration, r.BarSizeSetting, r.WhatToShow, r.UseRTH, out var request, out var error))
        {
            SendHistoricalError(session, r.ReqId, error!);
            return;
        }
        var key = new HistoricalRequestKey(contract.ConId.Value, r.Contract?.Exchange ?? "", request!.WhatToShow.ToIb(),
            $"{r.EndDateTime}|{r.Duration}|{r.BarSizeSetting}|{r.UseRTH}|{r.KeepUpToDate}");
        if (_pacing.TryAccept(key, Now) is { } rule)
        {
            _logger.LogPacing(client.ClientId, r.ReqId, rule);
            session.Send(GatewayErrors.HistoricalPacing(r.ReqId, Now));
            return;
        }
        var result = Market.GetHistoricalBars(request);
        if (result.Error is { } e)
        {
            SendHistoricalError(session, r.ReqId, e);
            return;
        }
        var zone = ExchangeTimeZone.ForIbId(contract.TimeZoneId);
        var data = new HistoricalData { ReqId = r.ReqId };
        foreach (var bar in result.Bars) data.HistoricalDataBars.Add(ToWire(bar, zone, r.FormatDate));
        var endMessage = new HistoricalDataEnd
        {
            ReqId = r.ReqId,
            StartDateStr = LocalText(request.Duration.StartFrom(request.End), zone),
            EndDateStr = LocalText(request.End, zone),
        };
        // Before 196 the bars frame itself carries the start and end dates and ends the request.
        if (session.ServerVersion < ServerVersions.HistoricalDataEnd) session.Send(data, endMessage);
        else
        {
            session.Send(data);
            session.Send(endMessage);
        }
        if (r.KeepUpToDate)
            client.Live[r.ReqId] = new HistoricalLine(r.ReqId, request, r.FormatDate) { LastBar = result.Bars.LastOrDefault() };
    }

    private void SendHistoricalError(GatewaySession session, int reqId, HistoricalDataError error) =>
        session.Send(error.IbCode == 321
            ? GatewayErrors.Create(reqId, 321, error.Message, Now)
            : GatewayErrors.HistoricalError(reqId, error.Message, Now));

    private static string LocalText(DateTimeOffset t, ExchangeTimeZone zone) =>
        zone.ToLocal(t).ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture) + " " + zone.IbId;

    /// <summary>formatDate 1: local time with the zone (dates alone for daily and longer bars); 2: epoch seconds.</summary>
    private static HistoricalDataBar ToWire(PriceBar bar, ExchangeTimeZone zone, int formatDate) => new()
    {
        Date = bar.Date is { } d ? d.ToString("yyyyMMdd", CultureInfo.InvariantCulture)
            : formatDate == 2 ? bar.Time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
            : LocalText(bar.Time, zone),
        Open = (double)bar.Open, High = (double)bar.High, Low = (double)bar.Low, Close = (double)bar.Close,
        Volume = WireFormat.Qty(bar.Volume), WAP = WireFormat.Qty(bar.Wap), BarCount = bar.Count,
    };

    private void OnFiveSeconds()
    {
        foreach (var client in _clients.Values)
            foreach (var line in client.Live.Values)
            {
                if (line is RealTimeBarLine rt) SendRealTimeBar(client.Session, rt);
                else if (line is HistoricalLine h) SendHistoricalUpdate(client.Session, h);
            }
    }

    private void SendRealTimeBar(GatewaySession session, RealTimeBarLine line)
    {
        // Null while the market is closed: IB sends no real-time bars then either.
        if (Market.GetLatestRealtimeBar(line.Contract.ConId, line.WhatToShow) is not { } bar || bar.Time == line.LastBarTime) return;
        line.LastBarTime = bar.Time;
        session.Send(new RealTimeBarTick
        {
            ReqId = line.ReqId, Time = bar.Time.ToUnixTimeSeconds(),
            Open = (double)bar.Open, High = (double)bar.High, Low = (double)bar.Low, Close = (double)bar.Close,
            Volume = WireFormat.Qty(bar.Volume), WAP = WireFormat.Qty(bar.Wap), Count = bar.Count,
        });
    }

    // keepUpToDate: the bar in progress, re-sent whenever it changes (a new bar starts as a new date).
    private void SendHistoricalUpdate(GatewaySession session, HistoricalLine line)
    {
        var r = line.Request;
        var window = r.BarSize.IsIntraday ? new HistoricalDuration(2 * r.BarSize.Seconds, DurationUnit.Seconds) : r.Duration;
        var result = Market.GetHistoricalBars(r with { End = Now, Duration = window });
        if (result.Bars.Count == 0 || result.Bars[^1] == line.LastBar) return;
        line.LastBar = result.Bars[^1];
        var contract = Market.Catalogue.Get(r.ConId);
        session.Send(new HistoricalDataUpdate { ReqId = line.ReqId, HistoricalDataBar = ToWire(line.LastBar, ExchangeTimeZone.ForIbId(contract.TimeZoneId), line.FormatDate) });
    }
}
