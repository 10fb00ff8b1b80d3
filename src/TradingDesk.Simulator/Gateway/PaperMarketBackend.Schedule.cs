using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqHistoricalData with whatToShow SCHEDULE: the trading schedule instead of bars (historicalSchedule).
public sealed partial class PaperMarketBackend
{
    private bool OnScheduleRequest(ClientLines client, IMessage request)
    {
        if (request is not HistoricalDataRequest r || !string.Equals(r.WhatToShow?.Trim(), "SCHEDULE", StringComparison.OrdinalIgnoreCase))
            return false;
        SendSchedule(client, r);
        return true;
    }

    private void SendSchedule(ClientLines client, HistoricalDataRequest r)
    {
        var session = client.Session;
        if (IsDuplicate(client, r.ReqId)) return; // an id live in another family (as for bars)
        if (!CanCarry(session, new HistoricalSchedule(), r.ReqId)) return;
        if (Resolve(session, r.ReqId, r.Contract) is not { } contract) return;
        if (!WireFormat.TryParseTime(r.EndDateTime, Now, out var end))
        {
            session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"endDateTime '{r.EndDateTime}' is not 'yyyyMMdd HH:mm:ss [zone]' or 'yyyyMMdd-HH:mm:ss'", Now));
            return;
        }
        if (!HistoricalDuration.TryParse(r.Duration, out var duration, out var error) || !BarSize.TryParse(r.BarSizeSetting, out var barSize, out error))
        {
            SendHistoricalError(session, r.ReqId, error!);
            return;
        }
        if (barSize.IsIntraday)
        {
            // ERRTAB: 10295 "Only daily resolution supported for Schedule requests".
            session.Send(GatewayErrors.Create(r.ReqId, 10295, "Only daily resolution supported for Schedule requests", Now));
            return;
        }
        var key = new HistoricalRequestKey(contract.ConId.Value, r.Contract?.Exchange ?? "", "SCHEDULE",
            $"{r.EndDateTime}|{r.Duration}|{r.BarSizeSetting}|{r.UseRTH}");
        if (_pacing.TryAccept(key, Now) is { } rule)
        {
            _logger.LogPacing(client.ClientId, r.ReqId, rule);
            session.Send(GatewayErrors.HistoricalPacing(r.ReqId, Now));
            return;
        }
        var zone = ExchangeTimeZone.ForIbId(contract.TimeZoneId);
        var sessions = TradingSchedule.Sessions(contract.Session, duration.StartFrom(end), end, r.UseRTH);
        var schedule = new HistoricalSchedule
        {
            ReqId = r.ReqId,
            StartDateTime = ScheduleText(sessions.Count > 0 ? sessions[0].Start : duration.StartFrom(end), zone),
            EndDateTime = ScheduleText(sessions.Count > 0 ? sessions[^1].End : end, zone),
            TimeZone = zone.IbId,
        };
        foreach (var s in sessions)
            schedule.HistoricalSessions.Add(new HistoricalSession
            {
                StartDateTime = ScheduleText(s.Start, zone), EndDateTime = ScheduleText(s.End, zone),
                RefDate = s.TradingDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            });
        session.Send(schedule);
    }

    // IB writes the schedule's times as "yyyyMMdd-HH:mm:ss" in the exchange's zone, which timeZone names (UNCONFIRMED:
    // taken from IB's sample output, not a capture).
    private static string ScheduleText(DateTimeOffset t, ExchangeTimeZone zone) =>
        zone.ToLocal(t).ToString("yyyyMMdd-HH:mm:ss", CultureInfo.InvariantCulture);
}
