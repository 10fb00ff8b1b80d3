using System.Globalization;
using Google.Protobuf;
using IBApi.protobuf;
using TradingDesk.Simulator.Market;
using TradingDesk.Simulator.Server;

namespace TradingDesk.Simulator.Gateway;

// reqScannerParameters, reqScannerSubscription / cancelScannerSubscription.
public sealed partial class PaperMarketBackend
{
    /// <summary>How often a live scan is re-run and re-sent (UNCONFIRMED: IB refreshes scans roughly this often).</summary>
    internal static readonly TimeSpan ScannerRefresh = TimeSpan.FromSeconds(30);

    /// <summary>
    /// IB runs at most this many API scans at a time, counted per API client connection (this session's live
    /// scans); the next is refused until one is cancelled or the connection goes.
    /// </summary>
    internal const int MaxActiveScans = 10;

    /// <summary>IB's text for a scan over <see cref="MaxActiveScans"/>, after the 162 prefix.</summary>
    internal const string TooManyScansText = "Only 10 simultaneous API scanner subscriptions are allowed.";

    private MarketScanner? _scanner;
    private MarketScanner Scanner => _scanner ??= new MarketScanner(Market.Prices, Market.Catalogue);

    private bool OnScannerRequest(ClientLines client, IMessage request)
    {
        var session = client.Session;
        switch (request)
        {
            case ScannerParametersRequest:
                session.Send(new ScannerParameters { Xml = MarketScanner.ParametersXml() });
                return true;
            case ScannerSubscriptionRequest r:
                if (IsDuplicate(client, r.ReqId)) return true;
                // The limit is checked before the scan itself: the refusal is the only answer, nothing else is sent.
                if (client.Live.Values.Count(l => l is ScannerLine) >= MaxActiveScans)
                {
                    session.Send(ScannerError(r.ReqId, TooManyScansText));
                    return true;
                }
                if (ScanOf(session, r) is not { } scan) return true;
                var line = new ScannerLine(r.ReqId, scan);
                client.Live[r.ReqId] = line;
                RefreshScanner(session, line);
                return true;
            case CancelScannerSubscription c:
                if (client.Live.TryGetValue(c.ReqId, out var live) && live is ScannerLine)
                {
                    client.Live.Remove(c.ReqId);
                    // IB acknowledges a cancelled scan with this 162 (client libraries filter it by its text as benign).
                    session.Send(ScannerError(c.ReqId, $"API scanner subscription cancelled: {c.ReqId}"));
                }
                return true;
            default:
                return false;
        }
    }

    internal sealed class ScannerLine(int reqId, ScanRequest scan) : LiveRequest(reqId)
    {
        public ScanRequest Scan { get; } = scan;
        public DateTimeOffset? NextRefresh { get; set; }
    }

    /// <summary>A full scannerData (every row, ranks from 0) when the line is due: at once, then every <see cref="ScannerRefresh"/>.</summary>
    private void RefreshScanner(GatewaySession session, ScannerLine line)
    {
        var now = Now;
        if (line.NextRefresh is { } due && now < due) return;
        line.NextRefresh = now + ScannerRefresh;
        var data = new ScannerData { ReqId = line.ReqId };
        var rank = 0;
        foreach (var row in Scanner.Scan(line.Scan, now))
            data.ScannerDataElement.Add(new ScannerDataElement
            {
                Rank = rank++, Contract = WireFormat.ToWire(row.Contract), MarketName = row.Contract.TradingClass,
                Distance = "", Benchmark = "", Projection = "", ComboKey = "",
            });
        session.Send(data);
    }

    // Scanner refusals come as 162 from the market data farm that runs scans, like IB's "Scanner filter … is disabled."
    private ErrorMessage ScannerError(int reqId, string text) =>
        GatewayErrors.Create(reqId, 162, "Historical Market Data Service error message:" + text, Now);

    /// <summary>The subscription as a scan; a code, instrument, location or filter the scanner does not offer is answered 162.</summary>
    private ScanRequest? ScanOf(GatewaySession session, ScannerSubscriptionRequest r)
    {
        var s = r.ScannerSubscription ?? new ScannerSubscription();
        var code = (s.ScanCode ?? "").Trim().ToUpperInvariant();
        var instrument = (s.Instrument ?? "").Trim().ToUpperInvariant();
        var location = (s.LocationCode ?? "").Trim().ToUpperInvariant();
        string? refusal = !MarketScanner.IsScanCode(code) ? $"Scanner type with code {s.ScanCode} is not supported."
            : !MarketScanner.IsInstrument(instrument) ? $"Scanner instrument {s.Instrument} is not supported."
            : !MarketScanner.IsLocation(location) || !MarketScanner.Locations.Any(l => l.Code == location && l.Instrument == instrument)
                ? $"Scanner location {s.LocationCode} is not valid for instrument {s.Instrument}." : null;
        decimal? Opt(bool has, double value) => has && value is not (double.MaxValue or int.MaxValue) && double.IsFinite(value) ? (decimal)value : null;
        var scan = new ScanRequest(code, instrument, location,
            s.HasNumberOfRows && s.NumberOfRows > 0 && s.NumberOfRows != int.MaxValue ? s.NumberOfRows : MarketScanner.MaxRows,
            Opt(s.HasAbovePrice, s.AbovePrice), Opt(s.HasBelowPrice, s.BelowPrice),
            s.HasAboveVolume && s.AboveVolume is > 0 and not (int.MaxValue or long.MaxValue) ? s.AboveVolume : null,
            Opt(s.HasMarketCapAbove, s.MarketCapAbove), Opt(s.HasMarketCapBelow, s.MarketCapBelow));
        foreach (var (tag, value) in s.ScannerSubscriptionFilterOptions)
        {
            if (refusal is not null) break;
            var d = decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null;
            if (d is null) { refusal = $"Scanner filter {tag} has the value '{value}', not a number."; break; }
            ScanRequest? next = tag switch
            {
                "priceAbove" => scan with { AbovePrice = d },
                "priceBelow" => scan with { BelowPrice = d },
                "volumeAbove" => scan with { AboveVolume = d },
                "avgVolumeAbove" => scan with { AverageVolumeAbove = d },
                // Market caps in millions; accounts here are USD, so the USD codes mean the same.
                "marketCapAbove1e6" or "usdMarketCapAbove" => scan with { MarketCapAbove = d },
                "marketCapBelow1e6" or "usdMarketCapBelow" => scan with { MarketCapBelow = d },
                _ => null,
            };
            if (next is null) refusal = $"Scanner filter {tag} is disabled.";
            else scan = next;
        }
        if (refusal is null) return scan;
        session.Send(ScannerError(r.ReqId, refusal));
        return null;
    }
}
