using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Catalogue;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqHistoricalTicks (TRADES, BID_ASK, MIDPOINT) and cancelHistoricalTicks.
public sealed partial class PaperMarketBackend
{
    private bool OnHistoricalTicksRequest(ClientLines client, IMessage request)
    {
        switch (request)
        {
            case HistoricalTicksRequest r:
                SendHistoricalTicks(client, r);
                return true;
            case CancelHistoricalTicks:
                // The ticks went out whole with the request (done = true), so nothing is left to cancel by the time
                // a cancel arrives; it is accepted silently (UNCONFIRMED: what IB answers to a late cancel).
                return true;
            default:
                return false;
        }
    }

    private void SendHistoricalTicks(ClientLines client, HistoricalTicksRequest r)
    {
        var session = client.Session;
        if (IsDuplicate(client, r.ReqId)) return; // an id live in another family (as for bars)
        if (Resolve(session, r.ReqId, r.Contract) is not { } contract) return;
        TickKind? kind = (r.WhatToShow ?? "").Trim().ToUpperInvariant() switch
        {
            "TRADES" => TickKind.Trades, "BID_ASK" => TickKind.BidAsk, "MIDPOINT" => TickKind.Midpoint, _ => null,
        };
        if (kind is not { } k)
        {
            // The cause IB gives for a whatToShow it does not know (RS2 fixture of error 321).
            session.Send(GatewayErrors.Create(r.ReqId, 321, "Error validating request.-'bW' : cause - What to show field is missing or incorrect.", Now));
            return;
        }
        var hasStart = !string.IsNullOrWhiteSpace(r.StartDateTime);
        var hasEnd = !string.IsNullOrWhiteSpace(r.EndDateTime);
        if (hasStart == hasEnd)
        {
            // UNCONFIRMED text: IB's documentation says exactly one of the two must be given.
            session.Send(GatewayErrors.ValidationFailed(r.ReqId, "exactly one of startDateTime and endDateTime must be specified", Now));
            return;
        }
        var text = hasStart ? r.StartDateTime : r.EndDateTime;
        if (!WireFormat.TryParseTime(text, Now, out var at))
        {
            session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"{(hasStart ? "startDateTime" : "endDateTime")} '{text}' is not 'yyyyMMdd HH:mm:ss [zone]' or 'yyyyMMdd-HH:mm:ss'", Now));
            return;
        }
        if (!r.HasNumberOfTicks || r.NumberOfTicks <= 0)
        {
            session.Send(GatewayErrors.ValidationFailed(r.ReqId, $"numberOfTicks {r.NumberOfTicks} is not a positive number", Now));
            return;
        }
        if (contract.SecType == SecType.Cash && k == TickKind.Trades)
        {
            // As for bars: IDEALPRO has quotes but no trades.
            session.Send(GatewayErrors.HistoricalError(r.ReqId, $"No historical market data for {contract.Symbol}/CASH@FXSUB Last 0", Now));
            return;
        }
        var key = new HistoricalRequestKey(contract.ConId.Value, r.Contract?.Exchange ?? "", r.WhatToShow!.Trim().ToUpperInvariant(),
            $"ticks|{r.StartDateTime}|{r.EndDateTime}|{r.NumberOfTicks}|{r.UseRTH}|{r.IgnoreSize}");
        if (_pacing.TryAccept(key, Now) is { } rule)
        {
            _logger.LogPacing(client.ClientId, r.ReqId, rule);
            session.Send(GatewayErrors.HistoricalPacing(r.ReqId, Now));
            return;
        }
        var query = new TickHistoryQuery(contract.ConId, hasStart ? at : null, hasEnd ? at : null,
            Math.Min(r.NumberOfTicks, PriceEngine.MaxHistoricalTicks), k, r.UseRTH, r.IgnoreSize);
        var ticks = Market.Prices.GetHistoricalTicks(query, Now);
        // One message with done = true: IB may split a large answer, and the last part carries done.
        switch (k)
        {
            case TickKind.Trades:
                var last = new HistoricalTicksLast { ReqId = r.ReqId, IsDone = true };
                foreach (var t in ticks)
                    last.HistoricalTicksLast_.Add(new HistoricalTickLast
                    {
                        Time = t.Time.ToUnixTimeSeconds(), Price = (double)t.Price, Size = WireFormat.Qty(t.Size),
                        Exchange = t.Exchange, SpecialConditions = "",
                        TickAttribLast = new TickAttribLast { PastLimit = false, Unreported = t.Unreported },
                    });
                session.Send(last);
                break;
            case TickKind.BidAsk:
                var quotes = new HistoricalTicksBidAsk { ReqId = r.ReqId, IsDone = true };
                foreach (var t in ticks)
                    quotes.HistoricalTicksBidAsk_.Add(new HistoricalTickBidAsk
                    {
                        Time = t.Time.ToUnixTimeSeconds(), PriceBid = (double)t.Bid, PriceAsk = (double)t.Ask,
                        SizeBid = WireFormat.Qty(t.BidSize), SizeAsk = WireFormat.Qty(t.AskSize),
                        // The quote never leaves the day's range here (no auctions or crossed books are simulated).
                        TickAttribBidAsk = new TickAttribBidAsk { BidPastLow = false, AskPastHigh = false },
                    });
                session.Send(quotes);
                break;
            default:
                var mids = new IBApi.protobuf.HistoricalTicks { ReqId = r.ReqId, IsDone = true };
                foreach (var t in ticks)
                    mids.HistoricalTicks_.Add(new HistoricalTick { Time = t.Time.ToUnixTimeSeconds(), Price = (double)t.Price, Size = "0" });
                session.Send(mids);
                break;
        }
    }
}
